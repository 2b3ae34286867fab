import Catalogue
import Core
import Recommender

extension Borough {
    /// The recommender over this borough's evidence.
    var recommender: Recommender {
        Recommender(catalogue: catalogue, policy: policy, analysis: analysis, equalityGaps: equalityGaps)
    }

    /// Checks a contract profile against the catalogue's limits, before anything is recommended.
    /// - Throws: `ToolkitError` naming `file` (where the profile came from) and the field of the first bad value.
    public static func check(_ profile: ContractProfile, file: String, catalogue: Catalogue) throws -> CheckedContract {
        try CheckedContract(profile, file: file, catalogue: catalogue)
    }

    /// The recommendation for a contract already checked, with the notes on how the data were read. Its
    /// delivery wards are resolved here once, as codes and names, for every page, map and pack made from it.
    /// - Throws: `ToolkitError` naming the contract's file and field for an unknown CPV code or ward.
    public func recommend(_ contract: CheckedContract) throws -> Recommendation {
        try recommender.recommend(contract, notes: readingNotes)
    }

    /// The recommendation for a contract profile, checked once here.
    /// - Throws: `ToolkitError` naming `file` and the field that is wrong.
    public func recommend(_ profile: ContractProfile, file: String = "contract") throws -> Recommendation {
        try recommend(try CheckedContract(profile, file: file, catalogue: catalogue))
    }
}
