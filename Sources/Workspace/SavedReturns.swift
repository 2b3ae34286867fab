import Foundation
import GRDB
import Recommender

/// A supplier's commitments and quarterly returns for a contract as uploaded, with the monitoring they give.
/// The returns' evidence notes travel in the returns CSV.
public struct SavedReturns: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table of returns.
    public static let databaseTableName = "returns"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The id of the contract the returns are for.
    public var contractId: Int64
    /// The uploaded commitments CSV's own name (its last path part, printable, at most 80 characters).
    public var commitmentsName: String
    /// The uploaded commitments CSV's bytes.
    public var commitments: Data
    /// The uploaded returns CSV's own name (its last path part, printable, at most 80 characters).
    public var returnsName: String
    /// The uploaded returns CSV's bytes, evidence notes included.
    public var returns: Data
    /// The delivery against the commitments, as the returns show it.
    public var monitoring: DeliveryMonitoring
    /// When the commitments and returns were uploaded.
    public var uploadedAt: Date

    /// Commitments and returns not yet saved (no id).
    public init(
        contractId: Int64, commitmentsName: String, commitments: Data, returnsName: String, returns: Data,
        monitoring: DeliveryMonitoring, uploadedAt: Date
    ) {
        self.contractId = contractId
        self.commitmentsName = commitmentsName
        self.commitments = commitments
        self.returnsName = returnsName
        self.returns = returns
        self.monitoring = monitoring
        self.uploadedAt = uploadedAt
    }

    /// Takes the row id SQLite gave the inserted returns.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SavedReturns {
    /// The columns queries filter and order by, named from the record's coding keys.
    public enum Columns {
        /// The `id` column.
        public static let id = Column(CodingKeys.id)
        /// The `contractId` column.
        public static let contractId = Column(CodingKeys.contractId)
    }
}
