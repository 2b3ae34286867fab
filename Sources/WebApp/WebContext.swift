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

    /// The context of a new request, from where Hummingbird received it; no token or form yet.
    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
