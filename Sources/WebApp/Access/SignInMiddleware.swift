import Catalogue
import Hummingbird
import Workspace

/// Finds who is asking: the person whose session the `svtk_session` cookie names, or someone not signed in where
/// the workspace has accounts (or must have them, listening beyond this machine), or the one user of a workspace
/// without accounts on this machine. A request sending the cookie twice is refused (400), as
/// ``FormMiddleware`` refuses two security cookies: a page elsewhere on this machine may have set one, and which
/// of them is the person's own cannot be told.
struct SignInMiddleware: RouterMiddleware {
    typealias Context = WebContext

    /// The cookie holding a session's token.
    static let cookie = "svtk_session"

    let workspace: Workspace
    let limits: WorkspaceLimits
    /// True when the server listens beyond this machine: without accounts, no one may do anything.
    let accountsRequired: Bool

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        guard FormMiddleware.cookieCount(request, named: Self.cookie) <= 1 else {
            throw HTTPError(
                .badRequest,
                message: "Two sign-in cookies came with this request (one may have been set by another page of this "
                    + "machine): clear this site's cookies in the browser and sign in again.")
        }
        if let token = request.cookies[Self.cookie]?.value,
            let signedIn = try await workspace.signedIn(token: token, limits: limits)
        {
            context.visitor = .signedIn(signedIn)
        } else if accountsRequired {
            context.visitor = .anonymous
        } else {
            context.visitor = try await workspace.hasAccounts() ? .anonymous : .singleUser
        }
        return try await AuditEntry.$actor.withValue(context.visitor.actor) { try await next(request, context) }
    }
}
