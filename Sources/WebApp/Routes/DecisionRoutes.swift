import Core
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
        guard let latest = try await workspace.latestSnapshot(of: id) else {
            throw ToolkitError.missingFromWorkspace("recommendation for contract \(id)")
        }
        let posted = try DecisionForm(context.form, latest.recommendation, limits: borough.catalogue.contractLimits)
        if let problem = posted.problem {
            var view = try await recommendationView(contract)
            view.failed = (posted.decision, problem)
            return page(contract.title, view.html(token: context.csrfToken), status: .badRequest)
        }
        _ = try await workspace.decide(posted.decision, contract: id, readVersion: posted.version)
        return Page.seeOther("/contracts/\(id)#measure-\(RecommendationView.anchor(posted.decision.measure))")
    }
}
