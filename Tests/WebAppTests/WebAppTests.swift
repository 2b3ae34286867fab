import Catalogue
import Core
import Foundation
import Geography
import Hummingbird
import HummingbirdTesting
import Loaders
import NeedsAnalysis
import Recommender
import Reports
import TestSupport
import Testing
import Toolkit
import Workspace

@testable import WebApp

let repository = DemoBorough.repository

/// The demo borough as svtk serve loads it (the data, the action plan, the shipped boundaries).
let demoBorough: Borough = DemoBorough.loaded("the served demo borough") {
    try Borough(
        loading: BoroughInputs(
            catalogue: DemoBorough.catalogue, dataFiles: DemoBorough.dataFiles, actionPlan: DemoBorough.actionPlan,
            toolkit: "svtk test"))
}

/// The tests' servers' secret, in place of a workspace's own.
let testSecret = [UInt8](repeating: 7, count: 32)
/// A CSRF token the tests' servers made, sent as the cookie and in forms.
let token = CSRFTokens(secret: testSecret).mint(nonce: [UInt8](repeating: 0xAB, count: 16))
let cookie: HTTPFields = [.cookie: "svtk_csrf=\(token)"]

/// A form body, URL-encoded, with the CSRF token unless told otherwise.
func form(_ fields: [(String, String)], csrf: String? = token) -> ByteBuffer {
    let all = (csrf.map { [("csrf", $0)] } ?? []) + fields
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
    return ByteBuffer(
        string: all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(
            separator: "&"))
}

let formHeaders: HTTPFields = [.cookie: "svtk_csrf=\(token)", .contentType: "application/x-www-form-urlencoded"]

/// The highways contract's fields as the form sends them.
let highways: [(String, String)] = [
    ("title", "Highways resurfacing works"),
    ("description", "Resurfacing of carriageways and footways, kerb repairs and road markings."),
    ("cpv", "45233142-6"), ("category", "works"), ("value", "£2,400,000"), ("durationMonths", "24"),
    ("areas", "E05013010"), ("areas", "E05012999"), ("framework", "open"), ("workforce.fte", "18"),
]

/// A multipart body of files, with the CSRF token.
func multipart(_ files: [(field: String, name: String, text: String)], boundary: String = "svtk-test-boundary") -> (
    HTTPFields, ByteBuffer
) {
    var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(token)\r\n"
    for file in files {
        body +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
            + "Content-Type: text/csv\r\n\r\n\(file.text)\r\n"
    }
    body += "--\(boundary)--\r\n"
    return (
        [.cookie: "svtk_csrf=\(token)", .contentType: "multipart/form-data; boundary=\(boundary)"],
        ByteBuffer(string: body)
    )
}

func text(_ response: TestResponse) -> String { String(buffer: response.body) }

func contracts(_ name: String) throws -> String {
    try String(contentsOfFile: repository + "/Datasets/contracts/\(name)", encoding: .utf8)
}

/// Runs `test` against the workspace's routes over the demo borough and a new, empty workspace in `store`.
func withServer(
    _ store: TestStore, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    let server = try await WorkspaceServer(
        borough: demoBorough, workspace: try await store.workspace(), secret: testSecret)
    try await Application(router: server.router()).test(.router) { client in try await test(client) }
}

/// Saves the highways contract through the form; returns its address.
func createHighways(_ client: some TestClientProtocol) async throws -> String {
    try await client.execute(uri: "/contracts", method: .post, headers: formHeaders, body: form(highways)) { response in
        #expect(response.status == .seeOther)
        return try #require(response.headers[.location])
    }
}

@Suite("The workspace's pages")
struct WebAppTests {
    @Test(
        "the borough overview: the need map for the chosen domain, top needs, gaps; security headers, CSRF cookie",
        arguments: TestStore.available)
    func overview(store: TestStore) async throws {
        try await withServer(store) { client in
            try await client.execute(uri: "/?domain=worklessness", method: .get) { response in
                #expect(response.status == .ok)
                let page = text(response)
                #expect(page.contains("<h1>Rotherham: local needs</h1>"))
                #expect(page.contains("Worklessness and long-term unemployment: need by ward"))
                #expect(page.contains("<h2>Top needs</h2>") && page.contains("<h2>Equality gaps</h2>"))
                #expect(page.contains("<a href=\"/wards/E05013010\" data-ward=\"E05013010\">"))
                // Every ward's IMD decile in both IoD editions and its move (Rother Vale, by the roll-up: 5.0 → 6.2).
                #expect(page.contains("Each ward's population-weighted average IMD decile"))
                #expect(
                    page.contains(
                        "<th scope=\"row\">Rother Vale</th><td class=\"num\">5.0</td><td class=\"num\">6.2</td>"))
                #expect(
                    page.contains(
                        "moved from the 40–50% most deprived to the 50–60% most deprived (IoD2019 average decile 5.0, "
                            + "IoD2025 6.2)"))
                #expect(
                    response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'; style-src 'unsafe-inline'")
                        == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                // same-origin: no referrer to other sites, and the browser names this origin on its own forms
                #expect(response.headers[.init("Referrer-Policy")!] == "same-origin")
                let setCookie = try #require(response.headers[.setCookie])
                #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            }
        }
    }

    @Test(
        "the sources page: each file's publisher, coverage and checksum, its warnings and the attribution",
        arguments: TestStore.available)
    func sources(store: TestStore) async throws {
        try await withServer(store) { client in
            try await client.execute(uri: "/sources", method: .get) { response in
                #expect(response.status == .ok)
                let page = text(response)
                #expect(page.contains("<h1>Sources</h1>") && page.contains("<a href=\"/sources\">Sources</a>"))
                #expect(page.contains("iod2019_domains_rotherham.csv") && page.contains("167 LSOAs"))
                #expect(page.contains("edition 2019 is superseded by 2025 (published 2025-10-30)"))
                #expect(page.contains("Source: Ministry of Housing, Communities and Local Government"))
            }
        }
    }

    @Test(
        "a ward's profile with both IoD editions, and a ward that is not the borough's", arguments: TestStore.available)
    func wards(store: TestStore) async throws {
        try await withServer(store) { client in
            try await client.execute(uri: "/wards/E05013010", method: .get) { response in
                #expect(response.status == .ok)
                #expect(text(response).contains("<h1>Rotherham East</h1>"))
                #expect(text(response).contains("local needs profile"))
                // The demo holds both IoD editions: the ward's deciles in each and the move.
                #expect(text(response).contains("<h2>Deprivation in IoD2019 and IoD2025</h2>"))
                #expect(text(response).contains("stayed in the most deprived 10%"))
            }
            try await client.execute(uri: "/wards/E05000001", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(text(response).contains("There is no ward &quot;E05000001&quot; in Rotherham."))
            }
        }
    }

    @Test(
        "a POST with no CSRF cookie, a token not matching it, or one this server did not make is refused",
        arguments: TestStore.available)
    func csrf(store: TestStore) async throws {
        try await withServer(store) { client in
            // Well formed but not this server's: made under another workspace's secret, or made up.
            let foreign = CSRFTokens(secret: [UInt8](repeating: 9, count: 32)).mint()
            for forged in [foreign, String(repeating: "ab", count: 32)] {
                try await client.execute(
                    uri: "/contracts", method: .post,
                    headers: [.cookie: "svtk_csrf=\(forged)", .contentType: "application/x-www-form-urlencoded"],
                    body: form(highways, csrf: forged)
                ) { response in
                    #expect(response.status == .forbidden)
                    #expect(text(response).contains("no security token"))
                }
            }
            try await client.execute(
                uri: "/contracts", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: form(highways)
            ) { response in
                #expect(response.status == .forbidden)
                #expect(text(response).contains("no security token"))
            }
            try await client.execute(
                uri: "/contracts", method: .post, headers: formHeaders,
                body: form(highways, csrf: String(repeating: "cd", count: 32))
            ) { response in
                #expect(response.status == .forbidden)
                #expect(text(response).contains("security token does not match"))
            }
            try await client.execute(uri: "/contracts", method: .get) { response in
                #expect(text(response).contains("No contracts yet"))
            }
        }
    }

    @Test(
        "every field's error at once, named by its label: unreadable figures and the profile's own checks",
        arguments: TestStore.available)
    func everyErrorAtOnce(store: TestStore) async throws {
        try await withServer(store) { client in
            let fields =
                highways.filter { !["title", "value", "cpv", "workforce.fte"].contains($0.0) } + [
                    ("title", ""), ("value", "two million"), ("cpv", "45233142-7"), ("workforce.hoursPerWeek", "200"),
                ]
            try await client.execute(uri: "/contracts", method: .post, headers: formHeaders, body: form(fields)) {
                response in
                #expect(response.status == .badRequest)
                let page = text(response)
                for (label, id) in [
                    ("Title", "f-title"), ("Total value (£)", "f-value"), ("CPV codes", "f-cpv"),
                    ("Hours a week each worker works on the contract", "f-workforce-hoursPerWeek"),
                ] {
                    #expect(page.contains("<li><a href=\"#\(id)\">\(HTML.escape(label)): "), "\(label)")
                    #expect(page.contains("id=\"\(id)-error\""), "\(id)")
                }
                #expect(!page.contains(">durationMonths:") && !page.contains(">workforce.hoursPerWeek:"))
            }
        }
    }

    @Test(
        "field errors are shown beside their fields, in the CLI's words, with what was typed kept",
        arguments: TestStore.available)
    func fieldErrors(store: TestStore) async throws {
        try await withServer(store) { client in
            var fields = highways.filter { $0.0 != "value" && $0.0 != "areas" } + [("value", "two million")]
            try await client.execute(uri: "/contracts", method: .post, headers: formHeaders, body: form(fields)) {
                response in
                #expect(response.status == .badRequest)
                let page = text(response)
                #expect(
                    page.contains(
                        "<p class=\"field-error\" id=\"f-value-error\">&quot;two million&quot; is not a number; write "
                            + "it in figures, e.g. 1200000</p>"
                    ))
                #expect(
                    page.contains(
                        "<p class=\"field-error\" id=\"f-areas-error\">tick the wards the contract is delivered in, or "
                            + "the whole borough</p>"
                    ))
                #expect(page.contains("value=\"Highways resurfacing works\""))
            }
            fields = highways.filter { $0.0 != "durationMonths" } + [("durationMonths", "2000")]
            try await client.execute(uri: "/contracts", method: .post, headers: formHeaders, body: form(fields)) {
                response in
                #expect(response.status == .badRequest)
                #expect(
                    text(response).contains(
                        "id=\"f-durationMonths-error\">must be a number of months from 0.25 to 1,200, not 2000</p>"))
            }
            fields = highways.filter { $0.0 != "cpv" } + [("cpv", "99999999")]
            try await client.execute(uri: "/contracts", method: .post, headers: formHeaders, body: form(fields)) {
                response in
                #expect(response.status == .badRequest)
                #expect(text(response).contains("id=\"f-cpv-error\">"))
            }
        }
    }

    @Test(
        "the form takes what the contract handles and the supplier's fee; the answer asks for what is missing",
        arguments: TestStore.available)
    func quantitiesAndFee(store: TestStore) async throws {
        try await withServer(store) { client in
            var fields = highways + [("quantities", "widgets 5")]
            try await client.execute(uri: "/contracts", method: .post, headers: formHeaders, body: form(fields)) {
                response in
                #expect(response.status == .badRequest)
                #expect(text(response).contains("id=\"f-quantities-error\">not a quantity the toolkit knows"))
            }
            fields =
                highways.filter { $0.0 != "description" } + [
                    ("description", "Demolition of a depot and resurfacing, paid by a unitary charge."),
                    ("quantities", "tonnesRemoved 650"),
                ]
            let address = try await client.execute(
                uri: "/contracts", method: .post, headers: formHeaders, body: form(fields)
            ) { response in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            try await client.execute(uri: address, method: .get) { response in
                let page = text(response)
                #expect(
                    page.contains("To answer before tendering: The description mentions &quot;unitary charge&quot;"))
                #expect(!page.contains("quantities.tonnesRemoved: "))
            }
            try await client.execute(uri: address + "/edit", method: .get) { response in
                #expect(text(response).contains("value=\"tonnesRemoved 650\""))
            }
        }
    }

    @Test(
        "the CPV search posts the form back with the codes found, keeping what was typed",
        arguments: TestStore.available)
    func cpvSearch(store: TestStore) async throws {
        try await withServer(store) { client in
            try await client.execute(
                uri: "/contracts/new/search", method: .post, headers: formHeaders,
                body: form([("title", "Roads"), ("cpvSearch", "resurfacing")])
            ) { response in
                #expect(response.status == .ok)
                let page = text(response)
                #expect(page.contains("value=\"Roads\""))
                #expect(page.contains("name=\"cpvPick\" value=\"45233223-8\""))
            }
        }
    }

    @Test(
        "a saved contract is recommended at once; decisions need a reason and a current version",
        arguments: TestStore.available)
    func recommendationAndDecisions(store: TestStore) async throws {
        try await withServer(store) { client in
            let address = try await createHighways(client)
            #expect(address == "/contracts/1")
            for (uri, heading) in [
                ("/contracts", "<h1>Contracts</h1>"), ("/contracts/new", "<h1>New contract</h1>"),
                ("/contracts/1/edit", "<h1>Edit contract</h1>"),
                ("/contracts/1/supplier", "social value asked of bidders"),
                ("/contracts/1/offers", "No offers uploaded yet."),
                ("/contracts/1/returns", "No returns uploaded yet."),
                ("/compare", "<h1>Compare recommendations</h1>"),
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(text(response).contains(heading), "\(uri)")
                }
            }
            try await client.execute(uri: address, method: .get) { response in
                #expect(response.status == .ok)
                #expect(text(response).contains("<h2>Measures and your decisions</h2>"))
                #expect(text(response).contains("<input type=\"hidden\" name=\"measure\" value=\"J2\">"))
            }
            try await client.execute(
                uri: address + "/decisions", method: .post, headers: formHeaders,
                body: form([("measure", "J2"), ("action", "drop"), ("version", "0"), ("reason", "")])
            ) { response in
                #expect(response.status == .badRequest)
                #expect(text(response).contains("give the reason for the decision; it goes into the tender pack"))
            }
            try await client.execute(
                uri: address + "/decisions", method: .post, headers: formHeaders,
                body: form([("measure", "J2"), ("action", "drop"), ("version", "0"), ("reason", "in the framework")])
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/contracts/1#measure-J2")
            }
            try await client.execute(
                uri: address + "/decisions", method: .post, headers: formHeaders,
                body: form([("measure", "J2"), ("action", "accept"), ("version", "0"), ("reason", "")])
            ) { response in
                #expect(response.status == .conflict)
                #expect(
                    text(response).contains(
                        "changed by someone else since you opened it (you read version 0, it is now version 1)"))
            }
            try await client.execute(
                uri: address + "/decisions", method: .post, headers: formHeaders,
                body: form([("measure", "NOPE"), ("action", "drop"), ("version", "0"), ("reason", "x")])
            ) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: address, method: .get) { response in
                #expect(text(response).contains("dropped by the commissioner: in the framework"))
            }
        }
    }

    @Test(
        "an edit from a stale page is a conflict; a current one saves a version and recommends again",
        arguments: TestStore.available)
    func edits(store: TestStore) async throws {
        try await withServer(store) { client in
            let address = try await createHighways(client)
            let edited =
                highways.filter { $0.0 != "title" } + [("title", "Highways resurfacing, lot 2"), ("version", "1")]
            try await client.execute(uri: address, method: .post, headers: formHeaders, body: form(edited)) {
                response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: address, method: .post, headers: formHeaders, body: form(edited)) {
                response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: address, method: .get) { response in
                #expect(text(response).contains("<h1>Highways resurfacing, lot 2</h1>"))
                #expect(text(response).contains("Contract version 2"))
            }
        }
    }

    @Test(
        "the delivery wards on the recommendation page and in the pack, from the form's codes or an archive's names",
        arguments: TestStore.available)
    func deliveryWards(store: TestStore) async throws {
        let delivered = "Delivery wards: Dalton &amp; Thrybergh, Rotherham East, among 25 wards of Rotherham."
        try await withServer(store) { client in
            let address = try await createHighways(client)
            for uri in [address, address + "/pack/html"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(text(response).contains(delivered), "\(uri)")
                }
            }
            try await client.execute(uri: address + "/pack/md", method: .get) { response in
                #expect(text(response).contains("| Delivery areas | Dalton & Thrybergh, Rotherham East |"))
            }
        }
        // The demo archive's contract names its wards, and its snapshot was saved before recommendations carried
        // their delivery wards: the same wards are charted.
        let workspace = try await store.workspace()
        let archive = try WorkspaceArchive.read(
            try Data(contentsOf: URL(fileURLWithPath: repository + "/Datasets/contracts/demo_workspace.json")))
        try await workspace.importArchive(archive)
        let server = try await WorkspaceServer(borough: demoBorough, workspace: workspace, secret: testSecret)
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/contracts/1", method: .get) { response in
                #expect(text(response).contains(delivered))
            }
        }
    }

    @Test(
        "the tender pack in every format, with the decisions applied; an unknown format is not found",
        arguments: TestStore.available)
    func tenderPack(store: TestStore) async throws {
        try await withServer(store) { client in
            let address = try await createHighways(client)
            for (format, type, magic) in [
                ("docx", "wordprocessingml", "PK"), ("xlsx", "spreadsheetml", "PK"), ("md", "text/markdown", "# "),
                ("html", "text/html", "<!DOCTYPE html>"), ("csv", "text/csv", "\u{FEFF}rank,ref"),
            ] {
                try await client.execute(uri: address + "/pack/\(format)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.contains(type) == true)
                    #expect(
                        response.headers[.contentDisposition]
                            == "attachment; filename=\"highways-resurfacing-works-social-value.\(format)\"")
                    #expect(
                        String(decoding: Array(buffer: response.body).prefix(magic.utf8.count), as: UTF8.self) == magic)
                }
            }
            try await client.execute(uri: address + "/pack/pdf", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: address + "/supplier?download=1", method: .get) { response in
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                #expect(text(response).contains("The local needs behind each measure"))
                #expect(!text(response).contains("<form"))
            }
        }
    }

    @Test(
        "offers: a broken upload is located in the file as uploaded; a good one is scored and kept",
        arguments: TestStore.available)
    func offers(store: TestStore) async throws {
        try await withServer(store) { client in
            let address = try await createHighways(client)
            let (headers, broken) = multipart([
                ("offers", "my offers.csv", "supplier,measure,quantity,qualitative_mark\nAcme,J2,lots,60\n")
            ])
            try await client.execute(uri: address + "/offers", method: .post, headers: headers, body: broken) {
                response in
                #expect(response.status == .badRequest)
                #expect(text(response).contains("my offers.csv:2:3:"))
                #expect(!text(response).contains("/tmp/"))
            }
            let (goodHeaders, good) = multipart([
                ("offers", "highways_offers.csv", try contracts("highways_offers.csv"))
            ])
            try await client.execute(uri: address + "/offers", method: .post, headers: goodHeaders, body: good) {
                response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: address + "/offers", method: .get) { response in
                #expect(text(response).contains("Scores from highways_offers.csv"))
                #expect(text(response).contains("Borough Surfacing Ltd"))
            }
            let (noFileHeaders, noFile) = multipart([])
            try await client.execute(uri: address + "/offers", method: .post, headers: noFileHeaders, body: noFile) {
                response in
                #expect(response.status == .badRequest)
                #expect(text(response).contains("choose the offers file to upload"))
            }
        }
    }

    @Test(
        "offers: an upload beyond the rows or cell length allowed is refused at its place; suppliers a page at a time",
        arguments: TestStore.available)
    func offersWithinLimits(store: TestStore) async throws {
        try await withServer(store) { client in
            let address = try await createHighways(client)
            let header = "supplier,measure,quantity,qualitative_mark\n"
            // 5,001 rows: refused at the first row beyond 5,000 (line 5,002, after the header).
            let many = header + (1...5001).map { "Supplier \($0),J2,1,50\n" }.joined()
            let longName = header + "Acme,J2,1,50\n" + String(repeating: "x", count: 501) + ",J2,1,50\n"
            for (name, content, place) in [
                ("many.csv", many, "many.csv:5002:"), ("long.csv", longName, "long.csv:3:1:"),
            ] {
                let (headers, body) = multipart([("offers", name, content)])
                try await client.execute(uri: address + "/offers", method: .post, headers: headers, body: body) {
                    response in
                    #expect(response.status == .badRequest)
                    #expect(text(response).contains(place), "\(name)")
                }
            }
            // 45 suppliers: every one ranked, the commitments of 20 a page.
            let suppliers = header + (1...45).map { "Supplier \($0),J2,\($0),50\n" }.joined()
            let (headers, body) = multipart([("offers", "suppliers.csv", suppliers)])
            try await client.execute(uri: address + "/offers", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: address + "/offers", method: .get) { response in
                let page = text(response)
                #expect(page.components(separatedBy: ": commitments</caption>").count - 1 == 20)
                #expect(page.contains("Suppliers 1 to 20 of 45 in rank order"))
                #expect(page.contains("offers?page=2\">next 20</a>"))
            }
            try await client.execute(uri: address + "/offers?page=3", method: .get) { response in
                #expect(text(response).components(separatedBy: ": commitments</caption>").count - 1 == 5)
                #expect(text(response).contains("Suppliers 41 to 45 of 45"))
            }
        }
    }

    @Test(
        "a form of a million fields is refused with 413 once the limit is passed, the rest not read or counted",
        arguments: TestStore.available)
    func manyFields(store: TestStore) async throws {
        try await withServer(store) { client in
            let body = ByteBuffer(string: "csrf=\(token)&" + String(repeating: "a=&", count: 1_000_000))
            try await client.execute(uri: "/contracts", method: .post, headers: formHeaders, body: body) { response in
                #expect(response.status == .contentTooLarge)
                #expect(text(response).contains("The form has more than 2000 fields"))
            }
        }
    }

    @Test(
        "returns: commitments and quarterly returns give RAG and forecast per measure with the chart",
        arguments: TestStore.available)
    func returns(store: TestStore) async throws {
        try await withServer(store) { client in
            let address = try await createHighways(client)
            let (headers, body) = multipart([
                ("commitments", "highways_commitments.csv", try contracts("highways_commitments.csv")),
                ("returns", "highways_returns.csv", try contracts("highways_returns.csv")),
            ])
            try await client.execute(uri: address + "/returns", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: address + "/returns", method: .get) { response in
                let page = text(response)
                #expect(page.contains("aria-labelledby=\"delivery-title delivery-desc\""))
                #expect(page.contains("J2 Long-term unemployed people employed on the contract"))
                #expect(page.contains("Q2: contract of employment"))
                // Each status in the table is coloured, and kept on one line in its narrow column.
                #expect(page.contains("<td class=\"rag-green\">GREEN</td>"))
                #expect(page.contains("<td class=\"rag-red\">RED</td>"))
            }
        }
    }

    @Test(
        "returns and offers with quantities that cannot be monitored are refused at their cell, never a 500",
        arguments: TestStore.available)
    func quantities(store: TestStore) async throws {
        try await withServer(store) { client in
            let address = try await createHighways(client)
            let commitments = ("commitments", "c.csv", "measure,quantity\nJ2,2\n")
            for (returns, cell) in [
                ("quarter,measure,delivered\nQ1,J2,1e308\n", "r.csv:2:3"),
                ("quarter,measure,delivered\nQ1,J2,0.0000001\n", "r.csv:2:3"),
            ] {
                let (headers, body) = multipart([commitments, ("returns", "r.csv", returns)])
                try await client.execute(uri: address + "/returns", method: .post, headers: headers, body: body) {
                    response in
                    #expect(response.status == .badRequest)
                    #expect(text(response).contains("\(cell): a quantity is 0, or from 0.001 to under 1000000000000"))
                }
            }
            let (headers, body) = multipart([
                ("offers", "o.csv", "supplier,measure,quantity,qualitative_mark\nAcme,J2,1e13,50\n")
            ])
            try await client.execute(uri: address + "/offers", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .badRequest)
                #expect(text(response).contains("o.csv:2:3: a quantity is 0, or from 0.001"))
            }
        }
    }

    @Test(
        "a form is accepted only from the workspace's own origin: scheme, host and port; one security cookie",
        arguments: TestStore.available)
    func origin(store: TestStore) async throws {
        try await withServer(store) { client in
            // The test client addresses the workspace as http://localhost (port 80).
            for (sender, status) in [
                ("http://attacker.example", HTTPResponse.Status.forbidden), ("http://localhost:8888", .forbidden),
                ("http://127.0.0.1", .forbidden), ("https://localhost", .forbidden), ("null", .forbidden),
                ("http://localhost", .seeOther), ("http://LOCALHOST:80", .seeOther),
            ] {
                var headers = formHeaders
                headers[.origin] = sender
                try await client.execute(uri: "/contracts", method: .post, headers: headers, body: form(highways)) {
                    response in
                    #expect(response.status == status, "\(sender)")
                    if status == .forbidden { #expect(text(response).contains("sent from another site or port")) }
                }
            }
            var referred = formHeaders
            referred[.referer] = "http://localhost:3000/notebook"
            try await client.execute(uri: "/contracts", method: .post, headers: referred, body: form(highways)) {
                response in
                #expect(response.status == .forbidden)
            }
            let twice: HTTPFields = [
                .cookie: "svtk_csrf=\(token); svtk_csrf=\(String(repeating: "cd", count: 32))",
                .contentType: "application/x-www-form-urlencoded",
            ]
            try await client.execute(uri: "/contracts", method: .post, headers: twice, body: form(highways)) {
                response in
                #expect(response.status == .forbidden)
                #expect(text(response).contains("Two security cookies"))
            }
        }
    }

    @Test(
        "bad requests: an oversized body, a cut multipart body, an unknown contract, a path that is no page",
        arguments: TestStore.available)
    func badRequests(store: TestStore) async throws {
        try await withServer(store) { client in
            let huge = ByteBuffer(repeating: UInt8(ascii: "a"), count: 9 * 1_048_576)
            try await client.execute(uri: "/contracts", method: .post, headers: formHeaders, body: huge) { response in
                #expect(response.status == .contentTooLarge)
                #expect(text(response).contains("larger than 8 MiB"))
            }
            let address = try await createHighways(client)
            var (headers, body) = multipart([("offers", "o.csv", "supplier,measure,quantity,qualitative_mark\n")])
            body.moveWriterIndex(to: body.writerIndex - 30)
            try await client.execute(uri: address + "/offers", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .badRequest)
            }
            headers[.contentType] = "multipart/form-data; boundary="
            try await client.execute(uri: address + "/offers", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .badRequest)
            }
            for uri in ["/contracts/99", "/contracts/abc", "/contracts/99/pack/docx", "/no/such/page"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(!text(response).contains("ToolkitError"))
                }
            }
        }
    }

    @Test(
        "two recommendations side by side, the delivery wards by name; the edit form ticks them again",
        arguments: TestStore.available)
    func compare(store: TestStore) async throws {
        try await withServer(store) { client in
            let address = try await createHighways(client)
            try await client.execute(uri: address + "/recommend", method: .post, headers: formHeaders, body: form([])) {
                response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/compare?a=1&b=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(text(response).contains("<td>Dalton &amp; Thrybergh, Rotherham East</td>"))  // names, not codes
                #expect(text(response).contains("Measures as recommended (before decisions)"))
            }
            try await client.execute(uri: address + "/edit", method: .get) { response in
                #expect(text(response).contains("value=\"E05013010\" id=\"ward-E05013010\" checked"))
                #expect(text(response).contains("value=\"E05012999\" id=\"ward-E05012999\" checked"))
            }
            try await client.execute(uri: "/compare?a=1&b=9", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
