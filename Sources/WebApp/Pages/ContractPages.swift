import Formatting
import Foundation
import Recommender
import Reports
import Toolkit
import Workspace

/// The list of contracts, the supplier's read-only view of one, and two recommendations side by side.
enum ContractPages {
    static func list(_ contracts: [(SavedContract, SnapshotSummary?)], notice: String = "") -> String {
        var html =
            "<h1>Contracts</h1>\n" + notice + "<p><a class=\"button\" href=\"/contracts/new\">New contract</a></p>\n"
        guard !contracts.isEmpty else { return html + "<p>No contracts yet: start with a new one.</p>\n" }
        html +=
            "<table>\n<caption>Contracts in this workspace, newest first</caption>\n<thead><tr><th "
            + "scope=\"col\">Contract</th>"
            + "<th scope=\"col\" class=\"num\">Value £</th><th scope=\"col\" class=\"num\">Version</th><th "
            + "scope=\"col\">Updated</th>"
            + "<th scope=\"col\" class=\"num\">Measures</th><th scope=\"col\" class=\"num\">SLEVA "
            + "£</th></tr></thead>\n<tbody>\n"
        for (contract, snapshot) in contracts {
            html +=
                "<tr><th scope=\"row\"><a "
                + "href=\"/contracts/\(contract.id ?? 0)\">\(HTML.escape(contract.title))</a></th>"
                + "<td class=\"num\">\(contract.profile.value.written(.whole))</td><td "
                + "class=\"num\">\(contract.version)</td>"
                + "<td>\(RecommendationView.date(contract.updatedAt))</td>"
                + "<td class=\"num\">\(snapshot.map { String($0.measures) } ?? "—")</td>"
                + "<td class=\"num\">"
                + (snapshot.map { $0.totalSleva.written(.whole) } ?? "—") + "</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// What the council asks of bidders and the local needs behind each measure, read-only: for a bidder to
    /// align their commitments. `download` gives the link to the same page as one HTML file.
    static func supplier(_ r: Recommendation, maps: ReportMaps?, borough: String, downloadLink: String?) -> String {
        let c = r.contract
        var html =
            "<h1>\(HTML.escape(c.title)): social value asked of bidders</h1>\n"
            + "<p class=\"lead\">\(HTML.escape(borough)). \(HTML.escape(c.description))</p>\n"
        if let downloadLink {
            html +=
                "<p><a class=\"button secondary\" href=\"\(HTML.escape(downloadLink))\">Save this page as one HTML "
                + "file</a></p>\n"
        }
        html +=
            "<h2>How social value is evaluated</h2>\n<ul>"
            + RecommendationPage.binding(r).map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n"
        html +=
            "<h2>"
            + (r.rules.commitments == .formal
                ? "What bidders are asked to commit to" : "What bidders are invited to offer")
            + "</h2>\n"
        html += HTML.table(
            caption: "Measures and targets", header: ["#", "Measure", "Target", "Why it matters here"],
            rows: r.measures.map { m in
                [
                    String(m.rank), "\(m.ref) \(m.title)", m.target.quantity.written(.quantity(m.unit)),
                    m.needs.first.map { "\($0.areaName): \($0.domainName) (\($0.level)). \($0.reason)." }
                        ?? m.relevanceReason,
                ]
            }, numeric: [0], rowHeaders: false)
        if let maps, maps.coversBorough {
            html += "<div class=\"small-map\">" + maps.deliveryAreas().figure(id: "map-supplier") + "</div>\n"
        }
        html += "<h2>The local needs behind each measure</h2>\n"
        for m in r.measures {
            html +=
                "<section class=\"measure\"><h3>\(m.rank). \(HTML.escape(m.ref)) \(HTML.escape(m.title))</h3>\n"
                + "<p><b>Target:</b> \(HTML.escape(m.target.quantity.written(.quantity(m.unit))))</p>\n"
            if m.needs.isEmpty && m.equalityGaps.isEmpty { html += "<p>\(HTML.escape(m.relevanceReason))</p>\n" }
            html += m.needs.map { n in
                "<p>\(HTML.escape(n.areaName)), \(HTML.escape(n.domainName)) (\(HTML.escape(n.level))): "
                    + "\(HTML.escape(n.reason))"
                    + (n.figures.isEmpty
                        ? "" : "<br><small>\(n.figures.map(HTML.escape).joined(separator: "<br>"))</small>") + "</p>\n"
            }.joined()
            html += m.equalityGaps.map {
                "<p>Equality: \(HTML.escape($0.characteristic)): \(HTML.escape($0.action))</p>\n"
            }.joined()
            html += "</section>\n"
        }
        if !r.conditions.isEmpty {
            html +=
                "<h2>Contract conditions (pass/fail, not scored)</h2>\n<ul>"
                + r.conditions.map {
                    "<li>\(HTML.escape($0.ref)) \(HTML.escape($0.title)): \(HTML.escape($0.text))</li>"
                }.joined() + "</ul>\n"
        }
        return html
    }

    /// Two recommendations side by side: the contracts' facts, then each measure's target and value in both.
    static func compare(_ a: RecommendationSnapshot, _ b: RecommendationSnapshot, titles: (String, String)) -> String {
        let ra = a.recommendation
        let rb = b.recommendation
        var html = "<h1>Comparing two recommendations</h1>\n"
        let facts: [(String, (Recommendation) -> String)] = [
            ("Contract", { $0.contract.title }), ("Value £", { $0.contract.value.written(.whole) }),
            ("Duration", { "\($0.contract.durationMonths.written(.plain)) months" }),
            ("Category", { $0.contract.category.rawValue }),
            ("CPV", { $0.contract.cpv.joined(separator: ", ") }),
            ("Delivery areas", { $0.contract.areas.joined(separator: ", ") }),
            ("Value band", { $0.band }), ("Social value", { $0.rules.commitments.rawValue }),
            ("Measures", { String($0.measures.count) }), ("SLEVA £", { $0.totalSleva.written(.whole) }),
        ]
        let headA = "A: \(titles.0) (\(RecommendationView.date(a.createdAt)))"
        let headB = "B: \(titles.1) (\(RecommendationView.date(b.createdAt)))"
        html += HTML.table(
            caption: "The contracts", header: ["", headA, headB], rows: facts.map { [$0.0, $0.1(ra), $0.1(rb)] })
        var refs: [String] = []
        for m in ra.measures + rb.measures where !refs.contains(m.ref) { refs.append(m.ref) }
        html += HTML.table(
            caption: "Measures as recommended (before decisions)",
            header: ["Measure", "Target A", "Target B", "SLEVA A £", "SLEVA B £"],
            rows: refs.map { ref in
                let ma = ra.measures.first { $0.ref == ref }
                let mb = rb.measures.first { $0.ref == ref }
                let title = (ma ?? mb).map { "\($0.ref) \($0.title)" } ?? ref
                func target(_ m: RecommendedMeasure?) -> String {
                    m.map { $0.target.quantity.written(.quantity($0.unit)) } ?? "not recommended"
                }
                func sleva(_ m: RecommendedMeasure?) -> String {
                    (m?.sleva).written(.whole, missing: "—")
                }
                return [title, target(ma), target(mb), sleva(ma), sleva(mb)]
            }, numeric: [3, 4])
        return html
    }

    /// The form choosing two recommendations to compare.
    static func chooser(_ index: [(id: Int64, title: String, version: Int, createdAt: Date)], a: Int64?, b: Int64?)
        -> String
    {
        func select(_ name: String, _ chosen: Int64?) -> String {
            "<label for=\"compare-\(name)\">Recommendation \(name.uppercased())</label><select id=\"compare-\(name)\" "
                + "name=\"\(name)\">"
                + index.map { item in
                    "<option value=\"\(item.id)\"\(item.id == chosen ? " selected" : "")>\(HTML.escape(item.title)), "
                        + "version \(item.version), "
                        + "\(RecommendationView.date(item.createdAt))</option>"
                }.joined() + "</select> "
        }
        return "<form class=\"stack\" method=\"get\" action=\"/compare\">" + select("a", a) + select("b", b)
            + "<p><button type=\"submit\">Compare</button></p></form>\n"
    }
}
