import CSV
import Foundation
import GRDB

/// A file a contract manager gave as evidence of one quarter's delivery of one commitment: kept in the workspace
/// with its size and SHA-256, and served only to those who may monitor the contract's delivery.
public struct EvidenceFile: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table of evidence files.
    public static let databaseTableName = "evidenceFile"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The contract delivered.
    public var contractId: Int64
    /// The quarter of the contract the evidence is for, from 1.
    public var quarter: Int
    /// The measure's catalogue key (`framework:ref`).
    public var measure: String
    /// The file's own name (its last path part, printable, at most 80 characters).
    public var fileName: String
    /// The file's bytes.
    public var content: Data
    /// The number of bytes.
    public var bytes: Int
    /// The SHA-256 of the bytes, in hexadecimal.
    public var sha256: String
    /// Who gave it.
    public var uploadedBy: String
    /// When it was given.
    public var uploadedAt: Date

    /// Evidence not yet saved (no id), its size and digest taken from `content`.
    public init(
        contractId: Int64, quarter: Int, measure: String, fileName: String, content: Data, uploadedBy: String,
        uploadedAt: Date
    ) {
        (self.contractId, self.quarter, self.measure, self.fileName, self.content) = (
            contractId, quarter, measure, fileName, content
        )
        (bytes, sha256) = (content.count, SHA256.hexDigest(of: Array(content)))
        (self.uploadedBy, self.uploadedAt) = (uploadedBy, uploadedAt)
    }

    /// Takes the row id the database gave the inserted file.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// How the returns CSV names the file in its `evidence` column: its name and the start of its SHA-256.
    public var reference: String { "file \(fileName) (SHA-256 \(sha256.prefix(12)))" }
}

extension EvidenceFile {
    /// The columns queries filter and order by, named from the record's coding keys.
    public enum Columns {
        /// The `id` column.
        public static let id = Column(CodingKeys.id)
        /// The `contractId` column.
        public static let contractId = Column(CodingKeys.contractId)
    }
}
