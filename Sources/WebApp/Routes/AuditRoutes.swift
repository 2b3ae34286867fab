import Hummingbird
import Reports
import Toolkit
import Workspace

/// A contract's audit trail: every change to it, who made it and when, with what it changed from and to; as a page
/// and as CSV.
struct AuditRoutes: RouteGroup {
    let borough: Borough
    let workspace: Workspace

    func add(to router: Router<WebContext>) {
        router.get("/contracts/:id/audit") { _, context in
            let contract = try await workspace.contract(try contractId(context))
            let entries = try await workspace.auditTrail(of: contract.id)
            return page("Audit trail: \(contract.title)", AuditPage.html(contract, entries))
        }
        router.get("/contracts/:id/audit.csv") { _, context in
            let contract = try await workspace.contract(try contractId(context))
            return Page.response(
                AuditEntry.csv(try await workspace.auditTrail(of: contract.id), byteOrderMark: true),
                type: "text/csv; charset=utf-8",
                download: "contract-\(contract.id ?? 0)-audit.csv")
        }
    }
}
