import Evidence
import NeedsAnalysis
import Recommender

/// The recommendation for a contract as a self-contained HTML page: the contract and the rules that apply, the
/// measures with targets, proxy values, SLEVA and their evidence, what was excluded, and charts of the wards'
/// needs, the delivery area's indicators and SLEVA by theme.
public enum RecommendationPage {
    public static func html(_ r: Recommendation, view: BoroughView, area: NeedProfile?, areaResults: [IndicatorResult]) -> String {
        let c = r.contract
        var body = "<h1>\(HTML.escape(c.title))</h1>\n<p class=\"lead\">Social value recommendation. \(HTML.escape(c.description))</p>\n"
        body += "<div class=\"facts\">"
        for (value, label) in [("£" + formatNumber(c.value).grouped, "contract value"), ("\(formatNumber(c.durationMonths)) months", "duration"),
                               (c.category.rawValue.capitalized, "category"), (r.rules.commitments == "formal" ? "Formal commitments" : "Aspirations only", "social value"),
                               (r.rules.socialValueWeighting.map { "\(Int(($0 * 100).rounded()))%" } ?? "not scored", "of the evaluation"),
                               ("£" + formatNumber(r.totalSleva.rounded()).grouped, "SLEVA of the recommended measures")] {
            body += "<div class=\"fact\"><b>\(HTML.escape(value))</b><span>\(HTML.escape(label))</span></div>"
        }
        body += "</div>\n"
        body += HTML.table(caption: "The contract", header: ["", ""], rows: [
            ["Subject", r.subjects.joined(separator: "; ")], ["CPV codes", c.cpv.joined(separator: ", ")],
            ["Delivery areas", c.areas.joined(separator: ", ")], ["Workforce", r.workforce.working], ["Value band", r.band],
            ["Framework", c.framework ?? "open"], ["Targets sized on", r.targetBase], ["Money values", r.valuation], ["Policy", r.policy],
        ])
        for warning in r.warnings { body += "<p class=\"warn\">\(HTML.escape(warning))</p>\n" }

        body += "<h2>The rules that apply</h2>\n<ul>" + r.rules.notes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n"
        let rlw = r.rules.realLivingWage
        body += "<h3>Real Living Wage: \(rlw.inScope.map { $0 ? "in scope" : "not in scope" } ?? "not decided")</h3>\n<p>\(HTML.escape(rlw.note))</p>\n"
        body += HTML.table(caption: "Real Living Wage scope test", header: ["Criterion", "Answer"],
                           rows: rlw.criteria.map { [$0.criterion, $0.answer] })
        body += "<h2>Contract conditions</h2>\n<p>Pass/fail terms of the contract: not scored, and with no money value.</p>\n"
        body += HTML.table(caption: "Contract conditions", header: ["Condition", "Kind", "Requirement", "Source"],
                           rows: r.conditions.map { ["\($0.ref) \($0.title)", $0.kind, $0.text, $0.source] })

        body += "<h2>\(r.rules.commitments == "formal" ? "Recommended measures" : "Recommended aspirations (non-binding, not scored)")</h2>\n"
        body += HTML.table(caption: "Measures, targets and value", header: ["#", "Measure", "Theme", "Target", "Proxy £ per unit", "SLEVA £", "Relevance"],
                           rows: r.measures.map { m in
                               [String(m.rank), "\(m.ref) \(m.title)", m.theme, Recommender.describe(m.target.quantity, m.unit),
                                m.proxyValue.map(pence) ?? "none sourced",
                                m.sleva.map { formatNumber($0).grouped } ?? "—", m.relevance]
                           }, numeric: [0, 4, 5], rowHeaders: false)
        var themes: [String: Double] = [:]
        for m in r.measures { if let sleva = m.sleva { themes[m.theme, default: 0] += sleva } }
        if !themes.isEmpty {
            body += "<figure>" + SVGCharts.bars(themes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) },
                                                title: "SLEVA of the recommended measures by theme")
                + "<figcaption>SLEVA (social, local and economic value added) of the recommended measures by theme, £. "
                + "A theme whose measures have no sourced open proxy value is not shown: they are not valued, which is not £0.</figcaption></figure>\n"
        }
        for m in r.measures {
            body += "<section class=\"measure\"><h3>\(m.rank). \(HTML.escape(m.ref)) \(HTML.escape(m.title))"
                + "<span class=\"tag\(m.relevance == "strong" ? " strong" : "")\">\(m.relevance) relevance</span></h3>\n"
            body += "<p><b>Why relevant:</b> \(HTML.escape(m.relevanceReason))</p>\n"
            body += "<p><b>Target:</b> \(HTML.escape(Recommender.describe(m.target.quantity, m.unit))) <span class=\"working\">= \(HTML.escape(m.target.working))</span></p>\n"
            body += m.caveats.map { "<p class=\"warn\"><b>Caveat:</b> \(HTML.escape($0))</p>\n" }.joined()
            if let working = m.slevaWorking, let p = m.proxy {
                body += "<p><b>Value:</b> <span class=\"working\">\(HTML.escape(working))</span>; proxy £\(pence(p.value)) "
                    + "\(HTML.escape(p.unit.replacingOccurrences(of: "GBP ", with: ""))): \(HTML.escape(p.basis)) (<span class=\"working\">\(HTML.escape(p.formula))</span>)</p>\n"
            } else {
                body += "<p><b>Value:</b> no open proxy value is sourced for this measure, so none is given.</p>\n"
            }
            if m.needs.isEmpty { body += "<p><b>Local need:</b> \(HTML.escape(m.needStatus))</p>\n" }
            if !m.needs.isEmpty {
                body += "<p><b>Local needs it answers:</b></p><ul class=\"evidence\">" + m.needs.map { n in
                    "<li>\(HTML.escape(n.areaName)), \(HTML.escape(n.domainName)) (\(HTML.escape(n.level))): \(HTML.escape(n.reason))"
                        + (n.figures.isEmpty ? "" : "<br><small>\(n.figures.map(HTML.escape).joined(separator: "<br>"))</small>") + "</li>"
                }.joined() + "</ul>\n"
            }
            if !m.equalityGaps.isEmpty {
                body += "<p><b>Equality gaps it answers:</b></p><ul class=\"evidence\">" + m.equalityGaps.map { g in
                    "<li>\(HTML.escape(g.characteristic)): \(HTML.escape(g.action)) (\(HTML.escape(g.places.joined(separator: ", ")))): \(HTML.escape(g.reason))</li>"
                }.joined() + "</ul>\n"
            }
            body += "<p><small>Rank: <span class=\"working\">\(HTML.escape(m.rankWorking))</span></small></p></section>\n"
        }

        body += "<h2>Local needs</h2>\n<p>Need scores of the borough's wards by domain, from the loaded evidence "
            + "(positive is worse: against the borough's wards or against England, whichever is worse; 1 or more is high need).</p>\n"
        body += "<figure>" + SVGCharts.heatMap(view.wardProfiles, title: "Ward needs by domain, \(view.borough.area.name)")
            + "<figcaption>Ward needs by domain. Orange is worse, blue better; every cell shows its score; a dash is no data.</figcaption></figure>\n"
        if let area, !areaResults.isEmpty {
            body += "<h3>\(HTML.escape(area.area.name)) against its parent area and England</h3>\n<figure>"
                + SVGCharts.indicators(areaResults, area: area.area.name)
                + "<figcaption>Indicators for \(HTML.escape(area.area.name)), worst need signal first.</figcaption></figure>\n"
        }
        body += "<h2>Excluded measures</h2>\n"
        body += HTML.table(caption: "Measures left out, and why", header: ["Measure", "Code", "Reason"],
                           rows: r.excluded.map { ["\($0.ref) \($0.title)", $0.code, $0.reason] })
        if !r.notes.isEmpty { body += "<h2>About the data</h2>\n<ul>" + r.notes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n" }
        return HTML.page(title: "Social value recommendation: \(c.title)", body: body)
    }

    /// £ to the penny as a reader writes it: 20420.6 → "20,420.60".
    static func pence(_ value: Double) -> String { String(format: "%.2f", value).grouped }

    /// Every table of the report, for CSV: name → header and rows.
    public static func tables(_ r: Recommendation, view: BoroughView) -> [(name: String, header: [String], rows: [[String]])] {
        let domains = view.wardProfiles.first?.domains.map(\.domain).sorted { $0.id < $1.id } ?? []
        return [
            ("measures", ["rank", "ref", "framework", "theme", "title", "unit", "target", "target_working", "proxy_value", "sleva",
                          "relevance", "relevance_reason", "needs", "equality_gaps", "need_status", "caveats"],
             r.measures.map { m in [String(m.rank), m.ref, m.framework, m.theme, m.title, m.unit, formatNumber(m.target.quantity), m.target.working,
                                    formatNumber(m.proxyValue), formatNumber(m.sleva), m.relevance, m.relevanceReason,
                                    m.needs.map { "\($0.areaName): \($0.domainName)" }.joined(separator: "; "),
                                    m.equalityGaps.map { "\($0.characteristic): \($0.action)" }.joined(separator: "; "),
                                    m.needStatus, m.caveats.joined(separator: "; ")] }),
            ("excluded", ["ref", "title", "reason", "code"], r.excluded.map { [$0.ref, $0.title, $0.reason, $0.code] }),
            ("conditions", ["ref", "title", "kind", "text", "source"], r.conditions.map { [$0.ref, $0.title, $0.kind, $0.text, $0.source] }),
            ("rules", ["rule", "value"], [
                ["commitments", r.rules.commitments], ["social_value_weighting", formatNumber(r.rules.socialValueWeighting)],
                ["quantitative_share", formatNumber(r.rules.quantitativeShare)], ["qualitative_share", formatNumber(r.rules.qualitativeShare)],
                ["qualitative_evidence", r.rules.qualitativeEvidence ?? ""], ["local_quotation", String(r.rules.localQuotation)],
                ["real_living_wage_in_scope", r.rules.realLivingWage.inScope.map(String.init) ?? "not decided"],
                ["living_wage_treatment", r.rules.realLivingWage.treatment],
            ] + r.rules.realLivingWage.criteria.map { ["real_living_wage: \($0.criterion)", $0.answer] }),
            ("ward_needs", ["ward_code", "ward"] + domains.map(\.id), view.wardProfiles.map { p in
                [p.area.code, p.area.name] + domains.map { d in p.domains.first { $0.domain.id == d.id }?.score.map { String(format: "%.4f", $0) } ?? "" }
            }),
        ]
    }
}
