import ArgumentParser
import CSV
import Catalogue

/// `--category goods|services|works`: the parser refuses anything else and lists the three.
extension ContractCategory: ExpressibleByArgument {}

/// `--delimiter comma|tab|semicolon` (or the character itself).
extension Delimiter: ExpressibleByArgument {
    /// The names `--help` lists.
    public static var allValueStrings: [String] { ["comma", "tab", "semicolon"] }
}
