import CSV
import Core

/// The protected characteristics the toolkit accepts, with their common spellings, from
/// `Datasets/taxonomy/protected_characteristics.csv` (`name,basis,aliases`; aliases separated by `|`).
public struct ProtectedCharacteristics: Sendable {
    /// Canonical names, in file order.
    public let names: [String]
    private let lookup: [String: String]

    /// Reads the characteristics file.
    /// - Throws: `ToolkitError` naming the file when it cannot be read or has no `name` column.
    public init(path: String) throws {
        let table = try CSVTable(path: path)
        let index = HeaderName.index(table.header)
        guard let name = index["name"] else {
            throw ToolkitError(file: path, line: table.headerLine, "missing column \"name\"")
        }
        var names: [String] = []
        var lookup: [String: String] = [:]
        try table.forEachRow { row in
            let canonical = row[name].trimmedString
            names.append(canonical)
            let aliases = index["aliases"].map { row[$0].trimmedString.split(separator: "|").map(String.init) } ?? []
            for spelling in [canonical] + aliases {
                lookup[Self.key(spelling)] = canonical
            }
        }
        self.names = names
        self.lookup = lookup
    }

    /// The shipped list.
    /// - Throws: `ToolkitError` when the data folder cannot be found, and as ``init(path:)``.
    public static func shipped() throws -> ProtectedCharacteristics {
        try ProtectedCharacteristics(path: DatasetsDirectory.path() + "/taxonomy/protected_characteristics.csv")
    }

    /// The canonical name for a spelling, or `nil` when unknown.
    public func canonical(_ spelling: String) -> String? { lookup[Self.key(spelling)] }

    private static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }
}
