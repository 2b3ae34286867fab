import Core
import Foundation
import Hummingbird
import Recommender
import Toolkit
import Workspace

/// Suppliers' offers (upload, scores) and delivery (commitments and quarterly returns, RAG and forecast).
struct DeliveryRoutes: RouteGroup {
    let borough: Borough
    let workspace: Workspace

    func add(to router: Router<WebContext>) {
        router.get("/contracts/:id/offers") { _, context in
            try await deliveryPage(.offers, try await workspace.contract(try contractId(context)), context: context)
        }
        router.post("/contracts/:id/offers") { _, context in try await uploadOffers(context) }
        router.get("/contracts/:id/returns") { _, context in
            try await deliveryPage(.returns, try await workspace.contract(try contractId(context)), context: context)
        }
        router.post("/contracts/:id/returns") { _, context in try await uploadReturns(context) }
    }

    /// The two delivery pages: evaluating offers, and monitoring returns.
    enum Kind { case offers, returns }

    /// A delivery page with the contract's latest upload, and the error of a refused one.
    func deliveryPage(
        _ kind: Kind, _ contract: SavedContract, error: String? = nil, context: WebContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let id = contract.id ?? 0
        switch kind {
        case .offers:
            let body = DeliveryPages.evaluation(
                try await workspace.latestOffers(for: id), contractId: id, title: contract.title, error: error,
                context: context)
            return page("Evaluate offers: \(contract.title)", body, status: status)
        case .returns:
            let body = DeliveryPages.monitoring(
                try await workspace.latestReturns(for: id), contractId: id, title: contract.title, error: error,
                context: context)
            return page("Monitor delivery: \(contract.title)", body, status: status)
        }
    }

    /// Runs an upload's reading and saving; the located problem with the upload, if it was refused.
    func refusal(_ upload: () async throws -> Void) async throws -> String? {
        do {
            try await upload()
            return nil
        } catch let error as ToolkitError where error.kind == .badInput {
            return error.description
        }
    }

    func uploadOffers(_ context: WebContext) async throws -> Response {
        let contract = try await workspace.contract(try contractId(context))
        let id = contract.id ?? 0
        let file = context.form.files["offers"]
        let problem = try await refusal {
            let evaluation = try Uploads.reading([("offers", "offers", file)]) { paths in
                try BidEvaluation(
                    offersFile: paths[0], contract: contract.profile, catalogue: borough.catalogue,
                    policy: borough.policy)
            }
            _ = try await workspace.save(
                SavedOffers(
                    contractId: id, fileName: Uploads.displayName(file?.name ?? "", fallback: "offers.csv"),
                    csv: Data(file?.bytes ?? []), evaluation: evaluation, uploadedAt: Date()))
        }
        guard let problem else { return Page.seeOther("/contracts/\(id)/offers") }
        return try await deliveryPage(.offers, contract, error: problem, context: context, status: .badRequest)
    }

    func uploadReturns(_ context: WebContext) async throws -> Response {
        let contract = try await workspace.contract(try contractId(context))
        let id = contract.id ?? 0
        let commitments = context.form.files["commitments"]
        let returns = context.form.files["returns"]
        let problem = try await refusal {
            let monitoring = try Uploads.reading([
                ("commitments", "commitments", commitments), ("returns", "returns", returns),
            ]) { paths in
                try DeliveryMonitoring(
                    contract: contract.profile, commitments: paths[0], returns: paths[1], catalogue: borough.catalogue,
                    policy: borough.policy)
            }
            _ = try await workspace.save(
                SavedReturns(
                    contractId: id,
                    commitmentsName: Uploads.displayName(commitments?.name ?? "", fallback: "commitments.csv"),
                    commitments: Data(commitments?.bytes ?? []),
                    returnsName: Uploads.displayName(returns?.name ?? "", fallback: "returns.csv"),
                    returns: Data(returns?.bytes ?? []), monitoring: monitoring, uploadedAt: Date()))
        }
        guard let problem else { return Page.seeOther("/contracts/\(id)/returns") }
        return try await deliveryPage(.returns, contract, error: problem, context: context, status: .badRequest)
    }
}
