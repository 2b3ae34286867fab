import CSV
import Foundation
import Hummingbird
import Recommender
import Workspace

/// Suppliers' offers (upload, scores) and delivery (commitments and quarterly returns, RAG and forecast).
struct DeliveryRoutes: RouteGroup {
    let borough: ServedBorough
    let workspace: Workspace

    func add(to router: Router<WebContext>) {
        router.get("/contracts/:id/offers") { _, context in
            let contract = try await workspace.contract(try contractId(context))
            return evaluationPage(contract, saved: try await workspace.latestOffers(for: contract.id ?? 0), error: nil, context: context)
        }
        router.post("/contracts/:id/offers") { _, context in try await uploadOffers(context) }
        router.get("/contracts/:id/returns") { _, context in
            let contract = try await workspace.contract(try contractId(context))
            return monitoringPage(contract, saved: try await workspace.latestReturns(for: contract.id ?? 0), error: nil, context: context)
        }
        router.post("/contracts/:id/returns") { _, context in try await uploadReturns(context) }
    }

    func evaluationPage(_ contract: SavedContract, saved: SavedOffers?, error: String?, context: WebContext,
                        status: HTTPResponse.Status = .ok) -> Response {
        page("Evaluate offers: \(contract.title)",
             DeliveryPages.evaluation(saved, contractId: contract.id ?? 0, title: contract.title, error: error, context: context), status: status)
    }

    func monitoringPage(_ contract: SavedContract, saved: SavedReturns?, error: String?, context: WebContext,
                        status: HTTPResponse.Status = .ok) -> Response {
        page("Monitor delivery: \(contract.title)",
             DeliveryPages.monitoring(saved, contractId: contract.id ?? 0, title: contract.title, error: error, context: context), status: status)
    }

    func uploadOffers(_ context: WebContext) async throws -> Response {
        let contract = try await workspace.contract(try contractId(context))
        let id = contract.id ?? 0
        let file = context.form.files["offers"]
        do {
            let evaluation = try Uploads.reading([("offers", "offers", file)]) { paths in
                try BidEvaluation(offersFile: paths[0], contract: contract.profile, catalogue: borough.catalogue, policy: borough.policy)
            }
            let name = Uploads.displayName(file?.name ?? "", fallback: "offers.csv")
            _ = try await workspace.save(SavedOffers(contractId: id, fileName: name, csv: Data(file?.bytes ?? []),
                                                     evaluation: evaluation, uploadedAt: Date()))
            return Page.seeOther("/contracts/\(id)/offers")
        } catch let error as InputError {
            return evaluationPage(contract, saved: try await workspace.latestOffers(for: id), error: error.description, context: context,
                                  status: .badRequest)
        } catch let error as FormError {
            return evaluationPage(contract, saved: try await workspace.latestOffers(for: id), error: error.description, context: context,
                                  status: .badRequest)
        }
    }

    func uploadReturns(_ context: WebContext) async throws -> Response {
        let contract = try await workspace.contract(try contractId(context))
        let id = contract.id ?? 0
        let commitments = context.form.files["commitments"], returns = context.form.files["returns"]
        do {
            let monitoring = try Uploads.reading([("commitments", "commitments", commitments), ("returns", "returns", returns)]) { paths in
                try DeliveryMonitoring(contract: contract.profile, commitments: paths[0], returns: paths[1], catalogue: borough.catalogue,
                                       policy: borough.policy)
            }
            _ = try await workspace.save(SavedReturns(
                contractId: id, commitmentsName: Uploads.displayName(commitments?.name ?? "", fallback: "commitments.csv"),
                commitments: Data(commitments?.bytes ?? []), returnsName: Uploads.displayName(returns?.name ?? "", fallback: "returns.csv"),
                returns: Data(returns?.bytes ?? []), monitoring: monitoring, uploadedAt: Date()))
            return Page.seeOther("/contracts/\(id)/returns")
        } catch let error as InputError {
            return monitoringPage(contract, saved: try await workspace.latestReturns(for: id), error: error.description, context: context,
                                  status: .badRequest)
        } catch let error as FormError {
            return monitoringPage(contract, saved: try await workspace.latestReturns(for: id), error: error.description, context: context,
                                  status: .badRequest)
        }
    }
}
