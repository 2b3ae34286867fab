/// Small helpers for writing self-contained, accessible HTML, shared by the reports and the workspace's pages.
public enum HTML {
    /// The text with `&`, `<`, `>` and `"` escaped, safe in element content and in quoted attributes.
    /// - Complexity: O(n) in the text's length.
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A table with a caption, column headers and (optionally) a row header in the first column; `numeric` columns
    /// are set right and never wrap, and `cellClass` names a class for a cell from its column and text (a status
    /// coloured by the stylesheet, say).
    public static func table(
        caption: String, header: [String], rows: [[String]], numeric: Set<Int> = [], rowHeaders: Bool = true,
        cellClass: (_ column: Int, _ text: String) -> String? = { _, _ in nil }
    ) -> String {
        var html = "<table>\n<caption>\(escape(caption))</caption>\n<thead><tr>"
        for (i, h) in header.enumerated() {
            html += "<th scope=\"col\"\(numeric.contains(i) ? " class=\"num\"" : "")>\(escape(h))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (i, cell) in row.enumerated() {
                let content = escape(cell)
                let names = [numeric.contains(i) ? "num" : nil, cellClass(i, cell)].compactMap { $0 }
                let cls = names.isEmpty ? "" : " class=\"\(escape(names.joined(separator: " ")))\""
                html += i == 0 && rowHeaders ? "<th scope=\"row\"\(cls)>\(content)</th>" : "<td\(cls)>\(content)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A whole report page: inline CSS only, no scripts, no external fonts or images; `provenance` is repeated at
    /// the foot.
    public static func page(title: String, body: String, provenance: String? = nil) -> String {
        document(
            title: escape(title), style: Stylesheet.reports + "\n" + runningHeader(title), main: "<main>", body: body,
            after: "<footer>\(provenance.map { "<p>\(escape($0))</p>" } ?? "")<p>Made with SocialValueToolkit (svtk). "
                + "Figures: OHID Fingertips, ONS Census 2021, MHCLG English Indices of Deprivation 2019, ONS geography "
                + "lookups (Open Government Licence v3.0). Open proxy values from the sources listed in "
                + "Datasets/catalogues/README.md.</p></footer>")
    }

    /// The one page shell of reports and the workspace: the document's head with its title (already escaped) and
    /// inline style sheet, then what comes `before` the main content (a skip link, a site header), the `main`
    /// element's opening tag, the body, and what comes `after` it (a footer, a script).
    public static func document(
        title: String, style: String, before: String = "", main: String, body: String, after: String
    ) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(before)\(main)
        \(body)
        </main>
        \(after)
        </body>
        </html>

        """
    }

    /// The printed page's running header (the page's title) and footer (page n of m), as CSS margin boxes.
    static func runningHeader(_ title: String) -> String {
        let quoted = title.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"", "\\": return "\\" + String(scalar)
            case "<", ">", "&": return "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20: return " "
            default: return String(scalar)
            }
        }.joined()
        return "@page { @top-left { content: \"\(quoted)\"; font-size: 8pt; color: #555; } "
            + "@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); font-size: 8pt; color: #555; "
            + "} }"
    }
}
