import Core
import Foundation
import Hummingbird
import Recommender
import Toolkit
import Workspace

/// The published tenders: read as bidders see them by whoever may read them (a viewer, a commissioner, the one
/// user of a workspace without accounts), and by a signed-in supplier with its own offer (saved, submitted,
/// downloaded) and, after the award, its scores. Every offer route works on the signed-in supplier's own offer,
/// found by its account: no path names an offer, so no supplier can reach another's.
struct SupplierRoutes: RouteGroup {
    let borough: Borough
    let workspace: Workspace
    let clock: WorkspaceClock
    /// The published tenders, kept decoded while their version holds.
    let tenders = TenderCache()

    func add(to router: Router<WebContext>) {
        router.get("/tenders") { _, context in try await list(context) }
        router.get("/tenders/:id") { _, context in try await tenderPage(context) }
        router.post("/tenders/:id") { _, context in try await saveOffer(context) }
        router.get("/tenders/:id/offer.csv") { _, context in try await offerCSV(context) }
        router.get("/tenders/:id/scores.csv") { _, context in try await scoresCSV(context) }
    }

    /// The signed-in account that bids (a supplier's), or nil for a reader of the tenders.
    func bidder(_ context: WebContext) -> Account? {
        guard case .signedIn(let signedIn) = context.visitor,
            signedIn.may(.submitOffers, under: borough.catalogue.accessPolicy)
        else { return nil }
        return signedIn.account
    }

    /// The signed-in supplier's account: suppliers bid under their own accounts, never in single-user mode.
    /// - Throws: `HTTPError` 403 for a workspace without accounts.
    func requireBidder(_ context: WebContext) throws -> Account {
        guard let account = bidder(context) else {
            throw HTTPError(
                .forbidden,
                message: "Suppliers bid under their own accounts: add accounts (svtk users add) and sign in as one.")
        }
        return account
    }

    /// The published tender of the path's contract.
    /// - Throws: `HTTPError` 404 when the contract has no published tender.
    func publishedTender(_ context: WebContext) async throws -> Tender {
        guard let tender = try await tenders.tender(for: try contractId(context), in: workspace) else {
            throw HTTPError(.notFound, message: "There is no such tender.")
        }
        return tender
    }

    func list(_ context: WebContext) async throws -> Response {
        let account = bidder(context)
        var rows: [(tender: Tender, title: String, offer: SupplierOffer?)] = []
        for tender in try await workspace.tenders() {
            let offer =
                if let account { try await workspace.offer(for: tender.contractId, supplier: account.name) } else {
                    SupplierOffer?.none
                }
            rows.append((tender, tender.recommendation.contract.title, offer))
        }
        return page("Tenders", SupplierPages.list(rows, bidding: account != nil, now: clock.now()))
    }

    func tenderPage(_ context: WebContext, form: OfferForm? = nil, status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let tender = try await publishedTender(context)
        guard let account = bidder(context) else {
            return page("Tender: \(tender.recommendation.contract.title)", SupplierPages.read(tender, now: clock.now()))
        }
        let offer = try await workspace.offer(for: tender.contractId, supplier: account.name)
        let now = clock.now()
        var body = SupplierPages.tender(
            tender, title: tender.recommendation.contract.title, offer: offer, form: form, now: now, context: context)
        if tender.awardedAt != nil, let scored = try await workspace.evaluation(of: tender) {
            body += SupplierPages.scores(
                scored.evaluation, bidder: try await bidderName(account, tender: tender),
                contractId: tender.contractId)
        }
        return page("Tender: \(tender.recommendation.contract.title)", body, status: status, script: .offerValues)
    }

    /// The name the evaluation gives the supplier's offer.
    func bidderName(_ account: Account, tender: Tender) async throws -> String {
        let names = OnlineOffers.bidderNames(try await workspace.openedOffers(for: tender.contractId, at: clock.now()))
        return names[account.name] ?? account.displayName
    }

    func saveOffer(_ context: WebContext) async throws -> Response {
        let account = try requireBidder(context)
        let tender = try await publishedTender(context)
        let limits = borough.catalogue.workspaceLimits
        let form = try OfferForm(
            context.form, guide: tender.guide, contractLimits: borough.catalogue.contractLimits,
            statementLimit: limits.offerStatementCharactersMaximum)
        guard form.problems.isEmpty else { return try await tenderPage(context, form: form, status: .badRequest) }
        let offer = SupplierOffer(
            contractId: tender.contractId, supplier: account.name, supplierName: account.displayName, lines: form.lines,
            statement: form.statement)
        _ = try await workspace.save(offer, submit: form.submit, readVersion: form.version, at: clock.now())
        return Page.seeOther("/tenders/\(tender.contractId)")
    }

    func offerCSV(_ context: WebContext) async throws -> Response {
        let account = try requireBidder(context)
        let tender = try await publishedTender(context)
        guard let offer = try await workspace.offer(for: tender.contractId, supplier: account.name) else {
            throw HTTPError(.notFound, message: "You have saved no offer for this tender.")
        }
        return Page.response(
            SupplierPages.offerCSV(offer, guide: tender.guide), type: "text/csv; charset=utf-8",
            download: "offer-\(tender.contractId).csv")
    }

    func scoresCSV(_ context: WebContext) async throws -> Response {
        let account = try requireBidder(context)
        let tender = try await publishedTender(context)
        guard tender.awardedAt != nil, let scored = try await workspace.evaluation(of: tender) else {
            throw HTTPError(.notFound, message: "The scores are released when the contract is awarded.")
        }
        let bytes = SupplierPages.scoresCSV(scored.evaluation, bidder: try await bidderName(account, tender: tender))
        guard !bytes.isEmpty else { throw HTTPError(.notFound, message: "You submitted no offer for this tender.") }
        return Page.response(bytes, type: "text/csv; charset=utf-8", download: "scores-\(tender.contractId).csv")
    }
}
