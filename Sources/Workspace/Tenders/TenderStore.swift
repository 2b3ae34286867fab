import Core
import Foundation

/// Where a workspace keeps its tenders, the suppliers' offers for them and the evidence of delivery; both stores
/// keep each change in one transaction with its entry in the audit trail.
protocol TenderStore {
    /// Publishes a tender.
    /// - Throws: a `conflict` error when the contract has one already.
    func insert(_ tender: Tender) async throws -> Tender
    /// Every tender, newest first.
    func tenders() async throws -> [Tender]
    /// The contract's tender, if it was put out to tender.
    func tender(for contract: Int64) async throws -> Tender?
    /// The version of the contract's tender, if it was put out to tender.
    func tenderVersion(for contract: Int64) async throws -> Int?
    /// Saves a change (`what`) to a tender read at `version`; with `evaluation`, inserts it first and keeps its id
    /// on the tender.
    func update(_ tender: Tender, readVersion version: Int, what: String, evaluation: SavedOffers?, at date: Date)
        async throws -> Tender

    /// The offers evaluated as `id`.
    func offersEvaluation(_ id: Int64) async throws -> SavedOffers?

    /// Every supplier's offer for the contract's tender, drafts included, by supplier.
    func offers(for contract: Int64) async throws -> [SupplierOffer]
    /// The supplier's offer for the contract's tender, if it saved one.
    func offer(for contract: Int64, supplier: String) async throws -> SupplierOffer?
    /// Saves a supplier's offer read at `version` (0 for a first save), while the tender is open at `date`.
    func save(_ offer: SupplierOffer, readVersion version: Int, at date: Date) async throws -> SupplierOffer

    /// The evidence file `id`, its bytes included.
    func evidence(_ id: Int64) async throws -> EvidenceFile?
    /// The contract's evidence files, oldest first, without their bytes.
    func evidenceList(for contract: Int64) async throws -> [EvidenceFile]
}

extension SupplierOffer {
    /// The offer as saved over `existing` (the supplier's offer as stored): refused when the contract has no
    /// tender, its deadline has passed at `date`, or the offer was saved since it was read at `version`.
    /// - Throws: a `notFound`, `conflict` ``ToolkitError`` saying which.
    func saved(over existing: SupplierOffer?, tender: Tender?, readVersion version: Int, at date: Date) throws
        -> SupplierOffer
    {
        guard let tender else { throw ToolkitError.missingFromWorkspace("tender for contract \(contractId)") }
        guard tender.isSealed(at: date) else { throw ToolkitError.deadlinePassed(tender.deadline) }
        let now = existing?.version ?? 0
        guard now == version else { throw ToolkitError.conflict(what: "Your offer", read: version, now: now) }
        var saved = self
        (saved.id, saved.version, saved.updatedAt) = (existing?.id, now + 1, date)
        return saved
    }
}

extension Tender {
    /// `stored` (the tender as saved, read at `version`) with this tender's marks, evaluation and award: what may
    /// change once a tender is published; what bidders were asked for and by when never does.
    /// - Throws: a `notFound` or `conflict` ``ToolkitError``.
    func saved(over stored: Tender?, readVersion version: Int) throws -> Tender {
        guard var saved = stored else { throw ToolkitError.missingFromWorkspace("tender for contract \(contractId)") }
        guard saved.version == version else {
            throw ToolkitError.conflict(what: "The tender", read: version, now: saved.version)
        }
        (saved.marks, saved.evaluationId, saved.awardedAt) = (marks, evaluationId, awardedAt)
        saved.version += 1
        return saved
    }
}
