import Core
import Foundation
import GRDB
import Recommender

/// The commissioner's current decision on one measure of a contract, with the version every change increments.
public struct SavedDecision: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table of decisions.
    public static let databaseTableName = "decision"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The id of the contract decided on.
    public var contractId: Int64
    /// The measure's reference as recommended (`J2`, `G1`); one decision per measure and contract.
    public var measure: String
    /// What the commissioner did with the measure: accept, drop or change it.
    public var action: CommissionerDecision.Action
    /// The target asked for instead, for a change; nil otherwise.
    public var target: Double?
    /// The commissioner's reason, which goes into the tender pack.
    public var reason: String
    /// The decision's version: 1 when first made, incremented by every change.
    public var version: Int
    /// When the decision was last made.
    public var decidedAt: Date

    /// The decision as the recommender applies it.
    public var decision: CommissionerDecision {
        CommissionerDecision(measure: measure, action: action, target: target, reason: reason)
    }

    /// Takes the row id SQLite gave the inserted decision.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SavedDecision {
    /// The columns queries filter and order by, named from the record's coding keys.
    public enum Columns {
        /// The `id` column.
        public static let id = Column(CodingKeys.id)
        /// The `contractId` column.
        public static let contractId = Column(CodingKeys.contractId)
        /// The `measure` column.
        public static let measure = Column(CodingKeys.measure)
    }
}

extension SavedDecision {
    /// The decision as saved over `existing` (the measure's current decision, if any), read at `version`.
    /// - Throws: a `conflict` ``ToolkitError`` when the measure's decision moved on since `version` was read.
    init(
        _ decision: CommissionerDecision, contract: Int64, replacing existing: SavedDecision?, readVersion version: Int,
        at date: Date
    ) throws {
        let now = existing?.version ?? 0
        guard now == version else {
            throw ToolkitError.conflict(what: "the decision on \(decision.measure)", read: version, now: now)
        }
        self.init(
            id: existing?.id, contractId: contract, measure: decision.measure, action: decision.action,
            target: decision.action == .change ? decision.target : nil, reason: decision.reason,
            version: now + 1, decidedAt: date)
    }
}
