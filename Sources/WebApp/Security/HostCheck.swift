import Core
import Foundation
import Hummingbird

/// Answers only requests addressed to the names the workspace listens on (on loopback: `127.0.0.1`, `localhost`,
/// `::1`). A page on another site that makes its own name resolve to 127.0.0.1 (DNS rebinding) would otherwise be
/// the workspace's own origin to the browser, free to read contracts and post forms; its requests carry its own
/// name in `Host` and are refused (421). A POST whose `Origin` names another site is refused too (403).
struct HostCheck: RouterMiddleware {
    typealias Context = WebContext

    /// The host names (lower case, without a port) requests may be addressed to.
    let allowed: Set<String>

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        if let authority = request.head.authority,
            !allowed.contains(Self.hostName(authority))
        {
            throw HTTPError(
                .misdirectedRequest,
                message: "This workspace answers only at " + allowed.sorted().joined(separator: " or ")
                    + ", not at \(ToolkitError.quoted(authority, limit: 40)).")
        }
        if request.method == .post, let origin = request.headers[.origin], origin != "null",
            !allowed.contains(Self.hostName(URL(string: origin)?.host ?? origin))
        {
            throw HTTPError(
                .forbidden, message: "This form was sent from another site, \(ToolkitError.quoted(origin, limit: 40)).")
        }
        return try await next(request, context)
    }

    /// The host name of an authority (`localhost:8080` → `localhost`, `[::1]:8080` → `::1`), in lower case.
    static func hostName(_ authority: String) -> String {
        var text = Substring(authority.lowercased())
        if text.hasPrefix("[") {
            text = text.dropFirst().prefix { $0 != "]" }
        } else if text.filter({ $0 == ":" }).count == 1 {
            text = text.prefix { $0 != ":" }
        }
        return String(text)
    }
}
