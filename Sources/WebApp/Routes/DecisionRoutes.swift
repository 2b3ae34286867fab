import Core
import Formatting
import Hummingbird
import Recommender
import Toolkit
import Workspace

/// The commissioner's decision on a measure: accept, drop with a reason, or change the target with a reason.
struct DecisionRoutes: RouteGroup {
    let borough: Borough
    let workspace: Workspace

    func add(to router: Router<WebContext>) {
        router.post("/contracts/:id/decisions") { _, context in try await decide(context) }
    }

    func decide(_ context: WebContext) async throws -> Response {
        let contract = try await workspace.contract(try contractId(context))
        let id = contract.id ?? 0
        let form = context.form
        guard let latest = try await workspace.latestSnapshot(of: id) else {
            throw ToolkitError.missingFromWorkspace("recommendation for contract \(id)")
        }
        guard let measure = latest.recommendation.measures.first(where: { $0.ref == form["measure"] }) else {
            throw HTTPError(
                .badRequest,
                message:
                    "The measure \(ToolkitError.quoted(form["measure"], limit: 40)) is not recommended for this "
                    + "contract; reload the page."
            )
        }
        guard let action = CommissionerDecision.Action(rawValue: form["action"]) else {
            throw HTTPError(.badRequest, message: "Choose accept, drop or change for \(measure.ref).")
        }
        guard let version = Int(form["version"]), version >= 0 else {
            throw HTTPError(.badRequest, message: "The form has no decision version; reload the page.")
        }
        var target: Double?
        var problem: String?
        if !form["target"].isEmpty {
            target = FigureReading.number(form["target"])
            if target == nil, action == .change {
                problem =
                    "\(ToolkitError.quoted(form["target"], limit: 40)) is not a number; write the target in figures"
            }
        }
        let decision = CommissionerDecision(
            measure: measure.ref, action: action, target: action == .change ? target : nil,
            reason: form["reason"])
        if let problem = problem ?? decision.problem(limits: borough.catalogue.contractLimits) {
            var view = try await recommendationView(contract)
            view.failed = (decision, problem)
            return page(contract.title, view.html(token: context.csrfToken), status: .badRequest)
        }
        _ = try await workspace.decide(decision, contract: id, readVersion: version)
        return Page.seeOther("/contracts/\(id)#measure-\(RecommendationView.anchor(measure.ref))")
    }
}
