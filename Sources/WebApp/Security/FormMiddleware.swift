import Core
import Foundation
import Hummingbird
import NIOCore

/// Gives every visitor a CSRF token and, for every POST, reads the body within the size limit, parses the form
/// (URL-encoded or multipart) and refuses it unless it carries the same token as the visitor's cookie.
///
/// The token is a random nonce with its code under the workspace's secret (``CSRFTokens``), so only this server
/// can make one; it lives in a `SameSite=Strict`, `HttpOnly`, host-only cookie and forms send it back in a hidden
/// `csrf` field. A page on another site can neither read the cookie nor, for a strict cookie, send it; a page on
/// another port of this machine that sets the cookie cannot make a token this server accepts.
struct FormMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static let cookie = "svtk_csrf"
    static let field = "csrf"

    let bodyLimit: Int
    let fieldLimit: Int
    let tokens: CSRFTokens

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        guard Self.cookieCount(request) <= 1 else {
            throw HTTPError(
                .forbidden,
                message: "Two security cookies came with this request (one may have been set by another page of this "
                    + "machine): clear this site's cookies in the browser, reload the page and send it again.")
        }
        let sent = request.cookies[Self.cookie]?.value
        let session = context.visitor.sessionKey
        let known = sent.flatMap { tokens.isValid($0, session: session) ? $0 : nil }
        context.csrfToken = known ?? tokens.mint(session: session)
        if request.method == .post {
            guard let known else {
                throw HTTPError(
                    .forbidden,
                    message: "This form has expired or came from another site (no security token). "
                        + "Go back, reload the page and send it again.")
            }
            context.form = try await form(of: request)
            guard context.form[Self.field] == known else {
                throw HTTPError(
                    .forbidden,
                    message: "This form's security token does not match (it came from another page "
                        + "or an old tab). Go back, reload the page and send it again.")
            }
        }
        var response = try await next(request, context)
        if known == nil {
            response.setCookie(
                Cookie(
                    name: Self.cookie, value: context.csrfToken, path: "/", secure: context.overHTTPS, httpOnly: true,
                    sameSite: .strict))
        }
        return response
    }

    /// The posted form, read within the limits.
    private func form(of request: Request) async throws -> FormData {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > bodyLimit { throw tooLarge }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: bodyLimit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        } catch is NIOTooManyBytesError {
            throw tooLarge  // a body sent in chunks, without a length, that runs past the limit
        } catch is BodyDeadline.TooSlow {
            throw HTTPError(
                .requestTimeout,
                message: "The form took too long to arrive (policy/workspace_limits.csv): send it again.")
        }
        let type = request.headers[.contentType] ?? ""
        let form: FormData
        do {
            if let boundary = Multipart.boundary(in: type) {
                form = try Multipart.parse(body, boundary: boundary, fieldLimit: fieldLimit)
            } else if type.lowercased().hasPrefix("application/x-www-form-urlencoded") || type.isEmpty {
                form = try FormData.urlEncoded(Array(buffer: body), fieldLimit: fieldLimit)
            } else {
                throw ToolkitError(
                    .badInput,
                    "send the form as a web form (application/x-www-form-urlencoded or multipart/form-data), not "
                        + "\(type)"
                )
            }
        } catch let error as ToolkitError where error.kind == .badInput {
            throw HTTPError(.badRequest, message: error.description)
        } catch is FormData.TooManyFields {
            throw HTTPError(
                .contentTooLarge,
                message: "The form has more than \(fieldLimit) fields, the most that are read "
                    + "(policy/workspace_limits.csv).")
        }
        return form
    }

    private var tooLarge: HTTPError {
        HTTPError(
            .contentTooLarge,
            message: "The upload is larger than \(bodyLimit / 1_048_576) MiB, the most the workspace "
                + "reads (policy/workspace_limits.csv).")
    }

    /// How many times a cookie (by default the security cookie) is sent, over every `Cookie` header.
    static func cookieCount(_ request: Request, named name: String = FormMiddleware.cookie) -> Int {
        request.headers[values: .cookie].flatMap { $0.split(separator: ";") }.filter {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix(name + "=")
        }.count
    }
}
