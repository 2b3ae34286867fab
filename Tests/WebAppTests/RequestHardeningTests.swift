import Catalogue
import Core
import Foundation
import Hummingbird
import HummingbirdTesting
import Recommender
import TestSupport
import Testing

@testable import WebApp
@testable import Workspace

/// The demo contract's tender as published, for offers written without a server.
private func demoTender() throws -> Tender {
    let archive = try WorkspaceArchive.read(
        try Data(contentsOf: URL(fileURLWithPath: repository + "/Datasets/contracts/demo_workspace.json")))
    let snapshot = archive.snapshots[0]
    let guide = try OfferGuide(
        measures: snapshot.recommendation.measures.map { "\($0.framework):\($0.ref)" },
        contract: archive.contracts[0].profile, catalogue: demoBorough.catalogue, policy: demoBorough.policy)
    return Tender(
        contractId: 1, snapshotId: snapshot.id, recommendation: snapshot.recommendation, guide: guide,
        method: "as the policy says", deadline: Date(), publishedAt: Date(), publishedBy: "commissioner")
}

/// Where two servers can share a new, empty workspace in `store`: a file in a new folder, or a new database.
private func sharedLocation(_ store: TestStore) async throws -> String {
    switch store {
    case .sqlite:
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-shared-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/w.sqlite"
    case .postgres:
        return try await TestStore.newDatabase()
    }
}

/// Enters a return of 1 for J2 with a note for each quarter at `address`, all at once, the quarters shared among
/// `clients` in turn; the statuses answered.
private func enterAtOnce(_ quarters: ClosedRange<Int>, at address: String, through clients: [any TestClientProtocol])
    async throws -> [HTTPResponse.Status]
{
    try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
        for quarter in quarters {
            let client = clients[quarter % clients.count]
            group.addTask {
                var browser = Browser(cookies: [FormMiddleware.cookie: token], csrf: token)
                let fields = [("quarter", "\(quarter)"), ("delivered-J2", "1"), ("note-J2", "quarter \(quarter)")]
                return try await browser.sendMultipart(client, address + "/returns/entry", fields: fields, files: [])
                    .status
            }
        }
        return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
    }
}

@Suite("What the workspace refuses, and what it keeps as typed")
struct RequestHardeningTests {
    @Test(
        "a CPV search of 10,000 characters, or of more words than the policy allows, is refused at once beside its box",
        arguments: TestStore.available)
    func cpvSearchBounds(store: TestStore) async throws {
        let limits = demoBorough.catalogue.workspaceLimits
        let (characters, words) = (limits.cpvSearchCharactersMaximum, limits.cpvSearchWordsMaximum)
        let manyWords = (0...words).map { "w\($0)" }.joined(separator: " ")
        let long = String(repeating: "e ", count: 5000)
        try await withServer(store) { client in
            let address = try await createHighways(client)
            let searches: [(uri: String, words: String, says: String)] = [
                ("/contracts/new/search", long, "characters, and a search has at most \(characters)"),
                (address + "/edit/search", long, "characters, and a search has at most \(characters)"),
                ("/contracts/new/search", manyWords, "\(words + 1) words, and a search has at most \(words)"),
            ]
            for search in searches {
                let started = ContinuousClock.now
                try await client.execute(
                    uri: search.uri, method: .post, headers: formHeaders,
                    body: form([("title", "Roads"), ("cpvSearch", search.words)])
                ) { response in
                    #expect(response.status == .badRequest, "\(search.uri)")
                    let page = text(response)
                    #expect(page.contains("id=\"f-cpvSearch-error\">Search the CPV vocabulary: "), "\(search.uri)")
                    #expect(page.contains(search.says), "\(search.uri)")
                    #expect(page.contains("value=\"Roads\"") && !page.contains("name=\"cpvPick\""))
                }
                #expect(ContinuousClock.now - started < .seconds(5), "\(search.uri)")
            }
            try await client.execute(
                uri: "/contracts/new/search", method: .post, headers: formHeaders,
                body: form([("cpvSearch", "resurfacing Resurfacing resurfacing")])
            ) { response in
                #expect(response.status == .ok)
                #expect(text(response).contains("name=\"cpvPick\" value=\"45233223-8\""))
            }
        }
    }

    @Test("a CPV search's words are read as the vocabulary reads them, and a word typed again is looked for once")
    func cpvSearchWords() throws {
        let limits = demoBorough.catalogue.workspaceLimits
        let vocabulary = demoBorough.catalogue.cpv
        #expect(CPVSearch.searchWords("Road-marking, ROAD 45") == ["road", "marking", "road", "45"])
        let once = CPVSearch("resurfacing", in: vocabulary, limits: limits)
        let thrice = CPVSearch("resurfacing RESURFACING, resurfacing", in: vocabulary, limits: limits)
        #expect(!once.codes.isEmpty && thrice.problem == nil && thrice.codes == once.codes)
        let refused = CPVSearch(String(repeating: "e ", count: 5000), in: vocabulary, limits: limits)
        #expect(refused.codes.isEmpty && refused.problem?.hasPrefix("Search the CPV vocabulary: ") == true)
    }

    @Test(
        "saving other quarters' returns again and again leaves quarter 1's notes as typed, as kept and as shown",
        arguments: TestStore.available)
    func returnNotesKeptAsTyped(store: TestStore) async throws {
        let workspace = try await store.workspace()
        let server = try await WorkspaceServer(borough: demoBorough, workspace: workspace, secret: testSecret)
        try await Application(router: server.router()).test(.router) { client in
            let address = try await createHighways(client)
            let (headers, body) = multipart([
                ("commitments", "c.csv", "measure,quantity\nJ2,2\nE8,12\n"),
                ("returns", "r.csv", "quarter,measure,delivered,evidence\nQ1,J2,0,\n"),
            ])
            try await client.execute(uri: address + "/returns", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .seeOther)
            }
            var browser = Browser(cookies: [FormMiddleware.cookie: token], csrf: token)
            let first = try await browser.sendMultipart(
                client, address + "/returns/entry",
                fields: [
                    ("quarter", "1"), ("delivered-J2", "1"), ("note-J2", "=SUM(A1)"), ("delivered-E8", "2"),
                    ("note-E8", "+2 extra apprentices"),
                ], files: [])
            #expect(first.status == .seeOther)
            for _ in 1...3 {
                let again = try await browser.sendMultipart(
                    client, address + "/returns/entry",
                    fields: [("quarter", "2"), ("delivered-J2", "1"), ("note-J2", "contract of employment")], files: [])
                #expect(again.status == .seeOther)
            }
            let saved = try #require(try await workspace.latestReturns(for: 1))
            let kept = String(decoding: saved.returns, as: UTF8.self)
            #expect(kept.contains("1,J2,1,=SUM(A1)\n") && kept.contains("1,E8,2,+2 extra apprentices\n"))
            #expect(!kept.contains("'"))
            let page = text(try await browser.send(client, .get, address + "/returns"))
            #expect(page.contains("Q1: =SUM(A1)") && page.contains("Q1: +2 extra apprentices"))
            #expect(!page.contains("'=SUM(A1)") && !page.contains("'+2 extra"))
        }
    }

    @Test("offers submitted online are kept for scoring as typed: a supplier named +Plus Ltd is scored under that name")
    func offersKeptAsTyped() throws {
        let tender = try demoTender()
        let offer = SupplierOffer(
            contractId: 1, supplier: "plus", supplierName: "+Plus Ltd",
            lines: [.init(measure: tender.guide.lines[0].measure, quantity: 1)], statement: "")
        let csv = String(decoding: OnlineOffers.csv([offer], tender: tender), as: UTF8.self)
        #expect(csv.contains("\n+Plus Ltd,") && !csv.contains("'"))
    }

    @Test(
        "a new password holding a NUL byte is refused at the account page, naming the field, the old one kept",
        arguments: TestStore.available)
    func passwordWithNul(store: TestStore) async throws {
        let server = try await WorkspaceServer(
            borough: demoBorough, workspace: try await workspaceWithAccounts(store), secret: testSecret)
        try await Application(router: server.router()).test(.router) { client in
            var (viewer, _) = try await signIn(client, as: "viewer")
            let refused = try await viewer.send(
                client, .post, "/account",
                [("current", testPassword), ("new", "a\u{0}bcdefghijkl"), ("again", "a\u{0}bcdefghijkl")])
            #expect(refused.status == .badRequest)
            #expect(text(refused).contains("field &quot;new&quot; holds a control character"))
            let (_, kept) = try await signIn(client, as: "viewer")
            #expect(kept.status == .seeOther)
        }
    }

    @Test(
        "a deadline further ahead than the policy's days (year 9999) is refused, naming the field; at them, kept",
        arguments: TestStore.available)
    func deadlineBound(store: TestStore) async throws {
        let workspace = try await workspaceWithAccounts(store)
        let time = HandSetClock(Date(timeIntervalSince1970: 1_800_000_000))
        let server = try await WorkspaceServer(
            borough: demoBorough, workspace: workspace, secret: testSecret, clock: time.clock)
        let days = demoBorough.catalogue.workspaceLimits.tenderOpenDaysMaximum
        let longest = time.now.addingTimeInterval(Double(days) * 86_400)
        try await Application(router: server.router()).test(.router) { client in
            var (commissioner, _) = try await signIn(client, as: "commissioner")
            _ = try await commissioner.send(client, .get, "/contracts/1/tender")
            for deadline in ["9999-12-31T23:59:59", Deadline.boxValue(longest.addingTimeInterval(1))] {
                let refused = try await commissioner.send(
                    client, .post, "/contracts/1/tender", [("deadline", deadline)])
                #expect(refused.status == .badRequest, "\(deadline)")
                #expect(text(refused).contains("Deadline (UTC): "), "\(deadline)")
                #expect(text(refused).contains("is more than \(days) days away"), "\(deadline)")
            }
            #expect(try await workspace.tender(for: 1) == nil)
            let published = try await commissioner.send(
                client, .post, "/contracts/1/tender", [("deadline", Deadline.boxValue(longest))])
            #expect(published.status == .seeOther)
            #expect(try await workspace.tender(for: 1)?.deadline == longest)
        }
    }

    @Test(
        "a text field holding a NUL byte or another control character is refused with 400 naming it, in every form",
        arguments: TestStore.available)
    func controlCharactersInForms(store: TestStore) async throws {
        try await withServer(store) { client in
            for (name, value) in [("title", "a\u{0}b"), ("description", "Resurfacing\u{1B}[2J of roads")] {
                let fields = highways.filter { $0.0 != name } + [(name, value)]
                try await client.execute(uri: "/contracts", method: .post, headers: formHeaders, body: form(fields)) {
                    response in
                    #expect(response.status == .badRequest, "\(name)")
                    #expect(text(response).contains("field &quot;\(name)&quot; holds a control character"), "\(name)")
                }
            }
            try await client.execute(uri: "/contracts", method: .get) { response in
                #expect(text(response).contains("No contracts yet"))
            }
            let address = try await createHighways(client)
            let decision = [("measure", "G1"), ("action", "drop"), ("version", "0"), ("reason", "reason\u{0}hidden")]
            try await client.execute(
                uri: address + "/decisions", method: .post, headers: formHeaders, body: form(decision)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(text(response).contains("field &quot;reason&quot; holds a control character"))
            }
            var browser = Browser(cookies: [FormMiddleware.cookie: token], csrf: token)
            let note = try await browser.sendMultipart(
                client, address + "/returns/entry", fields: [("quarter", "1"), ("note-J2", "register\u{0}hidden")],
                files: [])
            #expect(note.status == .badRequest)
            #expect(text(note).contains("field &quot;note-J2&quot; holds a control character"))
            // Tabs and line breaks are text: a description typed over two lines is kept.
            let typed =
                highways.filter { $0.0 != "description" } + [
                    ("description", "Resurfacing of carriageways\r\nand footways,\tkerb repairs.")
                ]
            try await client.execute(uri: "/contracts", method: .post, headers: formHeaders, body: form(typed)) {
                response in
                #expect(response.status == .seeOther)
            }
        }
    }

    @Test("the form layer refuses a control character in a field's name or value, URL-encoded or multipart")
    func formLayer() throws {
        let refusal = { (name: String) in
            ToolkitError(
                .badInput,
                "the form's field \"\(name)\" holds a control character (such as a NUL byte), which no text in the "
                    + "workspace may: remove it and send the form again")
        }
        #expect(throws: refusal("title")) { try FormData.urlEncoded(Array("title=a%00b".utf8), fieldLimit: 10) }
        #expect(throws: refusal("title")) { try FormData.urlEncoded(Array("title=a%1Bb".utf8), fieldLimit: 10) }
        #expect(throws: refusal("ti")) { try FormData.urlEncoded(Array("ti%01=a".utf8), fieldLimit: 10) }
        let kept = try FormData.urlEncoded(Array("note=a%09b%0D%0Ac".utf8), fieldLimit: 10)
        #expect(kept.values("note") == ["a\tb\r\nc"])
        let body = "--b\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\nreason\u{0}hidden\r\n--b--\r\n"
        #expect(throws: refusal("reason")) {
            try Multipart.parse(ByteBuffer(string: body), boundary: "b", fieldLimit: 10)
        }
    }

    @Test("a request with two sign-in cookies is refused, whichever comes first", arguments: TestStore.available)
    func twoSessionCookies(store: TestStore) async throws {
        let server = try await WorkspaceServer(
            borough: demoBorough, workspace: try await workspaceWithAccounts(store), secret: testSecret)
        try await Application(router: server.router()).test(.router) { client in
            let (commissioner, _) = try await signIn(client, as: "commissioner")
            let (viewer, _) = try await signIn(client, as: "viewer")
            let own = try #require(commissioner.cookies[SignInMiddleware.cookie])
            let other = try #require(viewer.cookies[SignInMiddleware.cookie])
            for pair in [[own, other], [other, own], [own, own]] {
                let cookies = pair.map { "\(SignInMiddleware.cookie)=\($0)" }.joined(separator: "; ")
                try await client.execute(uri: "/contracts", method: .get, headers: [.cookie: cookies]) { response in
                    #expect(response.status == .badRequest)
                    #expect(text(response).contains("Two sign-in cookies came with this request"))
                }
            }
            try await client.execute(
                uri: "/contracts", method: .get, headers: [.cookie: "\(SignInMiddleware.cookie)=\(own)"]
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test(
        "eight quarters' returns entered at once through two servers over one workspace are all kept, each a 303",
        arguments: TestStore.available)
    func returnsEnteredAtOnce(store: TestStore) async throws {
        let location = try await sharedLocation(store)
        let workspaces = [try await Workspace.open(location), try await Workspace.open(location)]
        let first = try await WorkspaceServer(borough: demoBorough, workspace: workspaces[0], secret: testSecret)
        let second = try await WorkspaceServer(borough: demoBorough, workspace: workspaces[1], secret: testSecret)
        try await Application(router: first.router()).test(.router) { one in
            try await Application(router: second.router()).test(.router) { two in
                let address = try await createHighways(one)
                let (headers, body) = multipart([
                    ("commitments", "c.csv", "measure,quantity\nJ2,8\n"),
                    ("returns", "r.csv", "quarter,measure,delivered,evidence\nQ1,J2,0,\n"),
                ])
                try await two.execute(uri: address + "/returns", method: .post, headers: headers, body: body) {
                    response in
                    #expect(response.status == .seeOther)
                }
                let statuses = try await enterAtOnce(1...8, at: address, through: [one, two])
                #expect(statuses == [HTTPResponse.Status](repeating: .seeOther, count: 8))
            }
        }
        let saved = try #require(try await workspaces[1].latestReturns(for: 1))
        let kept = String(decoding: saved.returns, as: UTF8.self)
        for quarter in 1...8 { #expect(kept.contains("\n\(quarter),J2,1,quarter \(quarter)\n"), "quarter \(quarter)") }
        #expect(!kept.contains(",J2,0,"))
    }

    @Test(
        "HEAD is answered as GET without the body; another method on a known path is 405 naming the methods it has",
        arguments: TestStore.available)
    func methods(store: TestStore) async throws {
        try await withServer(store) { client in
            let page: TestResponse = try await client.execute(uri: "/sources", method: .get)
            try await client.execute(uri: "/sources", method: .head) { response in
                #expect(response.status == .ok && response.body.readableBytes == 0)
                #expect(response.headers[.contentType] == page.headers[.contentType])
                #expect((Int(response.headers[.contentLength] ?? "") ?? 0) > 1000)
            }
            let address = try await createHighways(client)
            let paths = [("/", "GET, HEAD"), (address, "GET, HEAD, POST"), (address + "/returns/entry", "POST")]
            for (uri, allowed) in paths {
                for method in [HTTPRequest.Method.put, .delete, .trace, .options] {
                    try await client.execute(uri: uri, method: method) { response in
                        #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                        #expect(response.headers[.allow] == allowed, "\(method) \(uri)")
                    }
                }
            }
            try await client.execute(uri: address + "/returns/entry", method: .head) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "POST")
            }
            for method in [HTTPRequest.Method.head, .put] {
                try await client.execute(uri: "/no/such/page", method: method) { response in
                    #expect(response.status == .notFound, "\(method)")
                }
            }
        }
    }

    @Test("a HEAD from someone not signed in is sent to sign in, as a GET is", arguments: TestStore.available)
    func headSignedOut(store: TestStore) async throws {
        let server = try await WorkspaceServer(
            borough: demoBorough, workspace: try await workspaceWithAccounts(store), secret: testSecret)
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/contracts", method: .head) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/sign-in?next=") == true)
            }
        }
    }
}
