import Core
import Foundation
import HTTPTypes
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
    /// The addresses of proxies in front of the server (`--trusted-proxy`), whose `X-Forwarded-Proto` is believed
    /// and whose requests may name the public host (the proxy's `server_name` checks it).
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        let proxied = context.peer.map(trustedProxies.contains) ?? false
        if proxied { context.forwardedScheme = Self.forwardedScheme(request) }
        if !proxied, let allowed, let authority = request.head.authority, !allowed.contains(Self.hostName(authority)) {
            throw HTTPError(
                .misdirectedRequest,
                message: "This workspace answers only at " + allowed.sorted().joined(separator: " or ")
                    + ", not at \(ToolkitError.quoted(authority, limit: 40)).")
        }
        if request.method == .post, let sender = request.headers[.origin] ?? request.headers[.referer],
            !Self.sameOrigin(sender, as: request.head.authority, scheme: context.forwardedScheme ?? "http")
        {
            throw HTTPError(
                .forbidden,
                message: "This form was sent from another site or port, \(ToolkitError.quoted(sender, limit: 60)).")
        }
        return try await next(request, context)
    }

    /// True when an origin (or a referring page's address) has the scheme the browser used (`http`, or `https`
    /// through a proxy), and the host and port of the authority the request was addressed to (the scheme's default
    /// port when none is written).
    static func sameOrigin(_ sender: String, as authority: String?, scheme: String = "http") -> Bool {
        guard let authority, let url = URL(string: sender), url.scheme?.lowercased() == scheme,
            let host = url.host?.lowercased()
        else { return false }
        let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        let standard = scheme == "https" ? 443 : 80
        return bare == hostName(authority) && (url.port ?? standard) == port(authority, standard: standard)
    }

    /// The header in which a proxy says the scheme the browser used.
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    /// The scheme a trusted proxy says the browser used: `https` or `http` (the first of a list), else `http`.
    static func forwardedScheme(_ request: Request) -> String {
        let said = request.headers[Self.forwardedProto]?.split(separator: ",").first?.trimmingCharacters(
            in: .whitespaces)
        return said?.lowercased() == "https" ? "https" : "http"
    }

    /// The port of an authority (`localhost:8080` → 8080, `[::1]` → the scheme's `standard` port).
    static func port(_ authority: String, standard: Int = 80) -> Int {
        let afterHost = authority.hasPrefix("[") ? authority.drop { $0 != "]" }.dropFirst() : Substring(authority)
        guard let colon = afterHost.lastIndex(of: ":") else { return standard }
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
