import CSV
import Catalogue
import Foundation
import Recommender

/// The entry each kind of change leaves in the audit trail, the same from either store.
extension AuditEntry {
    /// A contract saved for the first time: its profile.
    static func contractAdded(_ contract: SavedContract) throws -> AuditEntry {
        try AuditEntry(
            .contractAdded, contract: contract.id, subject: contract.title, after: contract.profile,
            at: contract.createdAt)
    }

    /// A contract edited: its profile before and after.
    static func contractEdited(from old: SavedContract, to new: SavedContract) throws -> AuditEntry {
        try AuditEntry(
            .contractEdited, contract: new.id, subject: "version \(new.version)", before: old.profile,
            after: new.profile, at: new.updatedAt)
    }

    /// A recommendation kept: which, for which version, how many measures, the total SLEVA.
    static func recommended(_ snapshot: RecommendationSnapshot) throws -> AuditEntry {
        struct Kept: Encodable {
            let recommendation: Int64?, contractVersion: Int, measures: Int, totalSleva: Double
        }
        let kept = Kept(
            recommendation: snapshot.id, contractVersion: snapshot.contractVersion,
            measures: snapshot.recommendation.measures.count, totalSleva: snapshot.recommendation.totalSleva)
        return try AuditEntry(
            .recommended, contract: snapshot.contractId, subject: "recommendation \(snapshot.id ?? 0)", after: kept,
            at: snapshot.createdAt)
    }

    /// A decision made or changed: the decision before (if any) and after.
    static func decided(from old: SavedDecision?, to new: SavedDecision) throws -> AuditEntry {
        try AuditEntry(
            .decided, contract: new.contractId, subject: new.measure, before: old?.decision, after: new.decision,
            at: new.decidedAt)
    }

    /// Offers uploaded: the file's size and SHA-256, and the suppliers it named.
    static func offersUploaded(_ offers: SavedOffers) throws -> AuditEntry {
        struct Upload: Encodable { let bytes: Int, sha256: String, suppliers: [String] }
        let upload = Upload(
            bytes: offers.csv.count, sha256: digest(offers.csv),
            suppliers: offers.evaluation.offers.map(\.supplier))
        return try AuditEntry(
            .offersUploaded, contract: offers.contractId, subject: offers.fileName, after: upload,
            at: offers.uploadedAt)
    }

    /// Commitments and returns uploaded: each file's size and SHA-256.
    static func returnsUploaded(_ returns: SavedReturns) throws -> AuditEntry {
        struct Upload: Encodable {
            let commitmentsBytes: Int, commitmentsSHA256: String, returnsBytes: Int
            let returnsSHA256: String
        }
        let upload = Upload(
            commitmentsBytes: returns.commitments.count, commitmentsSHA256: digest(returns.commitments),
            returnsBytes: returns.returns.count, returnsSHA256: digest(returns.returns))
        return try AuditEntry(
            .returnsUploaded, contract: returns.contractId,
            subject: "\(returns.commitmentsName), \(returns.returnsName)", after: upload, at: returns.uploadedAt)
    }

    /// An account added: its role and shown name (never its password's hash).
    static func accountAdded(_ account: Account) throws -> AuditEntry {
        try AuditEntry(
            .accountAdded, contract: nil, subject: account.name, after: Shown(account), at: account.createdAt)
    }

    /// An account changed: its role, shown name, status and when its password was set, before and after.
    static func accountChanged(from old: Account, to new: Account, at date: Date) throws -> AuditEntry {
        try AuditEntry(
            .accountChanged, contract: nil, subject: new.name, before: Shown(old), after: Shown(new), at: date)
    }

    /// A contract assigned to an account.
    static func assigned(contract: Int64, to account: String, at date: Date) throws -> AuditEntry {
        try AuditEntry(.assigned, contract: contract, subject: account, at: date)
    }

    /// An archive imported: an entry for each contract it held, with how many of its rows of each kind came.
    static func archiveImported(_ archive: WorkspaceArchive, replacing: Bool, at date: Date) throws -> [AuditEntry] {
        try archive.contracts.map { contract in
            let id = contract.id
            let counts = [
                "revisions": archive.revisions.count { $0.contractId == id },
                "recommendations": archive.snapshots.count { $0.contractId == id },
                "decisions": archive.decisions.count { $0.contractId == id },
                "offers": archive.offers.count { $0.contractId == id },
                "returns": archive.returns.count { $0.contractId == id },
            ]
            return try AuditEntry(
                .archiveImported, contract: id,
                subject: replacing ? "imported, replacing the workspace" : "imported into an empty workspace",
                after: counts, at: date)
        }
    }

    /// What the trail shows of an account.
    private struct Shown: Encodable {
        let role: Role, displayName: String, disabled: Bool, passwordChangedAt: Date
        init(_ account: Account) {
            (role, displayName, disabled, passwordChangedAt) = (
                account.role, account.displayName, account.disabled, account.passwordChangedAt
            )
        }
    }

    /// The SHA-256 of uploaded bytes, in hexadecimal.
    private static func digest(_ data: Data) -> String { Hexadecimal.text(SHA256.digest(of: Array(data))) }
}
