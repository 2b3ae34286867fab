import Catalogue
import Formatting
import Foundation
import Recommender
import Reports
import Toolkit
import Workspace

/// A contract's recommendation in the workspace: the report's answer-first summary with the commissioner's
/// decisions applied, each measure's reasoning with its decision form, the rules, the exclusions with reasons,
/// and the contract's history.
struct RecommendationView {
    let contract: SavedContract
    let snapshot: RecommendationSnapshot
    let decisions: [SavedDecision]
    let history: [SnapshotSummary]
    let borough: Borough
    /// A decision form that could not be saved: the measure and what is wrong.
    var failed: (decision: CommissionerDecision, problem: String)?
    /// What the visitor may do with this contract: only those actions and forms are shown.
    var may = Abilities.everything

    var decided: Recommendation { snapshot.recommendation.applying(decisions.map(\.decision)) }

    func html(token: String) -> String {
        let id = contract.id ?? 0
        let r = decided
        var html =
            "<h1>\(HTML.escape(contract.title))</h1>\n<p "
            + "class=\"lead\">\(HTML.escape(contract.profile.description))</p>\n"
        html +=
            "<p class=\"provenance\">Contract version \(contract.version), recommended "
            + "\(Self.date(snapshot.createdAt)) "
            + "from contract version \(snapshot.contractVersion) by \(HTML.escape(snapshot.toolkit)). "
            + "\(decisions.count) decision(s) recorded.</p>\n"
        if snapshot.contractVersion != contract.version {
            html +=
                "<p class=\"warn\">The contract was edited after this recommendation was made: recommend again to "
                + "bring it up to date.</p>\n"
        }
        html += actions(id: id, token: token)
        html += RecommendationPage.summary(r, maps: deliveryMaps)
        html +=
            "<section id=\"measures\"><h2>Measures and your decisions</h2>\n<p>Accept each measure, drop it with a "
            + "reason, or "
            + "change its target with a reason. Your decisions go into the tender pack and the supplier's view.</p>\n"
        for measure in snapshot.recommendation.measures { html += block(measure, token: token, id: id) }
        html += "</section>\n"
        html += "<section id=\"rules\"><h2>The rules that apply</h2>\n" + RecommendationPage.rules(r) + "</section>\n"
        html +=
            "<section id=\"excluded\"><h2>Excluded measures</h2>\n"
            + HTML.table(
                caption: "Measures left out, and why", header: ["Measure", "Code", "Reason"],
                rows: r.excluded.map { ["\($0.ref) \($0.title)", $0.code, $0.reason] }) + "</section>\n"
        html += historyTable(id: id)
        return html
    }

    /// The delivery wards outlined on the borough's maps, as the recommendation resolved them.
    var deliveryMaps: ReportMaps? { borough.deliveryMaps(snapshot.recommendation) }

    /// The contract's actions the visitor may take, as links and the form to recommend again.
    func actions(id: Int64, token: String) -> String {
        let links: [(Permission?, String, String)] = [
            (.editContracts, "/contracts/\(id)/edit", "Edit the contract"),
            (.readSupplierView, "/contracts/\(id)/supplier", "Supplier view"),
            (.evaluateOffers, "/contracts/\(id)/tender", "Tender online"),
            (.evaluateOffers, "/contracts/\(id)/offers", "Evaluate offers"),
            (.monitorDelivery, "/contracts/\(id)/returns", "Monitor delivery"),
            (may.compare ? .readContracts : nil, "/compare?a=\(snapshot.id ?? 0)", "Compare"),
            (.readContracts, "/contracts/\(id)/audit", "Audit trail"),
        ]
        let shown = links.filter { $0.0.map(may.allowed.contains) ?? false }
        let recommend =
            may.allowed.contains(.editContracts)
            ? "<form method=\"post\" action=\"/contracts/\(id)/recommend\">\(Page.csrf(token: token))"
                + "<button type=\"submit\">Recommend again</button></form>" : ""
        return "<nav class=\"actions\" aria-label=\"This contract\"><p>"
            + shown.map { "<a class=\"button secondary\" href=\"\($0.1)\">\($0.2)</a>" }.joined(separator: " ")
            + "</p>" + recommend + "<p><b>Tender pack:</b> "
            + ExportFormat.allCases.map {
                "<a href=\"/contracts/\(id)/pack/\($0.rawValue)\">\($0.label)</a>"
            }.joined(separator: " · ") + "</p></nav>\n"
    }

    /// A measure's reasoning and its decision form.
    func block(_ m: RecommendedMeasure, token: String, id: Int64) -> String {
        let saved = decisions.first { $0.measure == m.ref }
        let shown = failed?.decision.measure == m.ref ? failed?.decision : saved?.decision
        let action = shown?.action ?? .accept
        let anchor = "measure-" + Self.anchor(m.ref)
        var html = "<div class=\"measure-block\" id=\"\(anchor)\">" + RecommendationPage.measure(m)
        guard may.allowed.contains(.decide) else {
            let decided = saved.map { "Decided: " + Self.describe($0, unit: m.unit) } ?? "No decision yet."
            return html + "<p class=\"decided\">\(decided)</p></div>\n"
        }
        html +=
            "<form class=\"decision\" method=\"post\" action=\"/contracts/\(id)/decisions\">\(Page.csrf(token: token))"
            + "<input type=\"hidden\" name=\"measure\" value=\"\(HTML.escape(m.ref))\">"
            + "<input type=\"hidden\" name=\"version\" value=\"\(saved?.version ?? 0)\">"
        if let saved {
            html += "<p class=\"decided\">Decided: \(Self.describe(saved, unit: m.unit))</p>"
        }
        if let failed, failed.decision.measure == m.ref {
            html += "<p class=\"field-error\" role=\"alert\" id=\"\(anchor)-error\">\(HTML.escape(failed.problem))</p>"
        }
        html += "<fieldset><legend>Your decision on \(HTML.escape(m.ref))</legend>"
        for choice in CommissionerDecision.Action.allCases {
            html +=
                "<label><input type=\"radio\" name=\"action\" "
                + "value=\"\(choice.rawValue)\"\(choice == action ? " checked" : "")> "
                + "\(Self.label(choice))</label>"
        }
        html +=
            "<label for=\"\(anchor)-target\">Target instead (\(HTML.escape(m.unit)))</label>"
            + "<input type=\"text\" inputmode=\"decimal\" id=\"\(anchor)-target\" name=\"target\" "
            + "value=\"\(shown?.target.written(.plain) ?? "")\">"
            + "<label for=\"\(anchor)-reason\">Reason</label><textarea id=\"\(anchor)-reason\" "
            + "name=\"reason\">\(HTML.escape(shown?.reason ?? ""))</textarea>"
            + "</fieldset><button type=\"submit\">Save the decision on \(HTML.escape(m.ref))</button></form></div>\n"
        return html
    }

    func historyTable(id: Int64) -> String {
        "<section id=\"history\"><h2>History</h2>\n"
            + HTML.table(
                caption: "Recommendations made for this contract, newest first",
                header: ["Made", "Contract version", "Measures", "SLEVA £", "Inputs"],
                rows: history.map { s in
                    [
                        Self.date(s.createdAt), String(s.contractVersion), String(s.measures),
                        s.totalSleva.written(.whole), s.inputs.joined(separator: "; "),
                    ]
                }, numeric: [1, 2, 3]) + "</section>\n"
    }

    static func label(_ action: CommissionerDecision.Action) -> String {
        switch action {
        case .accept: "Accept as recommended"
        case .drop: "Drop this measure"
        case .change: "Change the target"
        }
    }

    static func describe(_ decision: SavedDecision, unit: String) -> String {
        let text: String
        switch decision.action {
        case .accept: text = "accepted"
        case .drop: text = "dropped: \(decision.reason)"
        case .change:
            text =
                "target changed to \(decision.target.written(.quantity(unit), missing: "?")): \(decision.reason)"
        }
        return HTML.escape(text) + " (\(date(decision.decidedAt)))"
    }

    /// A measure reference as an element id: letters, digits and hyphens.
    static func anchor(_ ref: String) -> String {
        String(ref.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
