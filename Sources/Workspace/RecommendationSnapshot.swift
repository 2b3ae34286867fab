import Foundation
import GRDB
import Recommender

/// A recommendation as it was made: for which version of the contract, from which inputs (their SHA-256), with
/// which catalogue and policy, by which svtk, and the whole output.
public struct RecommendationSnapshot: Codable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table of recommendation snapshots.
    public static let databaseTableName = "snapshot"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The id of the contract recommended for.
    public var contractId: Int64
    /// The contract's version the recommendation was made for.
    public var contractVersion: Int
    /// When the recommendation was made.
    public var createdAt: Date
    /// Each input file with its SHA-256, as `path sha256` lines.
    public var inputs: [String]
    /// Catalogue part → the folder it was read from, as `part: folder` separated by `; `.
    public var catalogue: String
    /// Whose policy the recommendation follows, as the recommendation states it.
    public var policy: String
    /// The svtk that made it, with its version (`svtk 0.11.0 (commit 1a2b3c4)`).
    public var toolkit: String
    /// The whole recommendation as made.
    public var recommendation: Recommendation

    /// A snapshot not yet saved (no id).
    public init(
        contractId: Int64, contractVersion: Int, createdAt: Date, inputs: [String], catalogue: String,
        policy: String, toolkit: String, recommendation: Recommendation
    ) {
        self.contractId = contractId
        self.contractVersion = contractVersion
        self.createdAt = createdAt
        self.inputs = inputs
        self.catalogue = catalogue
        self.policy = policy
        self.toolkit = toolkit
        self.recommendation = recommendation
    }

    /// Takes the row id SQLite gave the inserted snapshot.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension RecommendationSnapshot {
    /// The columns queries filter and order by, named from the record's coding keys.
    public enum Columns {
        /// The `id` column.
        public static let id = Column(CodingKeys.id)
        /// The `contractId` column.
        public static let contractId = Column(CodingKeys.contractId)
    }
}
