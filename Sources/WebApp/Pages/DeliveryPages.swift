import Formatting
import Recommender
import Reports
import Workspace

/// Evaluating suppliers' offers and monitoring delivery: the upload forms, the scores with the method, and
/// RAG and forecast per measure with a chart.
enum DeliveryPages {
    /// The offers page: the upload form and, for the latest offers, every supplier ranked, then the chart and the
    /// commitments of one page of suppliers (`page`, from 1, of `pageSize` in rank order) with links to the others.
    static func evaluation(
        _ saved: SavedOffers?, contractId: Int64, title: String, error: String?, page: Int, pageSize: Int,
        context: WebContext
    ) -> String {
        var html =
            "<h1>Evaluate offers: \(HTML.escape(title))</h1>\n<p><a href=\"/contracts/\(contractId)\">Back to the "
            + "recommendation</a></p>\n"
        html +=
            "<p>Offers CSV: <code>supplier,measure,quantity,qualitative_mark</code>, one row per commitment "
            + "(as <code>svtk evaluate</code> reads).</p>\n"
        html += upload(
            action: "/contracts/\(contractId)/offers", fields: [("offers", "Offers (CSV)")], error: error,
            context: context)
        guard let saved else { return html + "<p>No offers uploaded yet.</p>\n" }
        let e = saved.evaluation
        let ranked = e.offers.sorted { $0.rank < $1.rank }
        html +=
            "<h2>Scores from \(HTML.escape(saved.fileName))</h2>\n<p class=\"provenance\">Uploaded "
            + "\(RecommendationView.date(saved.uploadedAt)).</p>\n"
        html += ranking(ranked, weighting: e.weighting)
        html += "<h2>Method</h2>\n<p>\(HTML.escape(e.method))</p>\n"
        let pages = max(1, (ranked.count + pageSize - 1) / pageSize)
        let shown = Array(ranked.dropFirst((min(max(page, 1), pages) - 1) * pageSize).prefix(pageSize))
        html += pageLinks(contractId: contractId, page: min(max(page, 1), pages), size: pageSize, of: ranked.count)
        html +=
            "<figure>"
            + SVGCharts.bars(
                shown.map { ($0.supplier, $0.socialValueScore) },
                title: "Social value score by supplier, out of 100", label: { $0.written(.score) })
            + "<figcaption>Social value score out of 100 by supplier.</figcaption></figure>\n"
        for o in shown { html += commitments(o) }
        return html
    }

    /// Every supplier's scores, in rank order.
    static func ranking(_ ranked: [BidEvaluation.Offer], weighting: Double) -> String {
        HTML.table(
            caption: "Offers ranked",
            header: [
                "Rank", "Supplier", "SLEVA £", "Quantitative", "Qualitative", "Social value score", "Contribution",
            ],
            rows: ranked.map { o in
                [
                    String(o.rank), o.supplier, o.sleva.written(.whole), o.quantitativeScore.written(.score),
                    o.qualitativeScore.written(.score), o.socialValueScore.written(.score),
                    o.weightedContribution.written(.score) + " of " + (weighting * 100).written(.plain),
                ]
            }, numeric: [0, 2, 3, 4, 5, 6], rowHeaders: false)
    }

    /// Which suppliers the page shows, with links to the pages before and after (nothing when one page holds all).
    static func pageLinks(contractId: Int64, page: Int, size: Int, of count: Int) -> String {
        let pages = max(1, (count + size - 1) / size)
        guard pages > 1 else { return "" }
        let first = (page - 1) * size + 1
        let link = { (n: Int, text: String) in "<a href=\"/contracts/\(contractId)/offers?page=\(n)\">\(text)</a>" }
        var parts = ["Suppliers \(first) to \(min(count, first + size - 1)) of \(count) in rank order"]
        if page > 1 { parts.append(link(page - 1, "previous \(size)")) }
        if page < pages { parts.append(link(page + 1, "next \(size)")) }
        return "<nav class=\"pages\" aria-label=\"Suppliers\"><p>" + parts.joined(separator: " · ") + "</p></nav>\n"
    }

    /// A supplier's commitments, each with its value, whether it counted, and any flag.
    static func commitments(_ o: BidEvaluation.Offer) -> String {
        HTML.table(
            caption: "\(o.supplier): commitments", header: ["Measure", "Offered", "Value", "Counted", "Note"],
            rows: o.commitments.map { c in
                [
                    c.measure + " " + c.title, c.quantity.written(.quantity(c.unit)),
                    c.proxyValue.map { _ in c.sleva.written(.money) } ?? "\((c.points ?? 0).written(.working)) points",
                    c.counted ? "yes" : "no", c.flag ?? "",
                ]
            })
    }

    static func monitoring(
        _ saved: SavedReturns?, contractId: Int64, title: String, error: String?, context: WebContext
    ) -> String {
        var html =
            "<h1>Monitor delivery: \(HTML.escape(title))</h1>\n<p><a href=\"/contracts/\(contractId)\">Back to the "
            + "recommendation</a></p>\n"
        html +=
            "<p>Commitments CSV: <code>measure,quantity</code>. Returns CSV: <code>quarter,measure,delivered</code> "
            + "with an "
            + "optional evidence column (as <code>svtk monitor</code> reads).</p>\n"
        html += upload(
            action: "/contracts/\(contractId)/returns",
            fields: [("commitments", "Commitments (CSV)"), ("returns", "Quarterly returns (CSV)")],
            error: error, context: context)
        guard let saved else { return html + "<p>No returns uploaded yet.</p>\n" }
        let m = saved.monitoring
        html +=
            "<h2>Quarter \(m.quartersElapsed) of \(m.quarters)</h2>\n<p class=\"provenance\">From "
            + "\(HTML.escape(saved.commitmentsName)) and "
            + "\(HTML.escape(saved.returnsName)), uploaded \(RecommendationView.date(saved.uploadedAt)).</p>\n"
        html +=
            "<figure>" + DeliveryChart.svg(m)
            + "<figcaption>Delivered as a share of each commitment (solid, coloured by RAG), "
            + "due by now (the black mark) and the forecast at the contract's end (dashed).</figcaption></figure>\n"
        html += HTML.table(
            caption: "Delivery by measure",
            header: [
                "Measure", "Committed", "Delivered", "Due to date", "Progress", "RAG",
                "Shortfall", "Forecast", "Evidence returned",
            ],
            rows: m.lines.map { l in
                [
                    "\(l.measure) \(l.title)" + (l.measured == "point in time" ? " (latest quarter)" : ""),
                    l.committed.written(.plain), l.delivered.written(.plain), l.dueToDate.written(.plain),
                    l.progress.written(.wholeShare), l.status.rawValue.uppercased(), l.shortfall.written(.plain),
                    l.forecast.written(.plain), l.evidence.joined(separator: "; "),
                ]
            }, numeric: [1, 2, 3, 4, 6, 7],
            cellClass: { column, text in column == 5 ? "rag-" + text.lowercased() : nil })
        html +=
            "<p>Value delivered \(m.valueDelivered.written(.money)) of "
            + "\(m.valueCommitted.written(.money)) "
            + "committed (measures with an open proxy value).</p>\n<p>\(HTML.escape(m.consequence))</p>\n"
        return html
    }

    /// An upload form with a file box per field, and the error of the last upload above it.
    static func upload(action: String, fields: [(String, String)], error: String?, context: WebContext) -> String {
        var html =
            "<form class=\"stack\" method=\"post\" action=\"\(action)\" enctype=\"multipart/form-data\">"
            + Page.csrf(context)
        if let error { html += "<p class=\"field-error\" role=\"alert\" id=\"upload-error\">\(HTML.escape(error))</p>" }
        for (name, label) in fields {
            html +=
                "<label for=\"f-\(name)\">\(HTML.escape(label))</label><input type=\"file\" id=\"f-\(name)\" "
                + "name=\"\(name)\" accept=\".csv,text/csv\""
                + (error == nil ? "" : " aria-describedby=\"upload-error\"") + ">"
        }
        return html
            + "<p><button type=\"submit\">Upload and \(fields.count == 1 ? "score" : "monitor")</button></p></form>\n"
    }
}
