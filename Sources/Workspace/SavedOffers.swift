import Foundation
import GRDB
import Recommender

/// Suppliers' offers for a contract as uploaded (the CSV's bytes and name) and their evaluation.
public struct SavedOffers: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table of offers.
    public static let databaseTableName = "offers"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The id of the contract the offers are for.
    public var contractId: Int64
    /// The uploaded CSV's own name (its last path part, printable, at most 80 characters).
    public var fileName: String
    /// The uploaded CSV's bytes.
    public var csv: Data
    /// The offers evaluated against the contract's recommended measures.
    public var evaluation: BidEvaluation
    /// When the offers were uploaded.
    public var uploadedAt: Date

    /// Offers not yet saved (no id).
    public init(contractId: Int64, fileName: String, csv: Data, evaluation: BidEvaluation, uploadedAt: Date) {
        self.contractId = contractId
        self.fileName = fileName
        self.csv = csv
        self.evaluation = evaluation
        self.uploadedAt = uploadedAt
    }

    /// Takes the row id SQLite gave the inserted offers.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SavedOffers {
    /// The columns queries filter and order by, named from the record's coding keys.
    public enum Columns {
        /// The `id` column.
        public static let id = Column(CodingKeys.id)
        /// The `contractId` column.
        public static let contractId = Column(CodingKeys.contractId)
    }
}
