import Foundation
import Recommender
import Toolkit
import Workspace

extension Borough {
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
