import Core
import Foundation

/// Tenders and suppliers' offers: a commissioner publishes a contract's tender, suppliers save and submit their
/// offers until its deadline, and after it the commissioner marks, scores and awards. Offers stay sealed until the
/// deadline: before it, nothing here gives anyone but its own supplier an offer's content.
extension Workspace {
    /// Publishes a tender.
    /// - Throws: a `conflict` ``ToolkitError`` when the contract was put out to tender already, a `notFound` one
    ///   for a contract there is not; a `badInput` one for a deadline not after `tender.publishedAt`.
    public func publish(_ tender: Tender) async throws -> Tender {
        guard tender.deadline > tender.publishedAt else {
            throw ToolkitError(file: "tender", field: "deadline", "the deadline must be after the tender is published")
        }
        return try await store.insert(tender)
    }

    /// Every tender, newest first.
    /// - Throws: the store's error when it cannot be read.
    public func tenders() async throws -> [Tender] { try await store.tenders() }

    /// The contract's tender, if it was put out to tender.
    /// - Throws: the store's error when it cannot be read.
    public func tender(for contract: Int64) async throws -> Tender? { try await store.tender(for: contract) }

    /// The version of the contract's tender, if it was put out to tender: enough to tell whether a tender read
    /// before is still the one the workspace holds.
    /// - Throws: the store's error when it cannot be read.
    public func tenderVersion(for contract: Int64) async throws -> Int? { try await store.tenderVersion(for: contract) }

    /// The supplier's own offer for the contract's tender, if it saved one.
    /// - Throws: the store's error when it cannot be read.
    public func offer(for contract: Int64, supplier: String) async throws -> SupplierOffer? {
        try await store.offer(for: contract, supplier: supplier)
    }

    /// Saves a supplier's offer read at `version` (0 for its first save), submitted when `submit` and otherwise a
    /// draft (a submitted offer saved again as a draft is no longer submitted).
    /// - Throws: a `conflict` ``ToolkitError`` when the tender has closed at `date` or the offer was saved since it
    ///   was read; a `notFound` one when the contract has no tender.
    public func save(_ offer: SupplierOffer, submit: Bool, readVersion version: Int, at date: Date = Date())
        async throws -> SupplierOffer
    {
        var offer = offer
        offer.submittedAt = submit ? date : nil
        return try await store.save(offer, readVersion: version, at: date)
    }

    /// Who has saved an offer for the contract's tender and whether it is submitted: all that is shown of offers
    /// before the deadline.
    /// - Throws: the store's error when it cannot be read.
    public func receipts(for contract: Int64) async throws -> [OfferReceipt] {
        try await store.offers(for: contract).map {
            OfferReceipt(supplierName: $0.supplierName, submittedAt: $0.submittedAt)
        }
    }

    /// The submitted offers of the contract's tender, opened: only once its deadline has passed at `date`.
    /// Drafts never submitted are not offers and stay unopened.
    /// - Throws: a `conflict` ``ToolkitError`` while the offers are sealed, a `notFound` one without a tender.
    public func openedOffers(for contract: Int64, at date: Date = Date()) async throws -> [SupplierOffer] {
        let tender = try await requireTender(contract)
        guard !tender.isSealed(at: date) else { throw ToolkitError.sealed(until: tender.deadline) }
        return try await store.offers(for: contract).filter { $0.submittedAt != nil }
    }

    /// Saves a change (`what`) made after the deadline to a tender read at `version`: the marks given, the scores
    /// (`evaluation`, kept as offers evaluated), the award. Nothing else of a published tender changes.
    /// - Throws: a `conflict` ``ToolkitError`` while the offers are sealed or when the tender was changed since it
    ///   was read; a `notFound` one without a tender.
    public func change(
        _ tender: Tender, what: String, evaluation: SavedOffers? = nil, readVersion version: Int, at date: Date = Date()
    ) async throws -> Tender {
        let stored = try await requireTender(tender.contractId)
        guard !stored.isSealed(at: date) else { throw ToolkitError.sealed(until: stored.deadline) }
        return try await store.update(tender, readVersion: version, what: what, evaluation: evaluation, at: date)
    }

    /// The contract's tender.
    /// - Throws: a `notFound` ``ToolkitError`` when it has none.
    public func requireTender(_ contract: Int64) async throws -> Tender {
        guard let tender = try await store.tender(for: contract) else {
            throw ToolkitError.missingFromWorkspace("tender for contract \(contract)")
        }
        return tender
    }

    /// The evaluation a tender's offers were scored in, once scored.
    /// - Throws: the store's error when it cannot be read.
    public func evaluation(of tender: Tender) async throws -> SavedOffers? {
        guard let id = tender.evaluationId else { return nil }
        return try await store.offersEvaluation(id)
    }

    // MARK: Evidence of delivery

    /// Saves commitments and returns entered or uploaded with the evidence files they name, in one transaction.
    /// - Throws: the store's error (an unknown contract, a failed write); `EncodingError` for a non-finite number.
    public func save(_ returns: SavedReturns, evidence: [EvidenceFile]) async throws -> SavedReturns {
        try await store.insert(returns, evidence: evidence)
    }

    /// Saves a quarter's return entered online with the evidence files it names, in one transaction that reads the
    /// contract's latest returns (nil when it has none) and keeps what `merge` makes of them. Returns entered at the
    /// same time, through this server or another over the same workspace, take turns, each merged into what the
    /// one before kept, so none is lost.
    /// - Throws: what `merge` throws, when nothing is saved; a `notFound` ``ToolkitError`` for a contract there is
    ///   not; the store's error when the write fails.
    public func saveReturns(
        for contract: Int64, evidence: [EvidenceFile],
        merging merge: @escaping @Sendable (SavedReturns?) throws -> SavedReturns
    ) async throws -> SavedReturns {
        try await store.insertReturns(for: contract, evidence: evidence, merging: merge)
    }

    /// The evidence file `id` of `contract`, its bytes included.
    /// - Throws: a `notFound` ``ToolkitError`` when the contract has no such file.
    public func evidence(_ id: Int64, of contract: Int64) async throws -> EvidenceFile {
        guard let file = try await store.evidence(id), file.contractId == contract else {
            throw ToolkitError.missingFromWorkspace("evidence file \(id) for contract \(contract)")
        }
        return file
    }

    /// The contract's evidence files, oldest first, without their bytes.
    /// - Throws: the store's error when it cannot be read.
    public func evidenceList(for contract: Int64) async throws -> [EvidenceFile] {
        try await store.evidenceList(for: contract)
    }
}
