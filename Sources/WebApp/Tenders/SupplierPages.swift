import CSV
import Formatting
import Foundation
import Recommender
import Reports
import Workspace

/// A supplier's pages: the published tenders, and a tender with its own offer, built measure by measure with the
/// money value and the flags shown as it types, then its scores once the contract is awarded.
enum SupplierPages {
    /// The published tenders, with the supplier's offer for each when `bidding`.
    static func list(_ tenders: [(tender: Tender, title: String, offer: SupplierOffer?)], bidding: Bool, now: Date)
        -> String
    {
        var html = "<h1>Tenders</h1>\n"
        guard !tenders.isEmpty else { return html + "<p>No tender has been published yet.</p>\n" }
        html += "<ul class=\"tenders\">"
        for t in tenders {
            let yours =
                t.offer.map { TenderView.offerState($0.submittedAt) }
                ?? "none yet"
            html +=
                "<li><a href=\"/tenders/\(t.tender.contractId)\">\(HTML.escape(t.title))</a>. "
                + HTML.escape(TenderView.status(t.tender, now: now)) + (bidding ? " Your offer: \(yours)." : "")
                + "</li>"
        }
        return html + "</ul>\n"
    }

    /// A tender as bidders see it, for someone who does not bid: the status, the method and the measures.
    static func read(_ tender: Tender, now: Date) -> String {
        "<h1>Tender: \(HTML.escape(tender.recommendation.contract.title))</h1>\n<p class=\"lead\">"
            + HTML.escape(TenderView.status(tender, now: now)) + "</p>\n" + TenderView.summary(tender)
            + TenderPages.measures(tender)
    }

    /// A tender as its supplier sees it: the status, the method, and its offer as a form while the tender is open
    /// (with `form`'s problems after a refused save), as a table once closed.
    static func tender(
        _ tender: Tender, title: String, offer: SupplierOffer?, form: OfferForm?, now: Date, context: WebContext
    ) -> String {
        let id = tender.contractId
        let status = TenderView.status(tender, now: now)
        var html =
            "<h1>Tender: \(HTML.escape(title))</h1>\n<p class=\"lead\">\(HTML.escape(status))</p>\n"
            + TenderView.summary(tender)
        if let offer {
            let state = TenderView.offerState(offer.submittedAt)
            html +=
                "<p>Your offer: \(state)"
                + ", saved \(Deadline.shown(offer.updatedAt)). <a href=\"/tenders/\(id)/offer.csv\">Download your "
                + "offer (CSV)</a></p>\n"
        }
        if tender.isSealed(at: now) {
            return html + offerForm(tender, offer: offer, form: form, context: context)
        }
        return html + offerTable(tender, offer: offer)
    }

    /// The offer form: a row per measure with its box, its value and its flag, the written response, and the two
    /// buttons.
    static func offerForm(_ tender: Tender, offer: SupplierOffer?, form: OfferForm?, context: WebContext) -> String {
        let problems = form?.problems ?? [:]
        var html =
            "<h2>Your offer</h2>\n<p>Give a quantity for each measure you commit to; leave the others blank. The value "
            + "and any flag show as you type, worked out as the evaluation will score them.</p>\n"
        if !problems.isEmpty {
            html +=
                "<p class=\"field-error\" role=\"alert\">The offer was not saved: correct the boxes marked below.</p>\n"
        }
        html +=
            "<form class=\"stack\" method=\"post\" action=\"/tenders/\(tender.contractId)\">" + Page.csrf(context)
            + "<input type=\"hidden\" name=\"version\" value=\"\(offer?.version ?? 0)\">\n"
        html +=
            "<table class=\"offer\"><caption>Commitments</caption><thead><tr><th scope=\"col\">Measure</th>"
            + "<th scope=\"col\">Target</th><th scope=\"col\">Value of a unit</th><th scope=\"col\">You offer</th>"
            + "<th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">Flag</th>"
            + "<th scope=\"col\">Local needs it answers</th></tr></thead><tbody>\n"
        for line in tender.guide.lines {
            let offered = offer?.lines.first { $0.measure == line.measure }?.quantity
            let text = form?.typed[line.measure] ?? offered.map { $0.written(.asGiven) } ?? ""
            html += row(line, text: text, problem: problems[line.measure], tender: tender)
        }
        let total = tender.guide.lines.reduce(0.0) { sum, line in
            sum + (offer?.lines.first { $0.measure == line.measure }.map { line.value(of: $0.quantity) } ?? 0)
        }
        html +=
            "</tbody><tfoot><tr><th scope=\"row\" colspan=\"4\">Total SLEVA</th><td class=\"num\" id=\"offer-total\" "
            + "aria-live=\"polite\">\(total.written(.money))</td><td colspan=\"2\"></td></tr></tfoot></table>\n"
        html += statementBox(form?.statement ?? offer?.statement ?? "", problem: problems["statement"])
        return html
            + "<p><button type=\"submit\" name=\"action\" value=\"submit\">Submit the offer</button> "
            + "<button type=\"submit\" class=\"secondary\" name=\"action\" value=\"save\">Save as a draft</button></p>"
            + "<p class=\"hint\">A draft is not an offer: only a submitted offer is opened at the deadline. Saving a "
            + "submitted offer as a draft withdraws it until you submit again.</p></form>\n"
    }

    /// A measure's row of the offer form; its box carries what the page's script needs to value it.
    static func row(_ line: OfferGuide.Line, text: String, problem: String?, tender: Tender) -> String {
        let field = OfferForm.field(line)
        let quantity = FigureReading.number(text)
        var data = "data-unit=\"\(HTML.escape(line.unit))\" data-years=\"\(line.years.written(.asGiven))\""
        if let proxy = line.proxyValue { data += " data-proxy=\"\(proxy.written(.asGiven))\"" }
        let shown = { (figure: Double) in HTML.escape(figure.written(.quantity(line.unit))) }
        if let maximum = line.plausibleMaximum {
            data += " data-max=\"\(maximum.written(.asGiven))\" data-max-text=\"\(shown(maximum))\""
        }
        if let floor = line.tokenFloor {
            data += " data-floor=\"\(floor.written(.asGiven))\" data-floor-text=\"\(shown(floor))\""
        }
        if let notScored = line.notScored { data += " data-not-scored=\"\(HTML.escape(notScored))\"" }
        let described = problem == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(field)-error\""
        return
            "<tr><th scope=\"row\"><label for=\"\(field)\">\(HTML.escape(line.ref)) \(HTML.escape(line.title))</label>"
            + "</th><td>\(line.target.map(shown) ?? "none sized")</td>"
            + "<td>\(HTML.escape(TenderView.unitValue(line)))</td>"
            + "<td><input id=\"\(field)\" name=\"\(field)\" inputmode=\"decimal\" size=\"8\" "
            + "value=\"\(HTML.escape(text))\" "
            + "data-measure \(data)\(described)> \(HTML.escape(line.unit))"
            + (problem.map { "<p class=\"field-error\" id=\"\(field)-error\">\(HTML.escape($0))</p>" } ?? "") + "</td>"
            + "<td class=\"num value\">\(valueText(line, quantity))</td>"
            + "<td class=\"flag\" aria-live=\"polite\">\(HTML.escape(quantity.flatMap(line.flag(for:)) ?? ""))</td>"
            + "<td>\(HTML.escape(TenderView.needs(line, in: tender)))</td></tr>\n"
    }

    /// A quantity's value as the form shows it: pounds, points where no open proxy, nothing for no quantity.
    static func valueText(_ line: OfferGuide.Line, _ quantity: Double?) -> String {
        guard let quantity, line.notScored == nil else { return "" }
        return line.proxyValue == nil ? "points (no open proxy value)" : line.value(of: quantity).written(.money)
    }

    /// The written response's box.
    static func statementBox(_ text: String, problem: String?) -> String {
        "<label for=\"statement\">Your written response<span class=\"hint\">How you will deliver and evidence these "
            + "commitments locally; it is marked after the deadline.</span></label>"
            + (problem.map { "<p class=\"field-error\" id=\"statement-error\">\(HTML.escape($0))</p>" } ?? "")
            + "<textarea id=\"statement\" name=\"statement\" rows=\"6\" cols=\"80\""
            + (problem == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"statement-error\"") + ">"
            + HTML.escape(text) + "</textarea>\n"
    }

    /// The offer as submitted, once the tender has closed.
    static func offerTable(_ tender: Tender, offer: SupplierOffer?) -> String {
        guard let offer, offer.submittedAt != nil else {
            return "<p>You submitted no offer before the deadline.</p>\n"
        }
        return "<h2>Your offer as submitted</h2>\n"
            + HTML.table(
                caption: "Commitments", header: ["Measure", "Offered", "Value", "Flag"],
                rows: offer.lines.map { l in
                    let line = tender.guide.line(l.measure)
                    return [
                        line.map { "\($0.ref) \($0.title)" } ?? l.measure,
                        l.quantity.written(.quantity(line?.unit ?? "")),
                        line.map { valueText($0, l.quantity) } ?? "", line?.flag(for: l.quantity) ?? "",
                    ]
                })
    }
}

extension SupplierPages {
    /// A bidder's scores once the contract is awarded: its own offer's scores and commitments as scored, and the
    /// winning offer's scores, with the method every bidder was scored by.
    static func scores(_ evaluation: BidEvaluation, bidder: String, contractId: Int64) -> String {
        guard let shown = shownScores(evaluation, bidder: bidder), let own = shown.first else { return "" }
        var html =
            "<h2>Your scores</h2>\n<p>Your offer ranked \(own.rank) of \(evaluation.offers.count). "
            + "<a href=\"/tenders/\(contractId)/scores.csv\">Download the scores (CSV)</a></p>\n"
        html += HTML.table(
            caption: "Scores",
            header: ["Offer", "SLEVA £", "Quantitative", "Qualitative", "Social value score", "Rank"],
            rows: shown.map { o in
                [
                    o.supplier == bidder ? "Yours" : "The winning offer", o.sleva.written(.whole),
                    o.quantitativeScore.written(.score), o.qualitativeScore.written(.score),
                    o.socialValueScore.written(.score), String(o.rank),
                ]
            }, numeric: [1, 2, 3, 4, 5])
        return html + DeliveryPages.commitments(own) + "<h3>Method</h3>\n<p>\(HTML.escape(evaluation.method))</p>\n"
    }

    /// The offers a bidder may see the scores of: its own first, then the winning one where that is another's;
    /// nil when it made no offer.
    static func shownScores(_ evaluation: BidEvaluation, bidder: String) -> [BidEvaluation.Offer]? {
        guard let own = evaluation.offers.first(where: { $0.supplier == bidder }) else { return nil }
        let winner = evaluation.offers.first { $0.rank == 1 && $0.supplier != bidder }
        return [own] + (winner.map { [$0] } ?? [])
    }

    /// The scores a bidder may download: its own commitments as scored, then its own and the winning offer's
    /// scores.
    static func scoresCSV(_ evaluation: BidEvaluation, bidder: String) -> [UInt8] {
        guard let shown = shownScores(evaluation, bidder: bidder), let own = shown.first else { return [] }
        return CSVWriter.bytes { writer in
            writer.write(["offer", "measure", "quantity", "scored_quantity", "sleva", "flag"])
            for c in own.commitments {
                writer.write([
                    own.supplier, c.measure, c.quantity.written(.plain), c.scoredQuantity.written(.plain),
                    c.sleva.written(.plain), c.flag ?? "",
                ])
            }
            writer.write([])
            writer.write(["offer", "rank", "sleva", "quantitative_score", "qualitative_score", "social_value_score"])
            for o in shown {
                writer.write([
                    o.supplier == bidder ? o.supplier : "winning offer", String(o.rank), o.sleva.written(.plain),
                    o.quantitativeScore.written(.plain), o.qualitativeScore.written(.plain),
                    o.socialValueScore.written(.plain),
                ])
            }
        }
    }

    /// A supplier's own offer as an offers CSV row per commitment (`supplier,measure,quantity`), with its written
    /// response as a last column of the first row.
    static func offerCSV(_ offer: SupplierOffer, guide: OfferGuide) -> [UInt8] {
        CSVWriter.bytes { writer in
            writer.write(["supplier", "measure", "title", "quantity", "unit", "written_response"])
            if offer.lines.isEmpty { writer.write([offer.supplierName, "", "", "", "", offer.statement]) }
            for (index, l) in offer.lines.enumerated() {
                let line = guide.line(l.measure)
                writer.write([
                    offer.supplierName, line?.ref ?? l.measure, line?.title ?? "", l.quantity.written(.asGiven),
                    line?.unit ?? "", index == 0 ? offer.statement : "",
                ])
            }
        }
    }
}
