import Catalogue
import Core
import Foundation
import Hummingbird
import Recommender
import Reports
import Toolkit
import Workspace

/// Contracts: the list, the new and edit forms (with the CPV search), saving (which recommends at once),
/// recommending again, the recommendation itself, the tender pack and the supplier's view.
struct ContractRoutes: RouteGroup {
    let borough: Borough
    let workspace: Workspace
    let pages: PageCache
    let clock: WorkspaceClock
    /// The bounds on a search of the CPV vocabulary.
    let limits: WorkspaceLimits

    func add(to router: Router<WebContext>) {
        router.get("/contracts") { _, context in try await contractsList(context) }
        addForms(to: router)
        router.get("/contracts/:id") { _, context in try await recommendationPage(context) }
        router.post("/contracts/:id/recommend") { _, context in
            let contract = try await workspace.contract(try contractId(context))
            let recommendation = try borough.recommend(contract.profile)
            _ = try await workspace.save(borough.snapshot(recommendation, for: contract))
            return Page.seeOther("/contracts/\(contract.id ?? 0)")
        }
        router.get("/contracts/:id/pack/:format") { _, context in try await tenderPack(context) }
        router.get("/contracts/:id/supplier") { request, context in try await supplierView(request, context) }
    }

    /// The contracts the visitor may read, newest first, with the returns due on those whose delivery they follow.
    func contractsList(_ context: WebContext) async throws -> Response {
        let policy = borough.catalogue.accessPolicy
        let readable = context.visitor.readableContracts(policy: policy)
        var rows: [(SavedContract, SnapshotSummary?)] = []
        var due: [(SavedContract, [DeliveryPlan.Due])] = []
        let now = clock.now()
        for contract in try await workspace.contracts() where readable?.contains(contract.id ?? 0) ?? true {
            rows.append((contract, try await workspace.snapshotSummaries(of: contract.id ?? 0).first))
            guard context.visitor.may(.monitorDelivery, contract: contract.id, policy: policy),
                let plan = try await DeliveryPlan.of(contract, workspace: workspace, borough: borough, at: now)
            else { continue }
            due.append((contract, plan.due(at: now, dueDays: borough.catalogue.workspaceLimits.returnDueDays)))
        }
        return page("Contracts", ContractPages.list(rows, notice: ReturnEntryPage.dueAcross(due, now: now)))
    }

    /// The new and edit forms, their CPV searches and their saves.
    func addForms(to router: Router<WebContext>) {
        router.get("/contracts/new") { _, context in
            form(ContractForm(), context: context, contract: nil)
        }
        router.post("/contracts/new/search") { _, context in
            form(ContractForm(context.form), context: context, contract: nil, search: context.form["cpvSearch"])
        }
        router.post("/contracts") { _, context in try await create(context) }
        router.get("/contracts/:id/edit") { _, context in
            let contract = try await workspace.contract(try contractId(context))
            return form(ContractForm(contract.profile), context: context, contract: contract)
        }
        router.post("/contracts/:id/edit/search") { _, context in
            let contract = try await workspace.contract(try contractId(context))
            return form(
                ContractForm(context.form), context: context, contract: contract, search: context.form["cpvSearch"])
        }
        router.post("/contracts/:id") { _, context in try await update(context) }
    }

    /// A contract's recommendation page, kept rendered for the state it shows (version, recommendation, decisions).
    func recommendationPage(_ context: WebContext) async throws -> Response {
        let id = try contractId(context)
        let state = try await workspace.state(of: id)
        let may = Abilities(context.visitor, contract: id, policy: borough.catalogue.accessPolicy)
        return page(
            state.contract.title,
            try await pages.page(Self.key(state, may), token: context.csrfToken) {
                var view = try await recommendationView(state.contract)
                view.may = may
                return view.html(token: $0)
            })
    }

    /// What a kept recommendation page shows: the contract's version, its latest recommendation, its decisions'
    /// versions, and what the visitor may do.
    static func key(_ state: ContractState, _ may: Abilities) -> String {
        let decided = state.decisions.map { "\($0.measure)#\($0.version)" }.joined(separator: ",")
        return "contract \(state.contract.id ?? 0) version \(state.contract.version) recommendation "
            + "\(state.latestRecommendation ?? 0) decisions \(decided) may \(may.key)"
    }

    /// A tender pack file, with the decisions applied.
    func tenderPack(_ context: WebContext) async throws -> Response {
        let contract = try await workspace.contract(try contractId(context))
        guard let format = context.parameters.get("format", as: ExportFormat.self) else {
            throw HTTPError(
                .notFound,
                message: "The tender pack comes as " + ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
                    + ".")
        }
        let view = try await recommendationView(contract)
        return Page.response(
            try format.bytes(view.decided, borough: borough), type: format.contentType,
            download: format.fileName(contract.title))
    }

    /// The supplier's read-only view, as a page or (`?download=1`) as one HTML file.
    func supplierView(_ request: Request, _ context: WebContext) async throws -> Response {
        let contract = try await workspace.contract(try contractId(context))
        let view = try await recommendationView(contract)
        let download = request.uri.queryParameters["download"] != nil
        let body = ContractPages.supplier(
            view.decided, maps: view.deliveryMaps, borough: borough.analysis.borough.name,
            downloadLink: download ? nil : "/contracts/\(contract.id ?? 0)/supplier?download=1")
        guard download else { return page("Supplier view: \(contract.title)", body) }
        return Page.response(
            HTML.page(
                title: "Social value asked of bidders: \(contract.title)", body: body,
                provenance: borough.provenance.line),
            type: "text/html; charset=utf-8", download: ExportFormat.html.fileName(contract.title + " supplier"))
    }

    /// The form page, for a new contract or an edit; with `search`, the CPV codes its words find, or (a 400) why a
    /// search beyond the limits was not run.
    func form(
        _ form: ContractForm, context: WebContext, contract: SavedContract?, search: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let found = search.map { CPVSearch($0, in: borough.catalogue.cpv, limits: limits) }
        let status = found?.problem == nil ? status : .badRequest
        let action = contract.map { "/contracts/\($0.id ?? 0)" } ?? "/contracts"
        let body = ContractFormPage.html(
            form, borough: borough, context: context, action: action,
            searchAction: contract.map { "/contracts/\($0.id ?? 0)/edit/search" } ?? "/contracts/new/search",
            version: contract?.version, search: found)
        return page(
            contract == nil ? "New contract" : "Edit \(contract!.title)", body, status: status, script: .wardPicker)
    }

    /// The profile the form makes and its recommendation, or the form again with the errors beside their fields.
    func checked(_ context: WebContext) -> Checked {
        var (form, profile) = ContractForm.posted(context.form, catalogue: borough.catalogue)
        guard form.errors.isEmpty else { return .invalid(form) }
        do {
            let recommendation = try borough.recommend(profile)
            profile.areas = recommendation.contract.areas  // ward names in the borough's order, as outputs name them
            return .valid(profile, recommendation)
        } catch let error as ToolkitError where error.kind == .badInput {
            form.place(error)
        } catch {
            form.errors["form"] = "\(error)"
        }
        return .invalid(form)
    }

    /// A posted contract form: valid, with its profile and recommendation, or not, with its errors.
    enum Checked {
        case valid(ContractProfile, Recommendation)
        case invalid(ContractForm)
    }

    func create(_ context: WebContext) async throws -> Response {
        switch checked(context) {
        case .invalid(let form): return self.form(form, context: context, contract: nil, status: .badRequest)
        case .valid(let profile, let recommendation):
            let contract = try await workspace.addContract(profile) { borough.snapshot(recommendation, for: $0) }
            return Page.seeOther("/contracts/\(contract.id ?? 0)")
        }
    }

    func update(_ context: WebContext) async throws -> Response {
        let existing = try await workspace.contract(try contractId(context))
        guard let version = Int(context.form["version"]) else {
            throw HTTPError(.badRequest, message: "The form has no contract version; reload the page.")
        }
        switch checked(context) {
        case .invalid(let form): return self.form(form, context: context, contract: existing, status: .badRequest)
        case .valid(let profile, let recommendation):
            let contract = try await workspace.updateContract(existing.id ?? 0, profile: profile, readVersion: version)
            {
                borough.snapshot(recommendation, for: $0)
            }
            return Page.seeOther("/contracts/\(contract.id ?? 0)")
        }
    }
}
