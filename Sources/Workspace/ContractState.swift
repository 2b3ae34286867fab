import Foundation
import Recommender

/// A contract as its page shows it: the contract, its latest recommendation's id and its decisions.
public struct ContractState: Sendable {
    /// The contract as saved.
    public var contract: SavedContract
    /// The id of the contract's latest recommendation snapshot; nil when it has none.
    public var latestRecommendation: Int64?
    /// The commissioner's decisions on the contract's measures, by measure reference.
    public var decisions: [SavedDecision]
}
