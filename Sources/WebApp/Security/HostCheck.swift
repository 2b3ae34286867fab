import Core
import Foundation
import Hummingbird

/// Answers only requests addressed to the names the workspace listens on (on loopback: `127.0.0.1`, `localhost`,
/// `::1`; any, when `allowed` is nil). A page on another site that makes its own name resolve to 127.0.0.1 (DNS
/// rebinding) would otherwise be the workspace's own origin to the browser, free to read contracts and post forms;
/// its requests carry its own name in `Host` and are refused (421).
///
/// A POST must come from the workspace's own origin: its `Origin` (or, without one, its `Referer`) must name the
/// same scheme, host and port the request was addressed to. A page on another site, or on another port of this
/// machine (a notebook, a development server), or a sandboxed page (`Origin: null`) is refused (403).
struct HostCheck: RouterMiddleware {
    typealias Context = WebContext

    /// The host names (lower case, without a port) requests may be addressed to; nil for any.
    let allowed: Set<String>?

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        if let allowed, let authority = request.head.authority, !allowed.contains(Self.hostName(authority)) {
            throw HTTPError(
                .misdirectedRequest,
                message: "This workspace answers only at " + allowed.sorted().joined(separator: " or ")
                    + ", not at \(ToolkitError.quoted(authority, limit: 40)).")
        }
        if request.method == .post, let sender = request.headers[.origin] ?? request.headers[.referer],
            !Self.sameOrigin(sender, as: request.head.authority)
        {
            throw HTTPError(
                .forbidden,
                message: "This form was sent from another site or port, \(ToolkitError.quoted(sender, limit: 60)).")
        }
        return try await next(request, context)
    }

    /// True when an origin (or a referring page's address) has the scheme `http`, and the host and port of the
    /// authority the request was addressed to (port 80 when none is written).
    static func sameOrigin(_ sender: String, as authority: String?) -> Bool {
        guard let authority, let url = URL(string: sender), url.scheme?.lowercased() == "http",
            let host = url.host?.lowercased()
        else { return false }
        let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        return bare == hostName(authority) && (url.port ?? 80) == port(authority)
    }

    /// The port of an authority (`localhost:8080` → 8080, `[::1]` → 80).
    static func port(_ authority: String) -> Int {
        let afterHost = authority.hasPrefix("[") ? authority.drop { $0 != "]" }.dropFirst() : Substring(authority)
        guard let colon = afterHost.lastIndex(of: ":") else { return 80 }
        return Int(afterHost[afterHost.index(after: colon)...]) ?? -1
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
