import Core
import Foundation

/// A whole workspace as one JSON document, for moving it between machines (`svtk workspace export|import`):
/// every table's rows with their ids, so references between them survive.
public struct WorkspaceArchive: Codable, Sendable {
    /// Always ``WorkspaceArchive/formatName``: a file that says otherwise is not an archive.
    public var format: String
    /// The archive layout's version; this svtk reads ``WorkspaceArchive/currentVersion`` and below.
    public var version: Int
    /// Every contract, by id.
    public var contracts: [SavedContract]
    /// Every saved version of every contract's profile, by id.
    public var revisions: [ContractRevision]
    /// Every recommendation snapshot, by id.
    public var snapshots: [RecommendationSnapshot]
    /// Every commissioner's decision, by id.
    public var decisions: [SavedDecision]
    /// Every upload of suppliers' offers with its evaluation, by id.
    public var offers: [SavedOffers]
    /// Every upload of commitments and returns with its monitoring, by id.
    public var returns: [SavedReturns]
    /// Every account with the contracts assigned to it, where the export was asked to carry them (`--with-accounts`):
    /// their bcrypt hashes travel, never a password. Absent (nil) otherwise, and in archives of older svtk.
    public var accounts: [ArchivedAccount]?
    /// Every tender, by id; absent (nil) when the workspace has none, and in archives of older svtk.
    public var tenders: [Tender]?
    /// Every supplier's offer for a tender, drafts included, by id; absent when there are none.
    public var supplierOffers: [SupplierOffer]?
    /// Every evidence file with its bytes, by id; absent when there are none.
    public var evidenceFiles: [EvidenceFile]?

    /// The tenders, suppliers' offers and evidence files, each nil where there are none (so an archive of a
    /// workspace without them is as an older svtk wrote it).
    mutating func carry(tenders: [Tender], offers: [SupplierOffer], evidence: [EvidenceFile]) {
        self.tenders = tenders.isEmpty ? nil : tenders
        supplierOffers = offers.isEmpty ? nil : offers
        evidenceFiles = evidence.isEmpty ? nil : evidence
    }

    /// The `format` every archive carries.
    static let formatName = "svtk-workspace"
    /// The newest archive layout this svtk writes and reads.
    static let currentVersion = 1

    /// The archive as JSON: keys sorted, dates in ISO 8601, uploaded files in Base64.
    /// - Throws: `EncodingError` for a value JSON cannot hold (a number that is not finite).
    public func json() throws -> Data {
        try JSONOutput.encoder().encode(self)
    }

    /// Reads an archive, from the file named `file` where it came from one.
    /// - Throws: a ``ToolkitError`` naming the file and what is wrong.
    public static func read(_ data: Data, file: String? = nil) throws -> WorkspaceArchive {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let archive: WorkspaceArchive
        do {
            archive = try decoder.decode(WorkspaceArchive.self, from: data)
        } catch let error as DecodingError {
            throw ToolkitError.badArchive(file, "not an svtk workspace archive: \(describe(error))")
        }
        guard archive.format == formatName else {
            throw ToolkitError.badArchive(
                file, "not an svtk workspace archive: \"format\" is \"\(archive.format)\", not \"\(formatName)\"")
        }
        guard (1...currentVersion).contains(archive.version) else {
            throw ToolkitError.badArchive(
                file, "archive version \(archive.version) is newer than this svtk reads (\(currentVersion))")
        }
        return archive
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \"\(path(context)).\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\"\(path(context))\": \(context.debugDescription)"
        case .dataCorrupted(let context):
            return path(context).isEmpty ? "not valid JSON" : "\"\(path(context))\": \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// An account as an archive carries it: the account (its password's bcrypt hash included, so it signs in with the
/// same password wherever imported) and the contracts assigned to it.
public struct ArchivedAccount: Codable, Sendable {
    /// The account, with its id.
    public var account: Account
    /// The ids of the contracts assigned to it, in order.
    public var assignedContracts: [Int64]
}
