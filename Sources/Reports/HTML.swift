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

    /// A table with a caption, column headers and (optionally) a row header in the first column.
    public static func table(
        caption: String, header: [String], rows: [[String]], numeric: Set<Int> = [], rowHeaders: Bool = true,
        escapeCells: Bool = true
    ) -> String {
        var html = "<table>\n<caption>\(escape(caption))</caption>\n<thead><tr>"
        for (i, h) in header.enumerated() {
            html += "<th scope=\"col\"\(numeric.contains(i) ? " class=\"num\"" : "")>\(escape(h))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (i, cell) in row.enumerated() {
                let content = escapeCells ? escape(cell) : cell
                let cls = numeric.contains(i) ? " class=\"num\"" : ""
                html += i == 0 && rowHeaders ? "<th scope=\"row\"\(cls)>\(content)</th>" : "<td\(cls)>\(content)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A whole page: inline CSS only, no scripts, no external fonts or images; `provenance` is repeated at the foot.
    public static func page(title: String, body: String, provenance: String? = nil) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(css)
        \(runningHeader(title))
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        <footer>\(provenance.map { "<p>\(escape($0))</p>" } ?? "")<p>Made with SocialValueToolkit (svtk). Figures: \
        OHID Fingertips, ONS Census 2021, MHCLG English Indices of Deprivation 2019, ONS geography lookups (Open \
        Government Licence v3.0). Open proxy values from the sources listed in \
        Datasets/catalogues/README.md.</p></footer>
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

    /// The reports' style sheet: typography, tables, facts, measures, maps and print rules.
    public static let css = """
        :root { --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --accent: #0b5394; --worse: #b35806; --better: \
        #2166ac; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", \
        sans-serif;
               color: var(--ink); line-height: 1.45; background: #fff; }
        main { max-width: 1080px; margin: 0 auto; padding: 24px 28px 8px; }
        h1 { font-size: 1.7rem; margin: 0 0 4px; color: var(--accent); }
        h2 { font-size: 1.25rem; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
        h3 { font-size: 1.05rem; margin: 20px 0 6px; }
        p.lead { color: var(--muted); margin-top: 0; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.9rem; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--muted); }
        th, td { border-bottom: 1px solid var(--rule); padding: 5px 8px; text-align: left; vertical-align: top; }
        td, th[scope=row] { overflow-wrap: anywhere; }
        thead th { border-bottom: 2px solid var(--ink); background: #f4f6f9; }
        th[scope=row] { font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 8px 16px; margin: \
        12px 0; }
        .fact { border-left: 4px solid var(--accent); padding: 4px 10px; background: #f7f9fc; }
        .fact b { display: block; font-size: 1.15rem; }
        .fact span { color: var(--muted); font-size: 0.85rem; }
        .measure { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; margin: 12px 0; \
        break-inside: avoid; }
        .measure h3 { margin-top: 0; }
        .tag { display: inline-block; font-size: 0.75rem; padding: 1px 7px; border-radius: 10px; background: #e8eef7; \
        color: var(--accent); margin-left: 6px; }
        .tag.strong { background: var(--accent); color: #fff; }
        .working { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 0.82rem; color: #333; }
        ul.evidence { margin: 4px 0; padding-left: 20px; }
        .warn { border-left: 4px solid var(--worse); background: #fdf3ea; padding: 6px 10px; }
        figure { margin: 12px 0 20px; }
        figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 4px; }
        svg text { font-family: inherit; }
        footer { max-width: 1080px; margin: 24px auto; padding: 8px 28px; color: var(--muted); font-size: 0.8rem; \
        border-top: 1px solid var(--rule); }
        p.provenance { color: var(--muted); font-size: 0.8rem; margin: 0 0 8px; }
        nav.contents ol { columns: 2; margin: 4px 0 8px; }
        nav.contents h2 { border: none; margin-top: 16px; }
        .answer { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; align-items: start; }
        .answer table { margin-top: 0; }
        .small-map svg { max-width: 380px !important; }
        .maps { display: grid; grid-template-columns: repeat(auto-fit, minmax(400px, 1fr)); gap: 8px 24px; }
        svg.map path:hover { opacity: 0.8; }
        @media (max-width: 800px) { .answer { grid-template-columns: 1fr; } }
        @page { size: A4; margin: 15mm 14mm 16mm; }
        @media print { main { padding: 0; max-width: none; } body { font-size: 10pt; }
                       h2, h3 { break-after: avoid; } .measure, figure, table, tr, .fact { break-inside: avoid; }
                       section { break-before: auto; }
                       #measures, #needs, #rules, #excluded, #method { break-before: page; }
                       nav.contents { display: none; } a { color: inherit; text-decoration: none; }
                       .answer { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
                       footer { position: running(footer); } }
        """
}
