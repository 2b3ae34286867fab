import Catalogue
import Core
import Hummingbird
import Reports
import Toolkit
import Workspace

/// Signing in and out, one's own account (changing the password), and the administrator's list of accounts.
struct AccountRoutes: RouteGroup {
    let borough: Borough
    let workspace: Workspace

    var limits: WorkspaceLimits { borough.catalogue.workspaceLimits }

    func add(to router: Router<WebContext>) {
        router.get("/sign-in") { request, context in
            page("Sign in", AccountPages.signIn(next: request.uri.queryParameters["next"].map(String.init), context))
        }
        router.post("/sign-in") { _, context in try await signIn(context) }
        router.post("/sign-out") { request, _ in
            if let token = request.cookies[SignInMiddleware.cookie]?.value { try await workspace.signOut(token: token) }
            return Self.signedOut(to: "/sign-in")
        }
        router.get("/account") { _, context in page("Your account", AccountPages.account(context)) }
        router.post("/account") { _, context in try await changePassword(context) }
        router.get("/accounts") { _, _ in page("Accounts", AccountPages.list(try await workspace.accounts())) }
    }

    /// Checks the name and password; on success sets the session's cookie and goes to the page asked for.
    func signIn(_ context: WebContext) async throws -> Response {
        let next = AccountPages.safeNext(context.form["next"])
        do {
            let new = try await workspace.signIn(
                name: context.form["name"], password: context.form["password"], limits: limits)
            var response = Page.seeOther(next ?? landing(for: new.signedIn))
            response.setCookie(
                Self.sessionCookie(new.token, maxAge: limits.sessionHoursMaximum * 3600, secure: context.overHTTPS))
            return response
        } catch let error as ToolkitError where error.kind == .badInput || error.kind == .conflict {
            let status: HTTPResponse.Status = error.kind == .conflict ? .tooManyRequests : .unauthorized
            let body = AccountPages.signIn(next: next, context, name: context.form["name"], problem: error.message)
            return page("Sign in", body, status: status)
        }
    }

    /// Changes the signed-in person's password; every session of theirs ends, so they sign in again.
    func changePassword(_ context: WebContext) async throws -> Response {
        guard case .signedIn(let signedIn) = context.visitor else {
            throw HTTPError(.notFound, message: "This workspace has no accounts.")
        }
        do {
            guard context.form["new"] == context.form["again"] else {
                throw ToolkitError(.badInput, "the two new passwords differ")
            }
            try await workspace.changePassword(
                of: signedIn, current: context.form["current"], new: context.form["new"], limits: limits)
        } catch let error as ToolkitError where error.kind == .badInput {
            return page("Your account", AccountPages.account(context, problem: error.message), status: .badRequest)
        }
        return Self.signedOut(to: "/sign-in?changed=1")
    }

    /// A redirect that also clears the session's cookie.
    static func signedOut(to location: String) -> Response {
        var response = Page.seeOther(location)
        response.setCookie(sessionCookie("", maxAge: 0))
        return response
    }

    /// The first page someone's role lets them open.
    func landing(for signedIn: SignedIn) -> String {
        let policy = borough.catalogue.accessPolicy
        if signedIn.may(.readBorough, under: policy) { return "/" }
        if signedIn.may(.readContracts, under: policy) { return "/contracts" }
        if signedIn.may(.readTenders, under: policy) { return "/tenders" }
        return "/account"
    }

    /// The session's cookie: only for this site's own pages, never to scripts, gone after `maxAge` seconds.
    static func sessionCookie(_ token: String, maxAge: Int, secure: Bool = false) -> Cookie {
        Cookie(
            name: SignInMiddleware.cookie, value: token, maxAge: maxAge, path: "/", secure: secure, httpOnly: true,
            sameSite: .strict)
    }
}
