import Formatting
import Foundation
import Reports
import Workspace

/// The parts of the monitoring page for returns entered online: the returns due, the form for a quarter's return
/// with evidence, and the evidence files kept.
enum ReturnEntryPage {
    /// The quarters whose returns are due or overdue at `now`, and the next one.
    static func reminders(_ plan: DeliveryPlan, now: Date, dueDays: Int) -> String {
        guard let awardedAt = plan.awardedAt else { return "" }
        let due = plan.due(at: now, dueDays: dueDays)
        var html = "<h2>Returns due</h2>\n"
        guard !due.isEmpty else {
            return html + "<p>No return is due: quarters are counted from the award on \(Deadline.shown(awardedAt)), "
                + "and each return is due \(dueDays) days after its quarter ends.</p>\n"
        }
        html += "<ul class=\"due\">"
        for d in due { html += "<li>" + item(d, now: now) + "</li>" }
        return html + "</ul>\n"
    }

    /// The returns due on several contracts, each linked to its monitoring page; nothing when none is due.
    static func dueAcross(_ contracts: [(SavedContract, [DeliveryPlan.Due])], now: Date) -> String {
        let items = contracts.flatMap { contract, due in
            due.map { d in
                let link = "<a href=\"/contracts/\(contract.id ?? 0)/returns\">\(HTML.escape(contract.title))</a>: "
                return "<li>" + item(d, now: now, of: link) + "</li>"
            }
        }
        guard !items.isEmpty else { return "" }
        return "<section class=\"due\" aria-labelledby=\"returns-due\"><h2 id=\"returns-due\">Returns due</h2><ul>"
            + items.joined() + "</ul></section>\n"
    }

    /// A quarter's return due (of the contract `of` names, on a page of several), marked when overdue at `now`.
    static func item(_ d: DeliveryPlan.Due, now: Date, of contract: String = "") -> String {
        (d.by < now ? "<b>Overdue:</b> " : "") + contract + "quarter \(d.quarter)'s return, due by "
            + Deadline.shown(d.by)
    }

    /// The form for a quarter's return: a row per commitment with its delivered box, note and evidence file.
    static func form(
        _ plan: DeliveryPlan, contractId: Int64, entry: ReturnEntry?, context: WebContext
    ) -> String {
        let problems = entry?.problems ?? [:]
        let next = (1...plan.quarters).first { q in !plan.returns.contains { $0.quarter == q } } ?? plan.quarters
        var html =
            "<h2>Enter a quarter's return</h2>\n<p>For each commitment give what was delivered in the quarter, with a "
            + "note or a file as evidence (a figure above 0 without evidence is flagged and not counted). Entering a "
            + "quarter again replaces what was returned for it.</p>\n"
        if let problem = problems["quarter"] {
            html += "<p class=\"field-error\" role=\"alert\" id=\"quarter-error\">\(HTML.escape(problem))</p>\n"
        }
        html +=
            "<form class=\"stack\" method=\"post\" action=\"/contracts/\(contractId)/returns/entry\" "
            + "enctype=\"multipart/form-data\">" + Page.csrf(context)
            + "<label for=\"quarter\">Quarter</label><select id=\"quarter\" name=\"quarter\">"
            + (1...plan.quarters).map { q in
                "<option value=\"\(q)\"\((entry?.quarter ?? next) == q ? " selected" : "")>Quarter \(q)</option>"
            }.joined() + "</select>\n"
        for c in plan.commitments { html += commitment(c, problem: problems[c.ref]) }
        return html + "<p><button type=\"submit\">Save the return</button></p></form>\n"
    }

    /// One commitment's boxes.
    static func commitment(_ c: DeliveryPlan.Commitment, problem: String?) -> String {
        let (delivered, note, evidence) = (
            ReturnEntry.field("delivered", c), ReturnEntry.field("note", c), ReturnEntry.field("evidence", c)
        )
        let label = "\(c.ref) \(c.title)"
        return "<fieldset><legend>\(HTML.escape(label)): committed "
            + "\(HTML.escape(c.quantity.written(.quantity(c.unit))))</legend>"
            + (problem.map { "<p class=\"field-error\" id=\"\(delivered)-error\">\(HTML.escape($0))</p>" } ?? "")
            + "<label for=\"\(delivered)\">Delivered this quarter (\(HTML.escape(c.unit)))</label>"
            + "<input id=\"\(delivered)\" name=\"\(delivered)\" inputmode=\"decimal\" size=\"8\""
            + (problem == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(delivered)-error\"") + ">"
            + "<label for=\"\(note)\">Evidence note</label><input id=\"\(note)\" name=\"\(note)\" size=\"60\">"
            + "<label for=\"\(evidence)\">Evidence file</label><input type=\"file\" id=\"\(evidence)\" "
            + "name=\"\(evidence)\"></fieldset>\n"
    }

    /// The evidence files kept for the contract, each a link that downloads it.
    static func evidence(_ files: [EvidenceFile], contractId: Int64) -> String {
        guard !files.isEmpty else { return "" }
        var html =
            "<table>\n<caption>Evidence files</caption>\n<thead><tr><th scope=\"col\">Quarter</th><th scope=\"col\">"
            + "Measure</th><th scope=\"col\">File</th><th scope=\"col\" class=\"num\">Bytes</th><th scope=\"col\">"
            + "SHA-256</th><th scope=\"col\">Given by</th></tr></thead><tbody>\n"
        for f in files {
            let link = "<a href=\"/contracts/\(contractId)/evidence/\(f.id ?? 0)\">\(HTML.escape(f.fileName))</a>"
            let bytes = Double(f.bytes).written(.whole)
            let given = "\(HTML.escape(f.uploadedBy)), \(Deadline.shown(f.uploadedAt))"
            html +=
                "<tr><td>\(f.quarter)</td><td>\(HTML.escape(f.measure))</td><td>\(link)</td><td class=\"num\">"
                + "\(bytes)</td><td><code>\(f.sha256.prefix(16))…</code></td><td>\(given)</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }
}
