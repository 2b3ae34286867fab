import Catalogue
import Evidence
import Foundation
import Geography
import NeedsAnalysis
import Recommender
import Reports
import Workspace

/// The evidence a workspace serves, loaded once when `svtk serve` starts: the borough's needs analysis, the
/// catalogue and policy, the equality action plan's gaps, the ward maps and the inputs' provenance.
///
/// Nothing in it changes while the server runs, so requests share it without locks.
public struct ServedBorough: @unchecked Sendable {
    // @unchecked: NeedsAnalysis holds only values and a profile cache that locks itself; it is read-only here.
    /// The borough's needs analysis.
    public let analysis: NeedsAnalysis
    /// The catalogue: measures, proxy values, taxonomy, CPV vocabulary and the workspace's limits.
    public let catalogue: Catalogue
    /// The policy parameters the recommendations follow.
    public let policy: Policy
    /// The equality action plan's gaps, as loaded; empty without a plan.
    public let equalityGaps: [EqualityGap]
    /// The gaps placed in the data: their wards and the size of each group there.
    public let equalityNeeds: [EqualityNeed]
    /// The borough's need profiles, shared by every page.
    public let view: BoroughView
    /// The ward maps; nil when there are no boundaries for the borough's wards.
    public let maps: ReportMaps?
    /// How the wards' deprivation moved between two IoD editions; nil unless both are loaded.
    public let editionChange: EditionChange?
    /// The data files (with their SHA-256), the catalogue and the svtk that made every page.
    public let provenance: Provenance
    /// How the data were prepared (roll-ups, duplicates, conversions).
    public let notes: [String]

    /// Gathers what the server serves, placing the equality gaps in the analysis once.
    /// - Throws: `ToolkitError` naming the action plan's line when a gap names a ward the borough does not have.
    public init(
        analysis: NeedsAnalysis, catalogue: Catalogue, policy: Policy, equalityGaps: [EqualityGap],
        maps: ReportMaps?, view: BoroughView, provenance: Provenance, notes: [String]
    ) throws {
        self.analysis = analysis
        self.catalogue = catalogue
        self.policy = policy
        self.equalityGaps = equalityGaps
        self.equalityNeeds = try analysis.equalityNeeds(equalityGaps)
        self.view = view
        self.maps = maps
        editionChange = EditionChange(analysis.dataset)
        self.provenance = provenance
        self.notes = notes
    }

    var recommender: Recommender {
        Recommender(catalogue: catalogue, policy: policy, analysis: analysis, equalityGaps: equalityGaps)
    }

    /// The recommendation for a contract profile.
    /// - Throws: `ToolkitError` naming the profile's field that is wrong.
    func recommend(_ profile: ContractProfile) throws -> Recommendation {
        try profile.validate(file: "contract", catalogue: catalogue)
        return try recommender.recommend(profile, file: "contract", notes: notes)
    }

    /// A recommendation made for a saved contract, as a snapshot to keep: the contract's version, the inputs'
    /// checksums, the catalogue, the policy and the svtk that made it.
    func snapshot(_ recommendation: Recommendation, for contract: SavedContract, at date: Date = Date())
        -> RecommendationSnapshot
    {
        RecommendationSnapshot(
            contractId: contract.id ?? 0, contractVersion: contract.version, createdAt: date,
            inputs: provenance.files.map { "\($0.path) sha256:\($0.sha256)" },
            catalogue: provenance.catalogue.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(
                separator: "; "),
            policy: recommendation.policy, toolkit: provenance.toolkit, recommendation: recommendation)
    }
}
