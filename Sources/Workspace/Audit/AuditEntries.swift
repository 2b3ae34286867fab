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

    /// A tender published: its deadline, the snapshot it came from and its measures' references.
    static func tenderPublished(_ tender: Tender) throws -> AuditEntry {
        struct Published: Encodable { let deadline: Date, recommendation: Int64?, measures: [String] }
        return try AuditEntry(
            .tenderPublished, contract: tender.contractId, subject: "tender \(tender.id ?? 0)",
            after: Published(
                deadline: tender.deadline, recommendation: tender.snapshotId, measures: tender.guide.lines.map(\.ref)),
            at: tender.publishedAt)
    }

    /// A supplier's offer saved: before the deadline nothing of its content, only whether it is submitted, how many
    /// lines it has and its SHA-256.
    static func offerSaved(from old: SupplierOffer?, to new: SupplierOffer) throws -> AuditEntry {
        try AuditEntry(
            .offerSaved, contract: new.contractId, subject: new.supplierName, before: old?.sealedSummary,
            after: new.sealedSummary, at: new.updatedAt)
    }

    /// A tender changed after its deadline (marks given, offers scored, the contract awarded): what changed.
    static func tenderChanged(from old: Tender, to new: Tender, what: String, at date: Date) throws -> AuditEntry {
        struct Shown: Encodable { let marks: [String: Double], evaluation: Int64?, awardedAt: Date? }
        return try AuditEntry(
            .tenderChanged, contract: new.contractId, subject: what,
            before: Shown(marks: old.marks, evaluation: old.evaluationId, awardedAt: old.awardedAt),
            after: Shown(marks: new.marks, evaluation: new.evaluationId, awardedAt: new.awardedAt), at: date)
    }

    /// Evidence given: the quarter and measure, the file's size and SHA-256.
    static func evidenceUploaded(_ file: EvidenceFile) throws -> AuditEntry {
        struct Given: Encodable { let quarter: Int, measure: String, bytes: Int, sha256: String }
        return try AuditEntry(
            .evidenceUploaded, contract: file.contractId, subject: file.fileName,
            after: Given(quarter: file.quarter, measure: file.measure, bytes: file.bytes, sha256: file.sha256),
            at: file.uploadedAt)
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
            var counts = [
                "revisions": archive.revisions.count { $0.contractId == id },
                "recommendations": archive.snapshots.count { $0.contractId == id },
                "decisions": archive.decisions.count { $0.contractId == id },
                "offers": archive.offers.count { $0.contractId == id },
                "returns": archive.returns.count { $0.contractId == id },
            ]
            let online = [
                "tenders": (archive.tenders ?? []).count { $0.contractId == id },
                "supplierOffers": (archive.supplierOffers ?? []).count { $0.contractId == id },
                "evidenceFiles": (archive.evidenceFiles ?? []).count { $0.contractId == id },
            ]
            counts.merge(online.filter { $0.value > 0 }) { kept, _ in kept }
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
    private static func digest(_ data: Data) -> String { SHA256.hexDigest(of: Array(data)) }
}
