import Core
import Foundation
import Hummingbird
import Reports
import Toolkit
import Workspace

/// The borough overview, the ward pages, the register of sources, and comparing two recommendations.
struct BoroughRoutes: RouteGroup {
    let borough: Borough
    let workspace: Workspace
    let pages: PageCache

    func add(to router: Router<WebContext>) {
        router.get("/") { request, context in
            let domain = request.uri.queryParameters["domain"].map(String.init)
            return page(
                "\(borough.analysis.borough.name): local needs",
                await pages.page("overview \(domain ?? "")", token: context.csrfToken) { _ in
                    BoroughPages.overview(borough, domain: domain)
                })
        }
        router.get("/wards/:code") { _, context in
            let code = context.parameters.get("code") ?? ""
            guard let ward = borough.analysis.wards.first(where: { $0.code == code }) else {
                throw HTTPError(
                    .notFound,
                    message:
                        "There is no ward \(ToolkitError.quoted(code, limit: 40)) in \(borough.analysis.borough.name).")
            }
            return page(
                ward.name,
                await pages.page("ward \(code)", token: context.csrfToken) { _ in BoroughPages.ward(borough, ward: ward)
                })
        }
        router.get("/compare") { request, _ in try await compare(request) }
        router.get("/sources") { _, context in
            page(
                "Sources", await pages.page("sources", token: context.csrfToken) { _ in BoroughPages.sources(borough) })
        }
    }

    func compare(_ request: Request) async throws -> Response {
        let contracts = Dictionary(uniqueKeysWithValues: try await workspace.contracts().map { ($0.id ?? 0, $0) })
        let index = try await choices(titles: contracts)
        var body = "<h1>Compare recommendations</h1>\n"
        guard !index.isEmpty else {
            return page("Compare", body + "<p>No recommendations yet: save a contract first.</p>")
        }
        let (a, b) = (Self.snapshotID(request, "a"), Self.snapshotID(request, "b"))
        body += ContractPages.chooser(index, a: a, b: b ?? index.first { $0.id != a }?.id)
        if let a, let b { body += try await comparison(a, b, titles: contracts) }
        return page("Compare", body)
    }

    /// Every snapshot that can be chosen, titled by its contract.
    func choices(titles contracts: [Int64: SavedContract]) async throws -> [(
        id: Int64, title: String, version: Int, createdAt: Date
    )] {
        try await workspace.snapshotIndex().map { item in
            (
                id: item.id, title: contracts[item.contractId]?.title ?? "contract \(item.contractId)",
                version: item.contractVersion, createdAt: item.createdAt
            )
        }
    }

    /// The snapshot a query parameter names, if it is a number.
    static func snapshotID(_ request: Request, _ name: String) -> Int64? {
        request.uri.queryParameters[Substring(name)].flatMap { Int64(String($0)) }
    }

    /// Two snapshots side by side, each titled by its contract.
    func comparison(_ a: Int64, _ b: Int64, titles contracts: [Int64: SavedContract]) async throws -> String {
        let first = try await workspace.snapshot(a)
        let second = try await workspace.snapshot(b)
        return ContractPages.compare(
            first, second, titles: (contracts[first.contractId]?.title ?? "", contracts[second.contractId]?.title ?? "")
        )
    }
}
