import Core
import Hummingbird
import Logging
import Workspace

/// Turns every error into a page in plain words with the right status: a missing contract 404, a conflicting
/// save 409, bad input 400, a forbidden form 403, too large 413. Anything else is a 500 that says only that
/// something went wrong: the details go to the server's log, never to the browser.
struct ErrorPages: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            return Self.response(to: error, request: request, context: context)
        }
    }

    /// The page for an error: inner middleware that knows the visitor answers with it too, so that the page keeps
    /// the visitor's navigation.
    static func response(to error: any Error, request: Request, context: WebContext) -> Response {
        do {
            throw error
        } catch let redirect as Redirect {
            return Page.seeOther(redirect.location)
        } catch let error as HTTPError {
            let status = error.status
            let message =
                error.body ?? (status == .notFound ? "There is no page at \(request.uri.path)." : status.reasonPhrase)
            var response = Page.error(status: status, message: message, context: context)
            response.headers.append(contentsOf: error.headers)  // a 405's Allow
            return response
        } catch let error as ToolkitError where error.kind != .cannotWrite {
            // A workspace's missing contract reads "no contract 7 in this workspace".
            let message = error.kind == .notFound ? "There is \(error.description)." : error.description
            return Page.error(status: status(for: error.kind), message: message, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return Page.error(
                status: .internalServerError,
                message: "Something went wrong on the server; nothing was saved. The server's log has the details.",
                context: context)
        }
    }

    /// The status for a kind of problem with a request: 404 for something not there, 409 for a conflicting
    /// save, 400 for bad input, 500 for what the server could not write (logged, and shown only as that).
    private static func status(for kind: ToolkitError.Kind) -> HTTPResponse.Status {
        switch kind {
        case .notFound: .notFound
        case .conflict: .conflict
        case .badInput: .badRequest
        case .cannotWrite: .internalServerError
        }
    }
}
