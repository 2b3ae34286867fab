import Hummingbird

/// What a request carries through the workspace's middleware to its handler: the CSRF token its forms must
/// send back, and the form it posted, read and checked once.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token every form on the page carries (and the browser's cookie holds).
    public var csrfToken = ""
    /// The posted form (fields and uploaded files), for a POST that passed the CSRF check.
    public var form = FormData()

    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
