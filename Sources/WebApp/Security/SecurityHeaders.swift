import Hummingbird

/// Headers on every response that keep the pages to themselves: a Content Security Policy allowing only the
/// page's own inline styles and the one inline script (by its hash), no framing, no sniffing, no referrer sent to
/// any other site (`same-origin`: the browser then names the workspace as the `Origin` of its own forms, which
/// ``HostCheck`` requires; with `no-referrer` it sends `Origin: null`), no caching of pages that hold a council's
/// contracts.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = WebContext

    /// Nothing but the workspace's own forms, styles and images, and its inline scripts by their hashes.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; script-src "
        + Scripts.allCases.map { "'\($0.hash)'" }.joined(separator: " ")
        + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
