import Formatting
import Foundation
import Recommender
import Reports
import Workspace

/// The commissioner's tender page: the form that publishes the tender; then, while it is open, who has submitted
/// (never what); after the deadline, the opened offers with a mark for each written response, the scoring, and
/// the award that releases the scores to the bidders.
enum TenderPages {
    /// What the page shows, read together.
    struct State {
        let contractId: Int64
        let title: String
        let tender: Tender?
        let receipts: [OfferReceipt]
        /// The submitted offers, opened: empty while sealed.
        let opened: [SupplierOffer]
        let evaluation: SavedOffers?
        let maximumMark: Double
        let now: Date
    }

    static func html(_ s: State, problem: String? = nil, context: WebContext) -> String {
        var html =
            "<h1>Tender: \(HTML.escape(s.title))</h1>\n<p><a href=\"/contracts/\(s.contractId)\">Back to the "
            + "recommendation</a></p>\n"
        if let problem {
            html += "<p class=\"field-error\" role=\"alert\" id=\"tender-error\">\(HTML.escape(problem))</p>\n"
        }
        guard let tender = s.tender else {
            return html + publishForm(s.contractId, now: s.now, problem: problem, context: context)
        }
        html += "<p class=\"lead\">\(HTML.escape(TenderView.status(tender, now: s.now)))</p>\n"
        if tender.isSealed(at: s.now) {
            html += receipts(s.receipts, deadline: tender.deadline)
        } else if s.opened.isEmpty {
            html += "<p>No offer was submitted before the deadline.</p>\n"
        } else if let evaluation = s.evaluation {
            html += scored(evaluation, tender: tender, contractId: s.contractId, context: context)
        } else {
            html += marksForm(s, tender: tender, context: context)
        }
        return html + "<h2>The tender as bidders see it</h2>\n" + TenderView.summary(tender) + measures(tender)
    }

    static func publishForm(_ id: Int64, now: Date, problem: String?, context: WebContext) -> String {
        "<p>Publishing puts the recommendation, with your decisions applied, out to tender: suppliers signed in to "
            + "the workspace build and submit their offers online until the deadline. Offers stay sealed until then; "
            + "you will see who has submitted, not what.</p>\n"
            + "<form class=\"stack\" method=\"post\" action=\"/contracts/\(id)/tender\">" + Page.csrf(context)
            + "<label for=\"deadline\">Deadline (UTC)<span class=\"hint\">Date and time, to the second</span></label>"
            + "<input type=\"datetime-local\" step=\"1\" id=\"deadline\" name=\"deadline\" required "
            + "min=\"\(Deadline.boxValue(now))\""
            + (problem == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"tender-error\"") + ">"
            + "<p><button type=\"submit\">Publish the tender</button></p></form>\n"
    }

    static func receipts(_ receipts: [OfferReceipt], deadline: Date) -> String {
        let submitted = receipts.filter { $0.submittedAt != nil }
        var html =
            "<h2>Offers received</h2>\n<p>\(submitted.count) offer\(submitted.count == 1 ? "" : "s") submitted. Offers "
            + "are sealed until \(Deadline.shown(deadline)): their content is opened then.</p>\n"
        if !receipts.isEmpty {
            html += HTML.table(
                caption: "Suppliers", header: ["Supplier", "Offer"],
                rows: receipts.map {
                    [$0.supplierName, TenderView.offerState($0.submittedAt, draft: "a draft")]
                })
        }
        return html
    }

    /// The opened offers with a box for each written response's mark.
    static func marksForm(_ s: State, tender: Tender, context: WebContext) -> String {
        let names = OnlineOffers.bidderNames(s.opened)
        var html =
            "<h2>Offers opened</h2>\n<p>Mark each written response out of \(s.maximumMark.written(.working)), then "
            + "score the offers: the same evaluation as <code>svtk evaluate</code>.</p>\n"
            + "<form class=\"stack\" method=\"post\" action=\"/contracts/\(s.contractId)/tender/scores\">"
            + Page.csrf(context) + "<input type=\"hidden\" name=\"version\" value=\"\(tender.version)\">\n"
        for (index, offer) in s.opened.enumerated() {
            let name = names[offer.supplier] ?? offer.supplierName
            html +=
                "<section class=\"measure\"><h3>\(HTML.escape(name))</h3>\n"
                + "<p>\(offer.lines.count) commitment\(offer.lines.count == 1 ? "" : "s"), submitted "
                + "\(Deadline.shown(offer.submittedAt ?? offer.updatedAt)).</p>\n"
                + "<blockquote>\(HTML.escape(offer.statement.isEmpty ? "(no written response)" : offer.statement))"
                + "</blockquote>\n<label for=\"mark-\(index)\">Mark for \(HTML.escape(name))</label>"
                + "<input id=\"mark-\(index)\" name=\"mark-\(HTML.escape(offer.supplier))\" inputmode=\"decimal\" "
                + "size=\"6\" value=\"\(tender.marks[offer.supplier].map { $0.written(.asGiven) } ?? "")\" required>"
                + "</section>\n"
        }
        return html + "<p><button type=\"submit\">Score the offers</button></p></form>\n"
    }

    /// The scores' summary, the link to them, and the award.
    static func scored(_ saved: SavedOffers, tender: Tender, contractId: Int64, context: WebContext) -> String {
        let ranked = saved.evaluation.offers.sorted { $0.rank < $1.rank }
        var html =
            "<h2>Scores</h2>\n" + DeliveryPages.ranking(ranked, weighting: saved.evaluation.weighting)
            + "<p><a href=\"/contracts/\(contractId)/offers\">Every commitment as scored, with the method</a></p>\n"
        guard tender.awardedAt == nil, let winner = ranked.first else { return html }
        html +=
            "<form method=\"post\" action=\"/contracts/\(contractId)/tender/award\">" + Page.csrf(context)
            + "<input type=\"hidden\" name=\"version\" value=\"\(tender.version)\">"
            + "<p><button type=\"submit\">Award to \(HTML.escape(winner.supplier)) and release the scores</button></p>"
            + "<p class=\"hint\">Each bidder then sees its own scores and the winning offer's.</p></form>\n"
        return html
    }

    /// The tender's measures with their targets, values of a unit and the needs they answer.
    static func measures(_ tender: Tender) -> String {
        HTML.table(
            caption: "Measures", header: ["Measure", "Target", "Value of a unit", "Local needs it answers"],
            rows: tender.guide.lines.map { line in
                [
                    "\(line.ref) \(line.title)", line.target.map { $0.written(.quantity(line.unit)) } ?? "none sized",
                    TenderView.unitValue(line), TenderView.needs(line, in: tender),
                ]
            })
    }
}
