import Catalogue
import Core
import Formatting
import Foundation
import Hummingbird
import Recommender
import Reports
import Toolkit
import Workspace

/// The commissioner's side of a tender: publish it, see who has submitted while offers are sealed, and after the
/// deadline mark the written responses, score the offers and award.
struct TenderRoutes: RouteGroup {
    let borough: Borough
    let workspace: Workspace
    let clock: WorkspaceClock
    /// The bounds on a tender's deadline.
    let limits: WorkspaceLimits

    func add(to router: Router<WebContext>) {
        router.get("/contracts/:id/tender") { _, context in try await tenderPage(try contractId(context), context) }
        router.post("/contracts/:id/tender") { _, context in try await publish(context) }
        router.post("/contracts/:id/tender/scores") { _, context in try await score(context) }
        router.post("/contracts/:id/tender/award") { _, context in try await award(context) }
    }

    /// The page, with the problem of a refused form (a 400).
    func tenderPage(_ id: Int64, _ context: WebContext, problem: String? = nil) async throws -> Response {
        let contract = try await workspace.contract(id)
        let tender = try await workspace.tender(for: id)
        let now = clock.now()
        let sealed = tender?.isSealed(at: now) ?? true
        let evaluation = if let tender { try await workspace.evaluation(of: tender) } else { SavedOffers?.none }
        let state = TenderPages.State(
            contractId: id, title: contract.title, tender: tender, receipts: try await workspace.receipts(for: id),
            opened: sealed ? [] : try await workspace.openedOffers(for: id, at: now),
            evaluation: evaluation,
            maximumMark: borough.policy.rules.qualitativeMarkMaximum, now: now)
        return page(
            "Tender: \(contract.title)", TenderPages.html(state, problem: problem, context: context),
            status: problem == nil ? .ok : .badRequest)
    }

    func publish(_ context: WebContext) async throws -> Response {
        let id = try contractId(context)
        let contract = try await workspace.contract(id)
        let now = clock.now()
        guard let deadline = Deadline.parse(context.form["deadline"]), deadline > now else {
            return try await tenderPage(
                id, context, problem: "Give a deadline in the future, as a date and time (UTC).")
        }
        if let problem = Deadline.tooFar(deadline, from: now, daysMaximum: limits.tenderOpenDaysMaximum) {
            return try await tenderPage(id, context, problem: problem)
        }
        let view = try await recommendationView(contract)
        let decided = view.decided
        guard decided.rules.socialValueWeighting != nil else {
            return try await tenderPage(
                id, context,
                problem: "The contract is below the value at which social value offers are scored at award: offers "
                    + "are non-binding aspirations, so there is nothing to tender online.")
        }
        let guide = try OfferGuide(
            measures: decided.measures.map { "\($0.framework):\($0.ref)" }, contract: contract.profile,
            catalogue: borough.catalogue, policy: borough.policy)
        _ = try await workspace.publish(
            Tender(
                contractId: id, snapshotId: view.snapshot.id, recommendation: decided, guide: guide,
                method: RecommendationPage.binding(decided).joined(separator: "\n"), deadline: deadline,
                publishedAt: now, publishedBy: context.visitor.actor))
        return Page.seeOther("/contracts/\(id)/tender")
    }

    /// Keeps the marks and scores the opened offers with them.
    func score(_ context: WebContext) async throws -> Response {
        let id = try contractId(context)
        var tender = try await workspace.requireTender(id)
        guard let version = Int(context.form["version"]) else {
            throw HTTPError(.badRequest, message: "The form has no tender version; reload the page.")
        }
        let now = clock.now()
        let opened = try await workspace.openedOffers(for: id, at: now)
        let maximum = borough.policy.rules.qualitativeMarkMaximum
        for offer in opened {
            let text = context.form["mark-\(offer.supplier)"]
            guard let mark = FigureReading.number(text), (0...maximum).contains(mark) else {
                return try await tenderPage(
                    id, context,
                    problem: "The mark for \(offer.supplierName) must be a number from 0 to "
                        + "\(maximum.written(.working)), not \(ToolkitError.quoted(text, limit: 40)).")
            }
            tender.marks[offer.supplier] = mark
        }
        let evaluation = try OnlineOffers.evaluated(
            opened, tender: tender, contract: try await workspace.contract(id), borough: borough, at: now)
        _ = try await workspace.change(
            tender, what: "offers marked and scored", evaluation: evaluation, readVersion: version, at: now)
        return Page.seeOther("/contracts/\(id)/tender")
    }

    func award(_ context: WebContext) async throws -> Response {
        let id = try contractId(context)
        var tender = try await workspace.requireTender(id)
        guard let version = Int(context.form["version"]), tender.evaluationId != nil else {
            throw HTTPError(.badRequest, message: "Score the offers before awarding; reload the page.")
        }
        let now = clock.now()
        tender.awardedAt = now
        _ = try await workspace.change(
            tender, what: "awarded; scores released to bidders", readVersion: version, at: now)
        return Page.seeOther("/contracts/\(id)/tender")
    }
}
