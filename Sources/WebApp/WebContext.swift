import Hummingbird

/// What a request carries through the workspace's middleware to its handler: the CSRF token its forms must
/// send back, and the form it posted, read and checked once.
public struct WebContext: RequestContext {
    /// Hummingbird's storage for the request's core context (its allocator and logger).
    public var coreContext: CoreRequestContextStorage
    /// The token every form on the page carries (and the browser's cookie holds).
    var csrfToken = ""
    /// The posted form (fields and uploaded files), for a POST that passed the CSRF check.
    public var form = FormData()
    /// Who is asking: the one user of a workspace without accounts, someone not signed in, or who signed in.
    var visitor = Visitor.singleUser
    /// The address of the connection's other end (a browser, or a proxy in front of the server).
    let peer: String?
    /// The scheme the browser used, where a trusted proxy in front said (`X-Forwarded-Proto`); nil when the request
    /// came straight to the server.
    var forwardedScheme: String?

    /// Whether the browser reached the workspace over HTTPS (through a trusted proxy): its cookies are then `Secure`.
    var overHTTPS: Bool { forwardedScheme == "https" }

    /// The context of a new request, from where Hummingbird received it; no token or form yet.
    public init(source: Source) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress
    }
}
