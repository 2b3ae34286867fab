import Formatting
import Recommender

/// Delivery against commitments as an SVG chart: a bar per measure of what is delivered as a share of the
/// commitment, coloured by its RAG status, with a mark where delivery is due by now and a hollow bar for the
/// forecast at the contract's end.
public enum DeliveryChart {
    static let colours: [DeliveryStatus: String] = [.green: "#00703c", .amber: "#b35806", .red: "#b10e1e"]

    /// - Complexity: O(n) in the monitoring's lines.
    public static func svg(_ monitoring: DeliveryMonitoring) -> String {
        let label = 210.0
        let plot = 400.0
        let row = 34.0
        let lines = monitoring.lines.filter { $0.committed > 0 }
        let top = max(1.5, lines.map { max($0.delivered, $0.forecast) / $0.committed }.max() ?? 1)
        let height = row * Double(lines.count) + 40
        var svg =
            "<svg role=\"img\" aria-labelledby=\"delivery-title delivery-desc\" viewBox=\"0 0 "
            + "\(Int(label + plot + 90)) \(Int(height))\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"delivery-title\">Delivery against "
            + "commitments, "
            + "quarter \(monitoring.quartersElapsed) of \(monitoring.quarters)</title>\n<desc id=\"delivery-desc\">"
            + HTML.escape(
                lines.map {
                    "\($0.measure): \(($0.delivered / $0.committed).written(.wholeShare)) delivered, \($0.status)"
                }.joined(
                    separator: "; "))
            + "</desc>\n"
        let x = { (share: Double) in label + plot * min(share, top) / top }
        svg +=
            "<line x1=\"\(svgNumber(x(1)))\" y1=\"0\" x2=\"\(svgNumber(x(1)))\" "
            + "y2=\"\(svgNumber(height - 28))\" stroke=\"#111\" "
            + "stroke-dasharray=\"4 3\"/>"
            + "<text x=\"\(svgNumber(x(1)))\" y=\"\(svgNumber(height - 14))\" font-size=\"11\" "
            + "text-anchor=\"middle\">commitment</text>\n"
        for (i, line) in lines.enumerated() {
            let y = Double(i) * row + 4
            let colour = colours[line.status] ?? "#777"
            svg +=
                "<text x=\"\(svgNumber(label - 8))\" y=\"\(svgNumber(y + 17))\" font-size=\"12\" "
                + "text-anchor=\"end\">\(HTML.escape(short(line)))</text>"
                + "<rect x=\"\(svgNumber(label))\" y=\"\(svgNumber(y))\" "
                + "width=\"\(svgNumber(max(x(line.forecast / line.committed) - label, 1)))\" height=\"24\" "
                + "fill=\"none\" stroke=\"\(colour)\" stroke-dasharray=\"3 2\"/>"
                + "<rect x=\"\(svgNumber(label))\" y=\"\(svgNumber(y + 4))\" "
                + "width=\"\(svgNumber(max(x(line.delivered / line.committed) - label, 1)))\" height=\"16\" "
                + "fill=\"\(colour)\"/>"
                + "<line x1=\"\(svgNumber(x(line.dueToDate / line.committed)))\" y1=\"\(svgNumber(y - 1))\" "
                + "x2=\"\(svgNumber(x(line.dueToDate / line.committed)))\" "
                + "y2=\"\(svgNumber(y + 25))\" stroke=\"#111\" stroke-width=\"2\"/>"
                + "<text x=\"\(svgNumber(label + plot + 6))\" y=\"\(svgNumber(y + 17))\" "
                + "font-size=\"12\">\((line.delivered / line.committed).written(.wholeShare)) "
                + "\(line.status.rawValue.uppercased())</text>\n"
        }
        return svg + "</svg>"
    }

    static func short(_ line: DeliveryMonitoring.Line) -> String {
        let text = "\(line.measure) \(line.title)"
        return text.count > 32 ? String(text.prefix(31)) + "…" : text
    }

}
