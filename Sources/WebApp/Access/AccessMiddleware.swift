import Catalogue
import Core
import Foundation
import HTTPTypes
import Hummingbird
import Workspace

/// Lets a request through only where its route's rule (``AccessRules``) allows the visitor: someone not signed in
/// is sent to sign in (a page) or told 401 (a form); someone signed in whose role does not allow it is told 403; a
/// contract manager reaches only the contracts assigned to them. A path no route has is 404; a path whose routes
/// have other methods is 405 naming them (`Allow`). It also gives the page's navigation for the visitor (only the
/// pages they may open, and their account).
struct AccessMiddleware: RouterMiddleware {
    typealias Context = WebContext

    let policy: AccessPolicy

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        let path = request.uri.path
        let navigation = Navigation.html(for: context.visitor, policy: policy, token: context.csrfToken)
        return await Navigation.$current.withValue(navigation) {
            do {
                guard let (rule, contract) = AccessRules.rule(request.method, path) else {
                    throw Self.noRoute(request.method, path)
                }
                try check(rule, contract: contract, request: request, visitor: context.visitor)
                return try await next(request, context)
            } catch {
                return ErrorPages.response(to: error, request: request, context: context)
            }
        }
    }

    /// Throws the refusal for a visitor the rule does not allow.
    private func check(_ rule: AccessRules.Rule, contract: Int64?, request: Request, visitor: Visitor) throws {
        switch (rule, visitor) {
        case (.open, _), (_, .singleUser): return
        case (_, .anonymous):
            guard request.method == .get || request.method == .head else {
                throw HTTPError(.unauthorized, message: "Your sign-in has ended: sign in again, then send the form.")
            }
            let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            throw Redirect(to: "/sign-in?next=" + next)
        case (.signedIn, .signedIn): return
        case (.requires(let permission, let everyContract), .signedIn(let signedIn)):
            guard visitor.may(permission, contract: contract, everyContract: everyContract, policy: policy) else {
                throw HTTPError(
                    .forbidden,
                    message: "Your role (\(signedIn.account.role.rawValue)) may not open this page"
                        + (contract.map { " for contract \($0)" } ?? "") + ".")
            }
        }
    }
}

extension AccessMiddleware {
    /// The refusal of a request no route has: 405 with the methods the path's routes have (`Allow`), or 404 when
    /// no route has the path.
    static func noRoute(_ method: HTTPRequest.Method, _ path: String) -> HTTPError {
        let quoted = ToolkitError.quoted(path, limit: 80)
        let allowed = AccessRules.methods(at: path).map(\.rawValue)
        guard !allowed.isEmpty else { return HTTPError(.notFound, message: "There is no page at \(quoted).") }
        return HTTPError(
            .methodNotAllowed, headers: [.allow: allowed.joined(separator: ", ")],
            message: "\(quoted) is not asked for with \(ToolkitError.quoted(method.rawValue, limit: 20)), only with "
                + allowed.joined(separator: ", ") + ".")
    }
}

/// A redirect thrown by middleware, answered as `303 See Other` by ``ErrorPages``.
struct Redirect: Error {
    let location: String
    init(to location: String) { self.location = location }
}
