import Foundation
import NeedsAnalysis

/// Charts as inline SVG, with a title and description for screen readers and a colour-blind-safe palette
/// (a blue–orange diverging scale; no meaning carried by colour alone: every cell also shows its number).
public enum SVGCharts {
    /// Diverging colour for a need score: blue (better than the siblings) through near-white to orange (worse).
    static func colour(_ score: Double) -> String {
        let t = max(-2.5, min(2.5, score)) / 2.5
        let (from, to): ((Double, Double, Double), (Double, Double, Double)) = t < 0
            ? ((247, 247, 247), (33, 102, 172)) : ((247, 247, 247), (179, 88, 6))
        let k = abs(t)
        let rgb = (0..<3).map { i -> Int in
            let a = [from.0, from.1, from.2][i], b = [to.0, to.1, to.2][i]
            return Int((a + (b - a) * k).rounded())
        }
        return String(format: "#%02x%02x%02x", rgb[0], rgb[1], rgb[2])
    }

    /// Wards (rows) by need domains (columns), each cell the domain score; `–` where a ward has no data.
    public static func heatMap(_ profiles: [NeedProfile], title: String) -> String {
        let domains = profiles.flatMap { $0.domains.filter { $0.score != nil }.map(\.domain) }
            .reduce(into: [NeedsAnalysisDomain]()) { list, d in if !list.contains(where: { $0.id == d.id }) { list.append(.init(id: d.id, name: d.name)) } }
            .sorted { $0.name < $1.name }
        let label = 190.0, cell = 64.0, row = 22.0, top = 118.0
        let width = label + cell * Double(domains.count) + 70, height = top + row * Double(profiles.count) + 40
        var svg = "<svg role=\"img\" aria-labelledby=\"hm-title hm-desc\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" "
            + "xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"hm-title\">\(HTML.escape(title))</title>\n"
            + "<desc id=\"hm-desc\">Need score of each ward on each need domain: positive is worse than the borough's wards on "
            + "average, negative better; 1 or more is high need. A dash means the ward has no data for the domain.</desc>\n"
        for (j, d) in domains.enumerated() {
            let x = label + cell * Double(j) + cell / 2
            svg += "<text transform=\"translate(\(fmt(x)),\(fmt(top - 8))) rotate(-45)\" font-size=\"11\" fill=\"#333\">\(HTML.escape(short(d.name)))</text>\n"
        }
        for (i, p) in profiles.enumerated() {
            let y = top + row * Double(i)
            svg += "<text x=\"\(fmt(label - 6))\" y=\"\(fmt(y + 15))\" font-size=\"12\" text-anchor=\"end\">\(HTML.escape(p.area.name))</text>\n"
            for (j, d) in domains.enumerated() {
                let x = label + cell * Double(j)
                let score = p.domains.first { $0.domain.id == d.id }?.score
                let fill = score.map(colour) ?? "#ffffff"
                let text = score.map { abs($0) < 0.05 ? "0.0" : String(format: "%.1f", $0) } ?? "–"
                let ink = (score.map { abs($0) > 1.6 } ?? false) ? "#fff" : "#1b1b1b"
                svg += "<g><title>\(HTML.escape(p.area.name)): \(HTML.escape(d.name)) \(score.map { String(format: "%.2f", $0) } ?? "no data")</title>"
                    + "<rect x=\"\(fmt(x + 1))\" y=\"\(fmt(y + 1))\" width=\"\(fmt(cell - 2))\" height=\"\(fmt(row - 2))\" fill=\"\(fill)\" "
                    + "stroke=\"#d0d0d0\"/><text x=\"\(fmt(x + cell / 2))\" y=\"\(fmt(y + 15))\" font-size=\"11\" text-anchor=\"middle\" "
                    + "fill=\"\(ink)\">\(text)</text></g>\n"
            }
        }
        // Legend
        let ly = top + row * Double(profiles.count) + 14
        for (k, s) in [-2.0, -1, 0, 1, 2].enumerated() {
            let x = label + Double(k) * 70
            svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(ly))\" width=\"18\" height=\"12\" fill=\"\(colour(s))\" stroke=\"#d0d0d0\"/>"
                + "<text x=\"\(fmt(x + 22))\" y=\"\(fmt(ly + 10))\" font-size=\"11\">\(s > 0 ? "+" : "")\(Int(s))\(s == 2 ? " worse" : s == -2 ? " better" : "")</text>\n"
        }
        return svg + "</svg>"
    }

    /// One area's indicators, each on its own scale from zero: the range of its sibling areas (grey band), the
    /// value with its 95% confidence interval, the parent area (diamond) and England (bar).
    public static func indicators(_ results: [IndicatorResult], area: String) -> String {
        let rows = results.prefix(14)
        let label = 330.0, plot = 420.0, row = 34.0, top = 36.0
        let height = top + row * Double(rows.count) + 20
        var svg = "<svg role=\"img\" aria-labelledby=\"ind-title ind-desc\" viewBox=\"0 0 \(Int(label + plot + 90)) \(Int(height))\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"ind-title\">\(HTML.escape(area)): indicators against "
            + "the parent area and England</title>\n<desc id=\"ind-desc\">For each indicator, a dot marks \(HTML.escape(area))'s value, "
            + "a line its 95% confidence interval where given, a grey band the range of its sibling areas, a diamond the parent area and a "
            + "vertical bar England. Each row has its own scale from zero.</desc>\n"
        svg += "<g font-size=\"11\" fill=\"#333\"><circle cx=\"\(fmt(label))\" cy=\"14\" r=\"5\" fill=\"#0b5394\"/><text x=\"\(fmt(label + 9))\" y=\"18\">\(HTML.escape(area))</text>"
            + "<path d=\"M\(fmt(label + 150)) 9 l5 5 l-5 5 l-5 -5 z\" fill=\"#b35806\"/><text x=\"\(fmt(label + 160))\" y=\"18\">parent area</text>"
            + "<rect x=\"\(fmt(label + 250))\" y=\"7\" width=\"3\" height=\"14\" fill=\"#1b1b1b\"/><text x=\"\(fmt(label + 258))\" y=\"18\">England</text>"
            + "<rect x=\"\(fmt(label + 330))\" y=\"7\" width=\"22\" height=\"14\" fill=\"#e6e6e6\"/><text x=\"\(fmt(label + 357))\" y=\"18\">range of siblings</text></g>\n"
        for (i, r) in rows.enumerated() {
            let y = top + row * Double(i) + row / 2
            let values = [r.value, r.upper95, r.parent?.value, r.england?.value, r.siblingMaximum].compactMap { $0 }
            let maximum = max(values.max() ?? 1, 1e-9) * 1.1
            func x(_ v: Double) -> Double { label + plot * max(0, v) / maximum }
            let name = r.name.count > 52 ? String(r.name.prefix(51)) + "…" : r.name
            svg += "<text x=\"\(fmt(label - 8))\" y=\"\(fmt(y + 4))\" font-size=\"11\" text-anchor=\"end\"><title>\(HTML.escape(r.name))</title>\(HTML.escape(name))</text>\n"
            svg += "<line x1=\"\(fmt(label))\" x2=\"\(fmt(label + plot))\" y1=\"\(fmt(y))\" y2=\"\(fmt(y))\" stroke=\"#e3e3e3\"/>\n"
            if let lo = r.siblingMinimum, let hi = r.siblingMaximum, let siblings = r.siblings {
                svg += "<rect x=\"\(fmt(x(lo)))\" y=\"\(fmt(y - 7))\" width=\"\(fmt(max(x(hi) - x(lo), 1)))\" height=\"14\" fill=\"#e6e6e6\">"
                    + "<title>\(HTML.escape(siblings)): \(formatNumber(lo)) to \(formatNumber(hi))</title></rect>\n"
            }
            if let lo = r.lower95, let hi = r.upper95 {
                svg += "<line x1=\"\(fmt(x(lo)))\" x2=\"\(fmt(x(hi)))\" y1=\"\(fmt(y))\" y2=\"\(fmt(y))\" stroke=\"#0b5394\" stroke-width=\"2\"/>"
                    + "<line x1=\"\(fmt(x(lo)))\" x2=\"\(fmt(x(lo)))\" y1=\"\(fmt(y - 5))\" y2=\"\(fmt(y + 5))\" stroke=\"#0b5394\"/>"
                    + "<line x1=\"\(fmt(x(hi)))\" x2=\"\(fmt(x(hi)))\" y1=\"\(fmt(y - 5))\" y2=\"\(fmt(y + 5))\" stroke=\"#0b5394\"/>\n"
            }
            if let e = r.england?.value {
                svg += "<rect x=\"\(fmt(x(e) - 1.5))\" y=\"\(fmt(y - 9))\" width=\"3\" height=\"18\" fill=\"#1b1b1b\"><title>England \(formatNumber(e))</title></rect>\n"
            }
            if let p = r.parent {
                svg += "<path d=\"M\(fmt(x(p.value))) \(fmt(y - 6)) l6 6 l-6 6 l-6 -6 z\" fill=\"#b35806\"><title>\(HTML.escape(p.name)) \(formatNumber(p.value))</title></path>\n"
            }
            svg += "<circle cx=\"\(fmt(x(r.value)))\" cy=\"\(fmt(y))\" r=\"5\" fill=\"#0b5394\"><title>\(HTML.escape(area)) \(formatNumber(r.value))</title></circle>\n"
            svg += "<text x=\"\(fmt(label + plot + 8))\" y=\"\(fmt(y + 4))\" font-size=\"11\">\(HTML.escape(display(r)))</text>\n"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars of SLEVA by theme.
    public static func bars(_ items: [(String, Double)], title: String) -> String {
        let label = 140.0, plot = 460.0, row = 30.0
        let maximum = max(items.map(\.1).max() ?? 1, 1)
        var svg = "<svg role=\"img\" aria-labelledby=\"bar-title\" viewBox=\"0 0 \(Int(label + plot + 120)) \(Int(row * Double(items.count) + 10))\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"bar-title\">\(HTML.escape(title))</title>\n"
        for (i, item) in items.enumerated() {
            let y = Double(i) * row + 4
            let w = plot * item.1 / maximum
            svg += "<text x=\"\(fmt(label - 8))\" y=\"\(fmt(y + 16))\" font-size=\"12\" text-anchor=\"end\">\(HTML.escape(item.0))</text>"
                + "<rect x=\"\(fmt(label))\" y=\"\(fmt(y))\" width=\"\(fmt(max(w, 1)))\" height=\"22\" fill=\"#0b5394\"/>"
                + "<text x=\"\(fmt(label + w + 6))\" y=\"\(fmt(y + 16))\" font-size=\"12\">£\(formatNumber(item.1.rounded()).grouped)</text>\n"
        }
        return svg + "</svg>"
    }

    static func display(_ r: IndicatorResult) -> String {
        let unit = r.unit == "%" ? "%" : ""
        return formatNumber((r.value * 100).rounded() / 100) + unit
    }

    static func short(_ name: String) -> String {
        let cut = name.split(separator: ",").first.map(String.init) ?? name
        return cut.count > 24 ? String(cut.prefix(23)) + "…" : cut
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
}

/// A need domain's id and name, for chart columns.
struct NeedsAnalysisDomain {
    var id: String
    var name: String
}
