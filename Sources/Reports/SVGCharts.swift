import Formatting
import Foundation
import NeedsAnalysis

/// Charts as inline SVG, with a title and description for screen readers and a colour-blind-safe palette
/// (a blue–orange diverging scale; no meaning carried by colour alone: every cell also shows its number).
public enum SVGCharts {
    /// Diverging colour for a need score: blue (better than the siblings) through near-white to orange (worse).
    static func colour(_ score: Double) -> String {
        let rgb = components(score)
        return String(format: "#%02x%02x%02x", rgb[0], rgb[1], rgb[2])
    }

    static func components(_ score: Double) -> [Int] {
        let t = max(-2.5, min(2.5, score)) / 2.5
        let (from, to): ((Double, Double, Double), (Double, Double, Double)) =
            t < 0
            ? ((247, 247, 247), (33, 102, 172)) : ((247, 247, 247), (179, 88, 6))
        let k = abs(t)
        return (0..<3).map { i -> Int in
            let a = [from.0, from.1, from.2][i]
            let b = [to.0, to.1, to.2][i]
            return Int((a + (b - a) * k).rounded())
        }
    }

    /// The text colour with the better WCAG contrast on a score's fill: white or near-black.
    static func ink(_ score: Double) -> String {
        let weights: [Double] = [0.2126, 0.7152, 0.0722]
        var luminance = 0.0
        for (channel, weight) in zip(components(score), weights) {
            let c = Double(channel) / 255
            let linear: Double = c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            luminance += weight * linear
        }
        let onWhite = 1.05 / (luminance + 0.05)
        let onDark = (luminance + 0.05) / 0.0609  // #1b1b1b
        return onWhite > onDark ? "#fff" : "#1b1b1b"
    }

    /// The domains scored anywhere, in name order; domains whose scores are the same in every ward (they rest on
    /// the same indicators) are one column, named "A = B", so no column repeats another.
    static func columns(_ profiles: [NeedProfile]) -> [(id: String, name: String)] {
        var order: [(id: String, name: String)] = []
        var seen: Set<String> = []
        var byScores: [String: Int] = [:]
        for domain in profiles.flatMap({ $0.domains.filter { $0.score != nil }.map(\.domain) }).sorted(by: {
            $0.name < $1.name
        })
        where seen.insert(domain.id).inserted {
            let scores = profiles.map { p in
                p.domains.first { $0.domain.id == domain.id }?.score.map { String(format: "%.6f", $0) } ?? "-"
            }
            .joined(separator: ",")
            if let same = byScores[scores] {
                order[same].name += " = " + domain.name
            } else {
                byScores[scores] = order.count
                order.append((domain.id, domain.name))
            }
        }
        return order
    }

    /// Wards (rows) by need domains (columns), each cell the domain score; `–` where a ward has no data.
    public static func heatMap(_ profiles: [NeedProfile], title: String) -> String {
        let domains = columns(profiles)
        let label = 190.0
        let cell = 64.0
        let row = 22.0
        let top = 118.0
        let width = label + cell * Double(domains.count) + 160
        let height = top + row * Double(profiles.count) + 40
        var svg =
            "<svg role=\"img\" aria-labelledby=\"hm-title hm-desc\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "width=\"100%\" "
            + "xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"hm-title\">\(HTML.escape(title))</title>\n"
            + "<desc id=\"hm-desc\">Need score of each ward on each need domain: positive is worse than the borough's "
            + "wards on "
            + "average, negative better; 1 or more is high need. A dash means the ward has no data for the "
            + "domain.</desc>\n"
        for (j, d) in domains.enumerated() {
            let x = label + cell * Double(j) + cell / 2
            svg +=
                "<text transform=\"translate(\(svgNumber(x)),\(svgNumber(top - 8))) rotate(-45)\" font-size=\"11\" "
                + "fill=\"#333\">\(HTML.escape(short(d.name)))</text>\n"
        }
        for (i, p) in profiles.enumerated() {
            let y = top + row * Double(i)
            svg +=
                "<text x=\"\(svgNumber(label - 6))\" y=\"\(svgNumber(y + 15))\" font-size=\"12\" "
                + "text-anchor=\"end\">\(HTML.escape(p.area.name))</text>\n"
            for (j, d) in domains.enumerated() {
                let x = label + cell * Double(j)
                let score = p.domains.first { $0.domain.id == d.id }?.score
                let fill = score.map(colour) ?? "#ffffff"
                let text = score.written(.shortScore, missing: "–")
                let ink = score.map(Self.ink) ?? "#1b1b1b"
                svg +=
                    "<g><title>\(HTML.escape(p.area.name)): \(HTML.escape(d.name)) "
                    + "\(score.written(.score, missing: "no data"))</title>"
                    + "<rect x=\"\(svgNumber(x + 1))\" y=\"\(svgNumber(y + 1))\" width=\"\(svgNumber(cell - 2))\" "
                    + "height=\"\(svgNumber(row - 2))\" fill=\"\(fill)\" "
                    + "stroke=\"#d0d0d0\"/><text x=\"\(svgNumber(x + cell / 2))\" y=\"\(svgNumber(y + 15))\" "
                    + "font-size=\"11\" "
                    + "text-anchor=\"middle\" "
                    + "fill=\"\(ink)\">\(text)</text></g>\n"
            }
        }
        // Legend
        let ly = top + row * Double(profiles.count) + 14
        for (k, s) in [-2.0, -1, 0, 1, 2].enumerated() {
            let x = label + Double(k) * 70
            svg +=
                "<rect x=\"\(svgNumber(x))\" y=\"\(svgNumber(ly))\" width=\"18\" height=\"12\" fill=\"\(colour(s))\" "
                + "stroke=\"#d0d0d0\"/>"
                + "<text x=\"\(svgNumber(x + 22))\" y=\"\(svgNumber(ly + 10))\" "
                + "font-size=\"11\">\(s > 0 ? "+" : "")\(Int(s))"
                + "\(s == 2 ? " worse" : s == -2 ? " better" : "")</text>\n"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars (SLEVA by theme), each labelled by `valueLabel` (by default in £).
    public static func bars(
        _ items: [(String, Double)], title: String,
        label valueLabel: ((Double) -> String)? = nil
    ) -> String {
        let label = 140.0
        let plot = 460.0
        let row = 30.0
        let maximum = max(items.map(\.1).max() ?? 1, 1)
        var svg =
            "<svg role=\"img\" aria-labelledby=\"bar-title\" viewBox=\"0 0 \(Int(label + plot + 120)) "
            + "\(Int(row * Double(items.count) + 10))\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">\n<title "
            + "id=\"bar-title\">\(HTML.escape(title))</title>\n"
        for (i, item) in items.enumerated() {
            let y = Double(i) * row + 4
            let w = plot * item.1 / maximum
            svg +=
                "<text x=\"\(svgNumber(label - 8))\" y=\"\(svgNumber(y + 16))\" font-size=\"12\" "
                + "text-anchor=\"end\">\(HTML.escape(item.0))</text>"
                + "<rect x=\"\(svgNumber(label))\" y=\"\(svgNumber(y))\" width=\"\(svgNumber(max(w, 1)))\" "
                + "height=\"22\" "
                + "fill=\"#0b5394\"/>"
                + "<text x=\"\(svgNumber(label + w + 6))\" y=\"\(svgNumber(y + 16))\" "
                + "font-size=\"12\">"
                + HTML.escape(valueLabel?(item.1) ?? item.1.written(.money)) + "</text>\n"
        }
        return svg + "</svg>"
    }

    /// A column label: each domain's name up to its first comma (`Environment, air quality and climate` →
    /// `Environment`), merged columns joined by " = ", cut at 30 characters.
    static func short(_ name: String) -> String {
        let cut = name.components(separatedBy: " = ").map { $0.split(separator: ",").first.map(String.init) ?? $0 }
            .joined(separator: " = ")
        return cut.count > 30 ? String(cut.prefix(29)) + "…" : cut
    }

}

/// A coordinate or length in an SVG, to one decimal place: the one number writer of every chart and map.
func svgNumber(_ value: Double) -> String { String(format: "%.1f", value) }
