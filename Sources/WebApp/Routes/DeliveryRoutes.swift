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
    let clock: WorkspaceClock

    func add(to router: Router<WebContext>) {
        router.get("/contracts/:id/offers") { request, context in
            let page = request.uri.queryParameters["page"].flatMap { Int(String($0)) } ?? 1
            return try await offersPage(
                try await workspace.contract(try contractId(context)), shown: page, context: context)
        }
        router.post("/contracts/:id/offers") { _, context in try await uploadOffers(context) }
        router.get("/contracts/:id/returns") { _, context in
            try await returnsPage(try await workspace.contract(try contractId(context)), context: context)
        }
        router.post("/contracts/:id/returns") { _, context in try await uploadReturns(context) }
        router.post("/contracts/:id/returns/entry") { _, context in try await enterReturn(context) }
        router.get("/contracts/:id/evidence/:file") { _, context in try await evidenceFile(context) }
    }

    /// The offers page with the contract's latest evaluation, its suppliers' commitments a page at a time (`shown`
    /// from 1); with the error of a refused upload, a 400.
    func offersPage(_ contract: SavedContract, error: String? = nil, shown: Int = 1, context: WebContext) async throws
        -> Response
    {
        let (id, title) = (contract.id ?? 0, contract.title)
        let offers = try await workspace.latestOffers(for: id)
        let body = DeliveryPages.evaluation(
            offers, contractId: id, title: title, error: error, page: shown,
            pageSize: borough.catalogue.workspaceLimits.pageSuppliersMaximum, context: context)
        return page("Evaluate offers: \(title)", body, status: error == nil ? .ok : .badRequest)
    }

    /// The monitoring page with the contract's latest returns, the returns due, the form for a quarter's return
    /// and the evidence kept; with the error of a refused upload or entry, a 400.
    func returnsPage(
        _ contract: SavedContract, error: String? = nil, entry: ReturnEntry? = nil, context: WebContext
    ) async throws -> Response {
        let (id, title) = (contract.id ?? 0, contract.title)
        let returns = try await workspace.latestReturns(for: id)
        let body =
            DeliveryPages.monitoring(returns, contractId: id, title: title, error: error, context: context)
            + (try await onlineReturns(contract, entry: entry, context: context))
        let refused = error != nil || !(entry?.problems.isEmpty ?? true)
        return page("Monitor delivery: \(title)", body, status: refused ? .badRequest : .ok)
    }

    /// The returns due, the form for a quarter's return (where there are commitments) and the evidence kept.
    func onlineReturns(_ contract: SavedContract, entry: ReturnEntry?, context: WebContext) async throws -> String {
        let id = contract.id ?? 0
        var html = ""
        let now = clock.now()
        if let plan = try await DeliveryPlan.of(contract, workspace: workspace, borough: borough, at: now) {
            html +=
                ReturnEntryPage.reminders(plan, now: now, dueDays: borough.catalogue.workspaceLimits.returnDueDays)
                + ReturnEntryPage.form(plan, contractId: id, entry: entry, context: context)
        }
        return html + ReturnEntryPage.evidence(try await workspace.evidenceList(for: id), contractId: id)
    }

    /// Keeps a quarter's return entered online with its evidence files, monitored as an upload is.
    func enterReturn(_ context: WebContext) async throws -> Response {
        let contract = try await workspace.contract(try contractId(context))
        let now = clock.now()
        guard let plan = try await DeliveryPlan.of(contract, workspace: workspace, borough: borough, at: now) else {
            throw HTTPError(.notFound, message: "The contract has no commitments to return against yet.")
        }
        let entry = ReturnEntry(
            context.form, plan: plan, contract: contract.id ?? 0, by: context.visitor.actor, at: now,
            limits: (borough.catalogue.contractLimits, borough.catalogue.workspaceLimits))
        guard entry.problems.isEmpty else { return try await returnsPage(contract, entry: entry, context: context) }
        guard let problem = try await refusal({ try await save(entry, plan: plan, for: contract, at: now) }) else {
            return Page.seeOther("/contracts/\(contract.id ?? 0)/returns")
        }
        return try await returnsPage(contract, error: problem, context: context)
    }

    /// Monitors the plan's commitments against its returns with the entry's in place, and keeps them with the
    /// entry's evidence files, as returned at `now`. The entry is merged in the workspace's transaction into the
    /// returns kept then, not those the plan was read with, so returns entered at the same time for other quarters,
    /// through this server or another, are all kept.
    /// - Throws: `ToolkitError` locating a problem in the returns, or a `conflict` one when other commitments were
    ///   uploaded since the plan was read; the workspace's errors when they cannot be saved.
    func save(_ entry: ReturnEntry, plan: DeliveryPlan, for contract: SavedContract, at now: Date) async throws {
        let (rows, limits) = (entry.rows, borough.catalogue.workspaceLimits)
        _ = try await workspace.saveReturns(for: contract.id ?? 0, evidence: entry.files) { latest in
            let returns = try plan.returnsCSV(replacing: rows, over: latest, limits: limits)
            return try kept(
                FormData.File(name: "returns entered online.csv", bytes: returns), plan: plan, for: contract, at: now)
        }
    }

    /// The plan's commitments and `returns` as the workspace keeps them, with the monitoring they give.
    /// - Throws: `ToolkitError` locating a problem in the returns.
    private func kept(_ returns: FormData.File, plan: DeliveryPlan, for contract: SavedContract, at now: Date) throws
        -> SavedReturns
    {
        let commitments = FormData.File(name: "commitments.csv", bytes: plan.commitmentsCSV)
        return SavedReturns(
            contractId: contract.id ?? 0, commitmentsName: commitments.name, commitments: Data(commitments.bytes),
            returnsName: returns.name, returns: Data(returns.bytes),
            monitoring: try monitor(commitments, returns, for: contract), uploadedAt: now)
    }

    /// An evidence file, always as a download of bytes (never shown in the page's origin as HTML or a script).
    func evidenceFile(_ context: WebContext) async throws -> Response {
        guard let file = context.parameters.get("file", as: Int64.self) else {
            throw HTTPError(.notFound, message: "There is no such evidence file.")
        }
        let evidence = try await workspace.evidence(file, of: try contractId(context))
        let name = evidence.fileName.filter { $0.isASCII && ($0.isLetter || $0.isNumber || ".-_ ".contains($0)) }
        return Page.response(
            Array(evidence.content), type: "application/octet-stream", download: name.isEmpty ? "evidence" : name)
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
        let problem = try await refusal { try await saveOffers(context.form.files["offers"], for: contract) }
        guard let problem else { return Page.seeOther("/contracts/\(contract.id ?? 0)/offers") }
        return try await offersPage(contract, error: problem, context: context)
    }

    /// Evaluates an offers file and keeps it with its evaluation.
    /// - Throws: `ToolkitError` locating the problem in the file; the workspace's errors when it cannot be saved.
    func saveOffers(_ file: FormData.File?, for contract: SavedContract) async throws {
        let limits = borough.catalogue.workspaceLimits
        let evaluation = try Uploads.reading([("offers", "offers", file)], limits: limits) { paths in
            try BidEvaluation(
                offersFile: paths[0], contract: contract.profile, catalogue: borough.catalogue, policy: borough.policy)
        }
        _ = try await workspace.save(
            SavedOffers(
                contractId: contract.id ?? 0, fileName: Uploads.displayName(file, fallback: "offers.csv"),
                csv: Data(file?.bytes ?? []), evaluation: evaluation, uploadedAt: clock.now()))
    }

    func uploadReturns(_ context: WebContext) async throws -> Response {
        let contract = try await workspace.contract(try contractId(context))
        let (commitments, returns) = (context.form.files["commitments"], context.form.files["returns"])
        let problem = try await refusal { try await saveReturns(commitments, returns, for: contract) }
        guard let problem else { return Page.seeOther("/contracts/\(contract.id ?? 0)/returns") }
        return try await returnsPage(contract, error: problem, context: context)
    }

    /// Monitors a supplier's commitments against its quarterly returns and keeps both files with the result.
    /// - Throws: `ToolkitError` locating the problem in a file; the workspace's errors when it cannot be saved.
    func saveReturns(_ commitments: FormData.File?, _ returns: FormData.File?, for contract: SavedContract) async throws
    {
        let monitoring = try monitor(commitments, returns, for: contract)
        _ = try await workspace.save(
            SavedReturns(
                contractId: contract.id ?? 0,
                commitmentsName: Uploads.displayName(commitments, fallback: "commitments.csv"),
                commitments: Data(commitments?.bytes ?? []),
                returnsName: Uploads.displayName(returns, fallback: "returns.csv"),
                returns: Data(returns?.bytes ?? []), monitoring: monitoring, uploadedAt: clock.now()))
    }

    /// The delivery monitoring of a supplier's commitments and returns, as `svtk monitor` reports it.
    /// - Throws: `ToolkitError` locating the problem in a file.
    func monitor(_ commitments: FormData.File?, _ returns: FormData.File?, for contract: SavedContract) throws
        -> DeliveryMonitoring
    {
        try Uploads.reading(
            [("commitments", "commitments", commitments), ("returns", "returns", returns)],
            limits: borough.catalogue.workspaceLimits
        ) {
            try DeliveryMonitoring(
                contract: contract.profile, commitments: $0[0], returns: $0[1], catalogue: borough.catalogue,
                policy: borough.policy)
        }
    }
}
