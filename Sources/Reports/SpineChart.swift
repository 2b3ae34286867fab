import Evidence
import Formatting
import NeedsAnalysis

/// One area's indicators as a spine chart, as Fingertips draws them: every row centred on England (or, where
/// England has no figure, on the middle of the sibling areas' range, and said so), oriented so that worse is
/// always to the left (by each indicator's polarity), with the sibling areas' range as a grey band, the parent
/// area as a diamond and the area's value as a dot coloured by its significance against England. One labelled
/// axis serves every row: position shows how far from England, towards worse or better, relative to the
/// spread of the row's figures. Counts are left out: a count cannot be compared with England's.
///
/// - Complexity: O(n) in the indicators shown.
public enum SpineChart {
    static let label = 360.0, plot = 400.0, valueColumn = 440.0, row = 32.0, top = 54.0

    /// The significance colours, colour-blind safe, as the legend names them.
    static let colours: [(Significance, String, String)] = [
        (.better, "#2166ac", "better than England"), (.similar, "#f2c12e", "similar to England"),
        (.worse, "#c0392b", "worse than England"), (.notCompared, "#ffffff", "not compared"),
    ]

    /// The chart of up to `limit` indicators, in the order given; nil when none is charted.
    public static func svg(_ results: [IndicatorResult], area: String, limit: Int = 14) -> String? {
        let rows = Array(results.filter { $0.unit != "count" }.prefix(limit))
        guard !rows.isEmpty else { return nil }
        let width = label + plot + valueColumn
        let height = top + row * Double(rows.count) + 40
        var svg =
            "<svg class=\"spine\" role=\"img\" aria-labelledby=\"spine-title spine-desc\" viewBox=\"0 0 \(Int(width)) "
            + "\(Int(height))\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"spine-title\">\(HTML.escape(area)): "
            + "indicators against "
            + "England</title>\n<desc id=\"spine-desc\">\(HTML.escape(description(rows, area: area)))</desc>\n"
        svg += legend()
        let centre = label + plot / 2
        svg +=
            "<line x1=\"\(svgNumber(centre))\" x2=\"\(svgNumber(centre))\" y1=\"\(svgNumber(top - 6))\" "
            + "y2=\"\(svgNumber(top + row * Double(rows.count)))\" "
            + "stroke=\"#1b1b1b\" stroke-width=\"1.5\"/>\n"
        for (i, result) in rows.enumerated() { svg += line(result, y: top + row * Double(i) + row / 2, area: area) }
        let axis = top + row * Double(rows.count) + 18
        svg +=
            "<g font-size=\"12\" fill=\"#333\"><text x=\"\(svgNumber(label))\" y=\"\(svgNumber(axis))\">← worse</text>"
            + "<text x=\"\(svgNumber(centre))\" y=\"\(svgNumber(axis))\" "
            + "text-anchor=\"middle\">\(centreLabel(rows))</text>"
            + "<text x=\"\(svgNumber(label + plot))\" y=\"\(svgNumber(axis))\" "
            + "text-anchor=\"end\">better →</text></g>\n"
        return svg + "</svg>"
    }

    /// What the centre line is: England, the middle of the sibling areas' range where England has no figure, or both.
    static func centreLabel(_ rows: [IndicatorResult]) -> String {
        let withEngland = rows.filter { $0.england != nil }.count
        if withEngland == rows.count { return "England" }
        return withEngland == 0
            ? "middle of the sibling areas' range (no England figures)"
            : "England (or the sibling areas' middle where it has no figure)"
    }

    /// One indicator's row.
    static func line(_ r: IndicatorResult, y: Double, area: String) -> String {
        let scale = RowScale(r)
        let lines = labelLines(r)
        var svg =
            "<text x=\"\(svgNumber(label - 8))\" y=\"\(svgNumber(y + (lines.count == 1 ? 4 : -2)))\" "
            + "font-size=\"11.5\" "
            + "text-anchor=\"end\">"
            + "<title>\(HTML.escape(name(r)))</title>"
            + lines.enumerated().map {
                "<tspan x=\"\(svgNumber(label - 8))\" "
                    + "dy=\"\($0.offset == 0 ? 0 : 13)\">\(HTML.escape($0.element))</tspan>"
            }.joined()
            + "</text>\n"
            + "<line x1=\"\(svgNumber(label))\" x2=\"\(svgNumber(label + plot))\" y1=\"\(svgNumber(y))\" "
            + "y2=\"\(svgNumber(y))\" "
            + "stroke=\"#e3e3e3\"/>\n"
        if let lo = r.siblingMinimum, let hi = r.siblingMaximum {
            let (a, b) = (scale.x(lo), scale.x(hi))
            svg +=
                "<rect x=\"\(svgNumber(min(a, b)))\" y=\"\(svgNumber(y - 8))\" "
                + "width=\"\(svgNumber(max(abs(b - a), 1)))\" height=\"16\" "
                + "fill=\"#dedede\">"
                + "<title>\(HTML.escape(r.siblings ?? "sibling areas")): \(lo.written(.plain)) to "
                + "\(hi.written(.plain))</title></rect>\n"
        }
        if let lo = r.lower95, let hi = r.upper95 {
            svg +=
                "<line x1=\"\(svgNumber(scale.x(lo)))\" x2=\"\(svgNumber(scale.x(hi)))\" y1=\"\(svgNumber(y))\" "
                + "y2=\"\(svgNumber(y))\" "
                + "stroke=\"#333\" stroke-width=\"1.5\"/>\n"
        }
        if let parent = r.parent {
            svg +=
                "<path d=\"M\(svgNumber(scale.x(parent.value))) \(svgNumber(y - 6)) l6 6 l-6 6 l-6 -6 z\" "
                + "fill=\"#7f7f7f\">"
                + "<title>\(HTML.escape(parent.name)) \(parent.value.written(.plain))</title></path>\n"
        }
        let significance = r.england?.significance95 ?? .notCompared
        let colour = colours.first { $0.0 == significance }?.1 ?? "#ffffff"
        svg +=
            "<circle cx=\"\(svgNumber(scale.x(r.value)))\" cy=\"\(svgNumber(y))\" r=\"6.5\" fill=\"\(colour)\" "
            + "stroke=\"#1b1b1b\" "
            + "stroke-width=\"1\">"
            + "<title>\(HTML.escape(area)) \(r.value.written(.plain)): \(significance.rawValue)</title></circle>\n"
        let spark = sparkline(r, x: label + plot + 10, y: y)
        return svg + spark
            + "<text x=\"\(svgNumber(label + plot + (spark.isEmpty ? 10 : 78)))\" y=\"\(svgNumber(y + 4))\" "
            + "font-size=\"12\">"
            + "\(HTML.escape(valueText(r, scale: scale)))</text>\n"
    }

    /// Where a row's figures sit on the shared axis: centred on England (or the siblings' middle), worse to the
    /// left, scaled so the row's farthest figure reaches 90% of the half-width.
    struct RowScale {
        let centre: Double, halfRange: Double, direction: Double
        let centredOnEngland: Bool

        init(_ r: IndicatorResult) {
            centredOnEngland = r.england != nil
            let middle = r.siblingMinimum.flatMap { lo in r.siblingMaximum.map { (lo + $0) / 2 } } ?? r.value
            let centre = r.england?.value ?? middle
            let figures = [r.value, r.lower95, r.upper95, r.parent?.value, r.siblingMinimum, r.siblingMaximum]
                .compactMap { $0 }
            self.centre = centre
            halfRange = max(figures.map { abs($0 - centre) }.max() ?? 0, abs(centre) * 1e-6, 1e-9) / 0.9
            // Higher is better → higher to the right; lower is better → higher to the left; no polarity: higher right.
            direction = r.polarity == .lowerIsBetter ? -1 : 1
        }

        func x(_ value: Double) -> Double {
            SpineChart.label + SpineChart.plot / 2 * (1 + direction * (value - centre) / halfRange)
        }
    }

    /// A 60 × 16 line of the figure over its periods, where it has two or more; the last point dotted.
    static func sparkline(_ r: IndicatorResult, x: Double, y: Double) -> String {
        guard r.trendValues.count >= 2, let low = r.trendValues.min(), let high = r.trendValues.max() else { return "" }
        let span = max(high - low, 1e-9)
        let step = 60 / Double(r.trendValues.count - 1)
        let points = r.trendValues.enumerated().map { i, v in (x + step * Double(i), y + 8 - 16 * (v - low) / span) }
        let line = points.map { "\(svgNumber($0.0)),\(svgNumber($0.1))" }.joined(separator: " ")
        return
            "<g><title>\(HTML.escape(r.trend ?? "trend")): \(r.trendPeriods.first ?? "") to "
            + "\(r.trendPeriods.last ?? "")</title>"
            + "<polyline points=\"\(line)\" fill=\"none\" "
            + "stroke=\"#555\" stroke-width=\"1.2\"/><circle cx=\"\(svgNumber(points.last!.0))\" "
            + "cy=\"\(svgNumber(points.last!.1))\" r=\"2\" "
            + "fill=\"#555\"/></g>\n"
    }

    /// The row's value with unit and period, and England's (or that England has no figure).
    static func valueText(_ r: IndicatorResult, scale: RowScale) -> String {
        let unit = r.unit == "%" ? "%" : ""
        let england = r.england.map { "England \(round2($0.value).written(.plain))\(unit)" } ?? "no England figure"
        let orientation = r.polarity == .neither || r.polarity == .unknown ? "; no polarity: higher is right" : ""
        let trend = r.trend.map { "; \($0) since \(r.trendPeriods.first ?? "")" } ?? ""
        return "\(round2(r.value).written(.plain))\(unit) (\(r.period)); \(england)\(trend)\(orientation)"
    }

    /// The indicator with its breakdown (sex, age) where it has one.
    static func name(_ r: IndicatorResult) -> String { r.breakdown.isEmpty ? r.name : "\(r.name) (\(r.breakdown))" }

    /// The name with its breakdown on at most two lines that fit the label column, cut at words; the rest elided.
    static func labelLines(_ r: IndicatorResult, width: Int = 58) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in name(r).split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > 2 else { return lines }
        let second = lines[1].count > width - 1 ? String(lines[1].prefix(width - 1)) : lines[1]
        return [lines[0], second + "…"]
    }

    /// The key: the four significance colours on one line, the other marks on the next.
    static func legend() -> String {
        let offsets = [0.0, 150, 300, 450]
        var svg = "<g font-size=\"12\" fill=\"#333\">"
        for ((_, colour, text), offset) in zip(colours, offsets) {
            let x = label - 200 + offset
            svg +=
                "<circle cx=\"\(svgNumber(x + 6))\" cy=\"14\" r=\"6\" fill=\"\(colour)\" stroke=\"#1b1b1b\"/><text "
                + "x=\"\(svgNumber(x + 16))\" y=\"18\">\(text)</text>"
        }
        let x = label - 200
        return svg
            + "<path d=\"M\(svgNumber(x + 6)) 28 l6 6 l-6 6 l-6 -6 z\" fill=\"#7f7f7f\"/>"
            + "<text x=\"\(svgNumber(x + 16))\" "
            + "y=\"38\">parent area</text>"
            + "<rect x=\"\(svgNumber(x + 150))\" y=\"28\" width=\"22\" height=\"12\" fill=\"#dedede\"/><text "
            + "x=\"\(svgNumber(x + 178))\" y=\"38\">range of sibling areas</text>"
            + "<line x1=\"\(svgNumber(x + 330))\" x2=\"\(svgNumber(x + 360))\" y1=\"34\" y2=\"34\" stroke=\"#333\" "
            + "stroke-width=\"1.5\"/>"
            + "<text x=\"\(svgNumber(x + 366))\" y=\"38\">95% confidence interval</text></g>\n"
    }

    /// What a screen reader is told: how to read the chart, and each row in words.
    static func description(_ rows: [IndicatorResult], area: String) -> String {
        "Each row is centred on England; worse than England is to the left, better to the right. "
            + rows.map { r in
                "\(name(r)): \(round2(r.value).written(.plain))\(r.unit == "%" ? "%" : "") in \(r.period), "
                    + (r.england.map { "\($0.significance95.rawValue) (England \(round2($0.value).written(.plain)))" }
                        ?? "no England figure")
            }.joined(separator: "; ") + "."
    }

    static func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}
