import Foundation
import GRDB
import Recommender

/// One saved version of a contract's profile: the history of its edits.
public struct ContractRevision: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table of contract revisions.
    public static let databaseTableName = "contractRevision"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The id of the contract revised.
    public var contractId: Int64
    /// The contract's version this profile was saved as (unique per contract).
    public var version: Int
    /// The profile as saved in that version.
    public var profile: ContractProfile
    /// When that version was saved.
    var savedAt: Date

    /// Takes the row id SQLite gave the inserted revision.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ContractRevision {
    /// The columns queries filter and order by, named from the record's coding keys.
    public enum Columns {
        /// The `id` column.
        public static let id = Column(CodingKeys.id)
        /// The `contractId` column.
        public static let contractId = Column(CodingKeys.contractId)
        /// The `version` column.
        public static let version = Column(CodingKeys.version)
    }
}
