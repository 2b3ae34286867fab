import Catalogue
import Core

/// A contract profile checked once against the catalogue's limits (``ContractProfile/validate(file:catalogue:)``),
/// with where it came from, so that errors found while recommending name the same file and field.
public struct CheckedContract: Sendable {
    /// The profile, every field within its bounds.
    public let profile: ContractProfile
    /// Where the profile came from (a file, `flags`, `contract`), for errors.
    public let file: String

    /// Checks a profile.
    /// - Throws: `ToolkitError` naming `file` and the field of the first bad value.
    public init(_ profile: ContractProfile, file: String, catalogue: Catalogue) throws {
        try profile.validate(file: file, catalogue: catalogue)
        self.profile = profile
        self.file = file
    }
}
