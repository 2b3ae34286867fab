import Catalogue
import Core
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import WebApp
@testable import Workspace

/// A browser's session with the workspace: its cookies and the security token its forms carry.
struct Browser: Sendable {
    var cookies: [String: String] = [:]
    var csrf = ""

    var headers: HTTPFields {
        var fields = HTTPFields()
        if !cookies.isEmpty {
            fields[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        return fields
    }

    /// Keeps the cookies a response sets (one cleared is forgotten) and the token of the first form on its page.
    mutating func read(_ response: TestResponse) {
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            cookies[pair[0]] = pair[1].isEmpty ? nil : pair[1]
        }
        if let found = text(response).firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/) { csrf = String(found.1) }
    }

    /// Sends a request as this browser, a POST with its token and `fields`.
    mutating func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String,
        _ fields: [(String, String)] = []
    ) async throws -> TestResponse {
        var headers = self.headers
        var body: ByteBuffer?
        if method == .post {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = form(fields, csrf: csrf)
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        read(response)
        return response
    }
}

/// The password every test account has.
let testPassword = "correct horse battery staple"

/// A workspace in `store` holding the demo contract (1) and a second one (2), with an account for each role; the
/// contract manager is assigned contract 1.
func workspaceWithAccounts(_ store: TestStore) async throws -> Workspace {
    let workspace = try await store.workspace()
    let archive = try WorkspaceArchive.read(
        try Data(contentsOf: URL(fileURLWithPath: repository + "/Datasets/contracts/demo_workspace.json")))
    try await workspace.importArchive(archive)
    var second = archive.contracts[0].profile
    second.title = "A second contract"
    _ = try await workspace.addContract(second)
    for role in Role.allCases {
        _ = try await workspace.addAccount(
            name: role.rawValue, role: role, password: testPassword, limits: demoBorough.catalogue.workspaceLimits)
    }
    try await workspace.assign(contract: 1, to: Role.contractManager.rawValue)
    return workspace
}

/// Signs in as `name` through the sign-in form; the browser then holds the session and its forms' token.
func signIn(_ client: some TestClientProtocol, as name: String, password: String = testPassword) async throws
    -> (Browser, TestResponse)
{
    var browser = Browser()
    _ = try await browser.send(client, .get, "/sign-in")
    let response = try await browser.send(client, .post, "/sign-in", [("name", name), ("password", password)])
    if response.status == .seeOther { _ = try await browser.send(client, .get, "/account") }
    return (browser, response)
}

@Suite("Accounts and roles in the workspace")
struct AccessControlTests {
    /// Every route (a sample path for each) and the roles that may use it, as the roles read: the
    /// administrator keeps accounts; the commissioner does everything with contracts; the contract manager reads
    /// and files returns for assigned contracts (1, not 2); the viewer reads the borough and the published
    /// tenders; the supplier its account and the published tenders, with its own offer.
    static let expected: [(method: HTTPRequest.Method, path: String, roles: Set<Role>)] = {
        let everyone = Set(Role.allCases)
        let borough: Set<Role> = [.administrator, .commissioner, .contractManager, .viewer]
        return [
            (.get, "/account", everyone), (.post, "/account", everyone), (.post, "/sign-out", everyone),
            (.get, "/accounts", [.administrator]),
            (.get, "/", borough), (.get, "/wards/E05013010", borough), (.get, "/sources", borough),
            (.get, "/compare", [.commissioner]), (.get, "/contracts", [.commissioner, .contractManager]),
            (.get, "/contracts/new", [.commissioner]), (.post, "/contracts/new/search", [.commissioner]),
            (.post, "/contracts", [.commissioner]),
            (.get, "/contracts/1", [.commissioner, .contractManager]), (.get, "/contracts/2", [.commissioner]),
            (.post, "/contracts/1", [.commissioner]), (.post, "/contracts/1/recommend", [.commissioner]),
            (.get, "/contracts/1/pack/md", [.commissioner, .contractManager]),
            (.get, "/contracts/2/pack/md", [.commissioner]),
            (.get, "/contracts/1/supplier", [.commissioner]),
            (.get, "/contracts/1/audit", [.commissioner, .contractManager]),
            (.get, "/contracts/2/audit.csv", [.commissioner]), (.get, "/contracts/1/edit", [.commissioner]),
            (.post, "/contracts/1/edit/search", [.commissioner]), (.post, "/contracts/1/decisions", [.commissioner]),
            (.get, "/contracts/1/offers", [.commissioner]), (.post, "/contracts/1/offers", [.commissioner]),
            (.get, "/contracts/1/returns", [.commissioner, .contractManager]),
            (.post, "/contracts/1/returns", [.commissioner, .contractManager]),
            (.get, "/contracts/2/returns", [.commissioner]),
            (.post, "/contracts/1/returns/entry", [.commissioner, .contractManager]),
            (.post, "/contracts/2/returns/entry", [.commissioner]),
            (.get, "/contracts/1/evidence/1", [.commissioner, .contractManager]),
            (.get, "/contracts/2/evidence/1", [.commissioner]),
            (.get, "/contracts/1/tender", [.commissioner]), (.post, "/contracts/1/tender", [.commissioner]),
            (.post, "/contracts/1/tender/scores", [.commissioner]),
            (.post, "/contracts/1/tender/award", [.commissioner]),
            (.get, "/tenders", [.supplier, .viewer, .commissioner]),
            (.get, "/tenders/1", [.supplier, .viewer, .commissioner]), (.post, "/tenders/1", [.supplier]),
            (.get, "/tenders/1/offer.csv", [.supplier]), (.get, "/tenders/1/scores.csv", [.supplier]),
        ]
    }()

    @Test("the expected table covers every route the workspace has")
    func everyRoute() {
        func route(of row: (method: HTTPRequest.Method, path: String, roles: Set<Role>)) -> String? {
            AccessRules.route(row.method, row.path)?.entry.path
        }
        for rule in AccessRules.table where rule.rule != .open {
            let covered = Self.expected.contains { $0.method == rule.method && route(of: $0) == rule.path }
            #expect(covered, "\(rule.method) \(rule.path) has no row in the expected table")
        }
    }

    @Test(
        "every role gets exactly what it should on every route; no one signed in is sent to sign in",
        arguments: TestStore.available)
    func everyRoleOnEveryRoute(store: TestStore) async throws {
        let server = try await WorkspaceServer(
            borough: demoBorough, workspace: try await workspaceWithAccounts(store), secret: testSecret)
        try await Application(router: server.router()).test(.router) { client in
            for role in Role.allCases {
                var (browser, _) = try await signIn(client, as: role.rawValue)
                for row in Self.expected where !(row.method == .post && ["/sign-out", "/account"].contains(row.path)) {
                    let response = try await browser.send(client, row.method, row.path)
                    if row.roles.contains(role) {
                        #expect(
                            ![.forbidden, .unauthorized].contains(response.status)
                                && response.headers[.location]?.hasPrefix("/sign-in") != true,
                            "\(role.rawValue) \(row.method) \(row.path): \(response.status)")
                    } else {
                        #expect(response.status == .forbidden, "\(role.rawValue) \(row.method) \(row.path)")
                    }
                }
            }
            var stranger = Browser()
            _ = try await stranger.send(client, .get, "/sign-in")
            for row in Self.expected {
                let response = try await stranger.send(client, row.method, row.path)
                if row.method == .get {
                    #expect(response.status == .seeOther, "\(row.path)")
                    #expect(response.headers[.location]?.hasPrefix("/sign-in?next=") == true, "\(row.path)")
                } else {
                    #expect(response.status == .unauthorized, "POST \(row.path)")
                }
            }
        }
    }

    @Test(
        "each role's navigation and contract page show only what it may do, with who is signed in",
        arguments: TestStore.available)
    func navigation(store: TestStore) async throws {
        let server = try await WorkspaceServer(
            borough: demoBorough, workspace: try await workspaceWithAccounts(store), secret: testSecret)
        try await Application(router: server.router()).test(.router) { client in
            var (viewer, _) = try await signIn(client, as: "viewer")
            let page = text(try await viewer.send(client, .get, "/"))
            #expect(page.contains("<a href=\"/sources\">Sources</a>"))
            #expect(!page.contains("<a href=\"/contracts\">") && !page.contains("<a href=\"/accounts\">"))
            #expect(page.contains("Signed in as viewer (viewer)"))
            let missing = try await viewer.send(client, .get, "/no-such-page")
            #expect(missing.status == .notFound && text(missing).contains("Signed in as viewer (viewer)"))
            var (manager, _) = try await signIn(client, as: "contract_manager")
            let list = text(try await manager.send(client, .get, "/contracts"))
            #expect(list.contains("Highways resurfacing works") && !list.contains("A second contract"))
            // The contract's page shows the manager only what they may do: no edit, decision or recommend forms.
            let contract = text(try await manager.send(client, .get, "/contracts/1"))
            #expect(contract.contains("href=\"/contracts/1/returns\">Monitor delivery</a>"))
            #expect(contract.contains("href=\"/contracts/1/audit\">Audit trail</a>"))
            #expect(!contract.contains("Edit the contract") && !contract.contains("Recommend again"))
            #expect(!contract.contains("Your decision on") && contract.contains("Decided: "))
            var (commissioner, _) = try await signIn(client, as: "commissioner")
            let full = text(try await commissioner.send(client, .get, "/contracts/1"))
            #expect(full.contains("Edit the contract") && full.contains("Your decision on G1"))
        }
    }

    @Test(
        "a wrong password, an unknown name and a disabled account are refused alike; sign-out ends the session",
        arguments: TestStore.available)
    func signingInAndOut(store: TestStore) async throws {
        let workspace = try await workspaceWithAccounts(store)
        let server = try await WorkspaceServer(borough: demoBorough, workspace: workspace, secret: testSecret)
        try await Application(router: server.router()).test(.router) { client in
            let (_, wrong) = try await signIn(client, as: "commissioner", password: "not the password at all")
            let (_, unknown) = try await signIn(client, as: "nobody-at-all")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(text(wrong).contains("that name and password do not match an account"))
            #expect(text(unknown).contains("that name and password do not match an account"))
            var (browser, signedIn) = try await signIn(client, as: "commissioner")
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/")
            #expect(try await browser.send(client, .get, "/contracts/1").status == .ok)
            _ = try await browser.send(client, .post, "/sign-out")
            #expect(try await browser.send(client, .get, "/contracts/1").status == .seeOther)
            try await workspace.setDisabled("viewer", true)
            let (_, disabled) = try await signIn(client, as: "viewer")
            #expect(text(disabled).contains("this account is disabled"))
        }
    }

    @Test(
        "a decision made through the workspace is in the contract's audit trail, by name, as a page and as CSV",
        arguments: TestStore.available)
    func auditTrail(store: TestStore) async throws {
        let server = try await WorkspaceServer(
            borough: demoBorough, workspace: try await workspaceWithAccounts(store), secret: testSecret)
        try await Application(router: server.router()).test(.router) { client in
            var (browser, _) = try await signIn(client, as: "commissioner")
            let decided = try await browser.send(
                client, .post, "/contracts/1/decisions",
                [("measure", "G1"), ("action", "drop"), ("reason", "not for this contract"), ("version", "0")])
            #expect(decided.status == .seeOther)
            let page = text(try await browser.send(client, .get, "/contracts/1/audit"))
            #expect(page.contains("<td>commissioner</td><td>decided</td><td>G1</td>"))
            #expect(page.contains("<td>archive imported</td>"))
            let csv = try await browser.send(client, .get, "/contracts/1/audit.csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let rows = text(csv).split(separator: "\n")
            #expect(rows.first == "\u{FEFF}id,at,actor,contract,action,subject,before,after")
            #expect(rows.last?.contains(",commissioner,1,decided,G1,,") == true)
        }
    }

    @Test("a form token made in one person's session is refused in another's", arguments: TestStore.available)
    func tokensBoundToSessions(store: TestStore) async throws {
        let server = try await WorkspaceServer(
            borough: demoBorough, workspace: try await workspaceWithAccounts(store), secret: testSecret)
        try await Application(router: server.router()).test(.router) { client in
            let (supplier, _) = try await signIn(client, as: "supplier")
            var (commissioner, _) = try await signIn(client, as: "commissioner")
            // The supplier's own token and cookie, planted in the commissioner's browser (as a page on another
            // port of the machine could set a cookie): the commissioner's session does not accept them.
            commissioner.csrf = supplier.csrf
            commissioner.cookies["svtk_csrf"] = supplier.cookies["svtk_csrf"]
            let forged = try await commissioner.send(
                client, .post, "/contracts/1/decisions", [("measure", "G1"), ("action", "drop"), ("version", "0")])
            #expect(forged.status == .forbidden)
            #expect(text(forged).contains("security token"))
        }
    }

    @Test("after too many wrong passwords a name is refused, the right password too, until the window passes")
    func throttling() async throws {
        let workspace = try await workspaceWithAccounts(.sqlite)
        let limits = demoBorough.catalogue.workspaceLimits
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for minute in 0..<limits.signInFailuresMaximum {
            await #expect(throws: ToolkitError.signInRefused) {
                try await workspace.signIn(
                    name: "viewer", password: "wrong password \(minute)", limits: limits,
                    at: start.addingTimeInterval(Double(minute) * 60))
            }
        }
        let later = start.addingTimeInterval(Double(limits.signInFailuresMaximum) * 60)
        await #expect(throws: ToolkitError.tooManySignIns(minutes: limits.signInWindowMinutes)) {
            try await workspace.signIn(name: "viewer", password: testPassword, limits: limits, at: later)
        }
        // The first failure leaves the window 15 minutes after it was made: four remain, one fewer than the limit.
        let afterFirst = start.addingTimeInterval(Double(limits.signInWindowMinutes) * 60 + 1)
        let signedIn = try await workspace.signIn(
            name: "viewer", password: testPassword, limits: limits, at: afterFirst)
        #expect(signedIn.signedIn.account.role == .viewer)
    }

    @Test("a session ends after its hours however used, or when unused too long; a new password ends them all")
    func sessionsExpire() async throws {
        let workspace = try await workspaceWithAccounts(.sqlite)
        let limits = demoBorough.catalogue.workspaceLimits
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let idle = Double(limits.sessionIdleMinutesMaximum) * 60
        let new = try await workspace.signIn(name: "viewer", password: testPassword, limits: limits, at: start)
        // Used just within the idle limit each time, it lasts until its hours are up, then ends.
        var now = start
        while now.addingTimeInterval(idle - 60) < start.addingTimeInterval(Double(limits.sessionHoursMaximum) * 3600) {
            now = now.addingTimeInterval(idle - 60)
            #expect(try await workspace.signedIn(token: new.token, limits: limits, at: now) != nil)
        }
        let end = start.addingTimeInterval(Double(limits.sessionHoursMaximum) * 3600)
        #expect(try await workspace.signedIn(token: new.token, limits: limits, at: end) == nil)
        let unused = try await workspace.signIn(name: "viewer", password: testPassword, limits: limits, at: start)
        #expect(
            try await workspace.signedIn(token: unused.token, limits: limits, at: start.addingTimeInterval(idle)) == nil
        )
        let forgotten = try await workspace.signIn(
            name: "commissioner", password: testPassword, limits: limits, at: start)
        let kept = try await workspace.signIn(name: "viewer", password: testPassword, limits: limits, at: start)
        try await workspace.resetPassword("viewer", to: "another good long password", limits: limits, at: start)
        #expect(try await workspace.signedIn(token: kept.token, limits: limits, at: start) == nil)
        // A sign-in ends every expired session, even one never asked for again; and a wrong password forgets the
        // wrong passwords out of every window, whatever the name.
        _ = try await workspace.store.reserveSignInAttempt(name: "someone", at: start, window: start, maximum: 5)
        _ = try await workspace.signIn(name: "administrator", password: testPassword, limits: limits, at: end)
        #expect(try await workspace.store.session(Workspace.sessionKey(forgotten.token)) == nil)
        await #expect(throws: ToolkitError.signInRefused) {
            try await workspace.signIn(name: "nobody", password: "wrong", limits: limits, at: end)
        }
        #expect(try await workspace.store.signInFailures(name: "someone", since: .distantPast) == 0)
    }
}
