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
        title: String, body: String, borough: String, status: HTTPResponse.Status = .ok, script: Scripts? = nil
    ) -> Response {
        let page = HTML.document(
            title: "\(HTML.escape(title)) · svtk workspace", style: Stylesheet.reports + "\n" + Stylesheet.workspace,
            before: """
                <a class="skip" href="#content">Skip to the content</a>
                <header class="site"><b>svtk workspace</b>\(borough.isEmpty ? "" : " · " + HTML.escape(borough))
                \(Navigation.current)
                </header>

                """, main: "<main id=\"content\">", body: body,
            after: script.map { "<script>\($0.rawValue)</script>" } ?? "")
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
}

/// The workspace's inline scripts, each allowed by its hash in the Content Security Policy; every page works
/// without them.
enum Scripts: String, CaseIterable {
    /// On the contract form, clicking a ward on the map ticks or unticks its box in the list (the list works alone;
    /// without scripts the map's wards link to their profiles). The map's wards leave the keyboard's tab order, so
    /// the form's fields and boxes follow one another: the boxes are the keyboard's way.
    case wardPicker = """
        document.querySelectorAll('#pick-map a[data-ward]').forEach(function (a) { a.setAttribute('tabindex', '-1'); \
        a.addEventListener('click', function (e) { \
        var box = document.getElementById('ward-' + a.getAttribute('data-ward')); if (!box) { return; } \
        e.preventDefault(); \
        box.checked = !box.checked; box.dispatchEvent(new Event('change')); }); });
        """

    /// On a supplier's offer form, each commitment's money value, its flag and the total as the supplier types,
    /// from the numbers the server put on each box (``OfferGuide``): the quantity held at the plausible maximum ×
    /// the proxy value × the years, rounded to the pound. Without the script the server shows them after saving.
    case offerValues = """
        (function () { var boxes = document.querySelectorAll('input[data-measure]'); \
        function money(v) { return '£' + Math.round(v).toLocaleString('en-GB'); } \
        function update() { var total = 0; boxes.forEach(function (box) { var d = box.dataset, \
        row = box.closest('tr'), value = row.querySelector('.value'), flag = row.querySelector('.flag'), \
        text = box.value.trim().replace(/,/g, ''), q = Number(text); \
        if (text === '') { value.textContent = ''; flag.textContent = ''; return; } \
        if (!isFinite(q) || q < 0) { value.textContent = ''; flag.textContent = 'not a number'; return; } \
        if (d.notScored !== undefined) { value.textContent = ''; flag.textContent = d.notScored; return; } \
        var max = d.max === undefined ? null : Number(d.max), floor = d.floor === undefined ? null : Number(d.floor); \
        var scored = max !== null && q > max ? max : q, f = ''; \
        if (max !== null && q > max) { f = 'above the plausible maximum of ' + d.maxText + ': scored at that'; } \
        else if (floor !== null && q > 0 && q < floor) { f = 'a token line: under ' + d.floorText; } \
        if (d.proxy === undefined) { value.textContent = 'points (no open proxy value)'; } \
        else { var v = Math.round(scored * Number(d.proxy) * Number(d.years)); total += v; \
        value.textContent = money(v); } flag.textContent = f; }); \
        var t = document.getElementById('offer-total'); if (t) { t.textContent = money(total); } } \
        boxes.forEach(function (box) { box.addEventListener('input', update); }); })();
        """

    /// The script's SHA-256 in the form a Content Security Policy names it.
    var hash: String { "sha256-" + Data(SHA256.digest(of: Array(rawValue.utf8))).base64EncodedString() }
}
