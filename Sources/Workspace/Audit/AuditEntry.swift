import CSV
import Foundation
import GRDB

/// One change to a workspace, kept in the same transaction as the change itself: who made it, when, what it was,
/// and what it changed from and to (as JSON, never a password's hash).
public struct AuditEntry: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table of the audit trail.
    public static let databaseTableName = "auditEntry"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// When the change was made.
    public var at: Date
    /// Who made it: an account's name, the single user of a workspace without accounts, or the command line.
    public var actor: String
    /// The contract changed, where the change was to one.
    public var contractId: Int64?
    /// What was done.
    public var action: Action
    /// What it was done to, in words: a measure's reference, an uploaded file's name, an account's name.
    public var subject: String
    /// What was there before, as JSON; nil for something new.
    public var before: String?
    /// What is there after, as JSON; nil for something removed.
    public var after: String?

    /// The kinds of change the trail records.
    public enum Action: String, Codable, Sendable, CaseIterable {
        /// A contract saved for the first time.
        case contractAdded = "contract added"
        /// A contract's profile edited.
        case contractEdited = "contract edited"
        /// A recommendation made and kept.
        case recommended
        /// A decision on a measure made or changed.
        case decided
        /// Suppliers' offers uploaded and evaluated.
        case offersUploaded = "offers uploaded"
        /// Commitments and returns uploaded and monitored.
        case returnsUploaded = "returns uploaded"
        /// A contract assigned to an account.
        case assigned
        /// An account added.
        case accountAdded = "account added"
        /// An account's role, name, password or status changed.
        case accountChanged = "account changed"
        /// A workspace archive imported.
        case archiveImported = "archive imported"
        /// A contract put out to tender.
        case tenderPublished = "tender published"
        /// A supplier's offer saved as a draft or submitted (sealed: its content is not in the trail).
        case offerSaved = "offer saved"
        /// A tender's written responses marked, its offers scored, or the contract awarded.
        case tenderChanged = "tender changed"
        /// A file given as evidence of delivery.
        case evidenceUploaded = "evidence uploaded"
    }

    /// Takes the row id the database gave the inserted entry.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Who is making the changes of the task at hand; the command line's user unless a server says otherwise.
    @TaskLocal public static var actor = "command line (\(ProcessInfo.processInfo.userName))"

    /// The trail as CSV, a row per change, with a header; with a byte-order mark first when asked (for Excel).
    public static func csv(_ entries: [AuditEntry], byteOrderMark: Bool) -> [UInt8] {
        let dates = ISO8601DateFormatter()
        return CSVWriter.bytes(byteOrderMark: byteOrderMark) { writer in
            writer.write(["id", "at", "actor", "contract", "action", "subject", "before", "after"])
            for entry in entries {
                writer.write([
                    entry.id.map(String.init) ?? "", dates.string(from: entry.at), entry.actor,
                    entry.contractId.map(String.init) ?? "", entry.action.rawValue, entry.subject, entry.before ?? "",
                    entry.after ?? "",
                ])
            }
        }
    }
}

extension AuditEntry {
    /// An entry for a change made now by the task's actor.
    init(
        _ action: Action, contract: Int64?, subject: String, before: (any Encodable)? = nil,
        after: (any Encodable)? = nil, at date: Date
    ) throws {
        self.init(
            id: nil, at: date, actor: Self.actor, contractId: contract, action: action, subject: subject,
            before: try before.map { try StoredJSON.text($0) }, after: try after.map { try StoredJSON.text($0) })
    }

}

extension AuditEntry {
    /// The columns queries filter and order by, named from the record's coding keys.
    public enum Columns {
        /// The `id` column.
        public static let id = Column(CodingKeys.id)
        /// The `contractId` column.
        public static let contractId = Column(CodingKeys.contractId)
    }
}
