import CSV
import Core
import Foundation
import Hummingbird
import Reports
import Toolkit

/// The workspace's page around each view: the reports' style sheet with the workspace's own additions, a
/// header with the borough and the navigation, and the content. Every text is escaped by the views that make it.
enum Page {
    /// A page as a response.
    static func html(
        title: String, body: String, borough: String, status: HTTPResponse.Status = .ok, script: Bool = false
    ) -> Response {
        let page = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) · svtk workspace</title>
            <style>
            \(HTML.css)
            \(css)
            </style>
            </head>
            <body>
            <a class="skip" href="#content">Skip to the content</a>
            <header class="site"><b>svtk workspace</b> · \(HTML.escape(borough))
            <nav aria-label="Workspace"><a href="/">Borough</a> <a href="/contracts">Contracts</a> <a \
            href="/contracts/new">New contract</a> <a href="/compare">Compare</a> <a href="/sources">Sources</a></nav>
            </header>
            <main id="content">
            \(body)
            </main>
            \(script ? "<script>\(Scripts.wardPicker)</script>" : "")
            </body>
            </html>

            """
        return response(page, type: "text/html; charset=utf-8", status: status)
    }

    /// A page saying what went wrong, with the status.
    static func error(status: HTTPResponse.Status, message: String, context: WebContext) -> Response {
        html(
            title: status.reasonPhrase,
            body:
                "<h1>\(HTML.escape(status.reasonPhrase))</h1>\n<p class=\"warn\" "
                + "role=\"alert\">\(HTML.escape(message))</p>\n"
                + "<p><a href=\"/\">Back to the borough</a> · <a href=\"/contracts\">Contracts</a></p>", borough: "",
            status: status)
    }

    /// Bytes as a response of a type; `download` names the file the browser saves.
    static func response(_ text: String, type: String, status: HTTPResponse.Status = .ok, download: String? = nil)
        -> Response
    {
        response(Array(text.utf8), type: type, status: status, download: download)
    }

    static func response(_ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok, download: String? = nil)
        -> Response
    {
        var headers: HTTPFields = [.contentType: type]
        if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A redirect after a successful POST, so that reloading the page does not send the form again.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The hidden field every form carries.
    static func csrf(_ context: WebContext) -> String { csrf(token: context.csrfToken) }

    /// The hidden field with a token (the visitor's, or a kept page's placeholder).
    static func csrf(token: String) -> String {
        "<input type=\"hidden\" name=\"\(FormMiddleware.field)\" value=\"\(HTML.escape(token))\">"
    }

    static let css = """
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: \
        6px; z-index: 9; }
        header.site { background: var(--accent); color: #fff; padding: 10px 28px; display: flex; gap: 24px; \
        flex-wrap: wrap; align-items: baseline; }
        header.site nav a { color: #fff; margin-right: 16px; }
        a:focus, button:focus, input:focus, select:focus, textarea:focus, svg a:focus path { outline: 3px solid \
        #ffbf47; outline-offset: 1px; }
        form.stack label { display: block; font-weight: 600; margin-top: 14px; }
        form.stack .hint { display: block; font-weight: 400; color: var(--muted); font-size: 0.85rem; }
        input[type=text], input[type=number], textarea, select { font: inherit; padding: 5px 7px; border: 2px solid \
        #555; border-radius: 3px; width: 100%; max-width: 640px; }
        input[type=number] { max-width: 220px; }
        textarea { min-height: 90px; }
        .field-error { color: #b10e1e; font-weight: 600; margin: 4px 0; }
        .has-error input, .has-error textarea, .has-error select { border-color: #b10e1e; }
        button, .button { font: inherit; background: var(--accent); color: #fff; border: 0; border-radius: 3px; \
        padding: 7px 14px; cursor: pointer; text-decoration: none; display: inline-block; }
        button.secondary, .button.secondary { background: #eef2f7; color: var(--accent); border: 1px solid \
        var(--accent); }
        fieldset { border: 1px solid var(--rule); border-radius: 4px; margin: 14px 0; max-width: 760px; }
        .wards { columns: 3; } .wards label { font-weight: 400; margin: 2px 0; }
        .measure-block .measure { margin-bottom: 0; border-radius: 6px 6px 0 0; }
        .decision { background: #f7f9fc; border: 1px solid var(--rule); border-top: 0; border-radius: 0 0 6px 6px; \
        margin: 0 0 16px; padding: 4px 14px 10px; }
        .decision fieldset { border: 0; padding: 0; margin: 4px 0; }
        .decision legend { font-weight: 600; padding: 0; }
        .decision label { display: inline-block; margin: 4px 16px 4px 0; }
        .decision textarea { min-height: 48px; }
        .decided { font-weight: 600; }
        .flash { border-left: 4px solid #00703c; background: #eef7f1; padding: 6px 10px; }
        .compare { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        .rag-green { color: #00703c; font-weight: 700; } .rag-amber { color: #b35806; font-weight: 700; } .rag-red { \
        color: #b10e1e; font-weight: 700; }
        """
}

/// The one inline script: on the contract form, clicking a ward on the map ticks or unticks its box in the list
/// (the list works alone; without scripts the map's wards link to their profiles). The map's wards leave the
/// keyboard's tab order, so the form's fields and boxes follow one another: the boxes are the keyboard's way.
enum Scripts {
    static let wardPicker = """
        document.querySelectorAll('#pick-map a[data-ward]').forEach(function (a) { a.setAttribute('tabindex', '-1'); \
        a.addEventListener('click', function (e) { \
        var box = document.getElementById('ward-' + a.getAttribute('data-ward')); if (!box) { return; } \
        e.preventDefault(); \
        box.checked = !box.checked; box.dispatchEvent(new Event('change')); }); });
        """

    /// The script's SHA-256 in the form a Content Security Policy names it.
    static let wardPickerHash: String = {
        var hash = SHA256()
        Array(wardPicker.utf8).withUnsafeBytes { hash.update($0) }
        return "sha256-" + Data(hash.digest()).base64EncodedString()
    }()
}
