import Evidence
import Formatting
import NeedsAnalysis
import Recommender

/// The recommendation for a contract as a self-contained HTML page, the answer first: a one-screen summary (the
/// measures with targets and value, the rules that bind, where it is delivered), a contents list, then the
/// measures' reasoning, local needs with ward maps and charts, the rules and conditions, what was excluded and
/// why, and the method and sources with the page's provenance.
public enum RecommendationPage {
    /// - Parameters:
    ///   - area: the area whose indicators are charted (the borough for a borough-wide contract).
    ///   - maps: the ward maps, when boundaries are known.
    public static func html(
        _ r: Recommendation, view: BoroughView, area: NeedProfile?, areaResults: [IndicatorResult],
        maps: ReportMaps?, provenance: Provenance
    ) -> String {
        let c = r.contract
        var body =
            "<h1>\(HTML.escape(c.title))</h1>\n<p class=\"lead\">Social value recommendation. "
            + "\(HTML.escape(c.description))</p>\n"
        body += "<p class=\"provenance\">\(HTML.escape(provenance.line))</p>\n"
        body += summary(r, maps: maps) + contents
        body += section(
            "measures",
            r.rules.commitments == .formal
                ? "Recommended measures" : "Recommended aspirations (non-binding, not scored)",
            measures(r))
        body += section("needs", "Local needs", needs(r, view: view, area: area, areaResults: areaResults, maps: maps))
        body += section("rules", "The rules that apply", rules(r))
        body += section(
            "excluded", "Excluded measures",
            HTML.table(
                caption: "Measures left out, and why", header: ["Measure", "Code", "Reason"],
                rows: r.excluded.map { ["\($0.ref) \($0.title)", $0.code, $0.reason] }))
        body += section("method", "Method and sources", method(r, provenance: provenance))
        return HTML.page(title: "Social value recommendation: \(c.title)", body: body, provenance: provenance.line)
    }

    static let contents =
        "<nav class=\"contents\" aria-label=\"Contents\"><h2>Contents</h2><ol>"
        + [
            ("summary", "Summary"), ("measures", "Recommended measures"), ("needs", "Local needs"),
            ("rules", "The rules that apply"),
            ("excluded", "Excluded measures"), ("method", "Method and sources"),
        ]
        .map { "<li><a href=\"#\($0.0)\">\($0.1)</a></li>" }.joined() + "</ol></nav>\n"

    static func section(_ id: String, _ title: String, _ content: String) -> String {
        "<section id=\"\(id)\"><h2>\(HTML.escape(title))</h2>\n\(content)</section>\n"
    }

    /// The answer on one screen: the facts, the measures with targets and value, the rules that bind, the map.
    public static func summary(_ r: Recommendation, maps: ReportMaps?) -> String {
        let c = r.contract
        var html = "<section id=\"summary\" class=\"summary\"><h2>Summary</h2>\n<div class=\"facts\">"
        for (value, label) in [
            (c.value.written(.money), "contract value"),
            ("\(c.durationMonths.written(.plain)) months", "duration"),
            (r.rules.commitments == .formal ? "Formal commitments" : "Aspirations only", "social value"),
            (r.rules.socialValueWeighting.written(.share, missing: "not scored"), "of the evaluation"),
            (r.totalSleva.written(.money), "SLEVA of the recommended measures"),
        ] {
            html += "<div class=\"fact\"><b>\(HTML.escape(value))</b><span>\(HTML.escape(label))</span></div>"
        }
        html += "</div>\n<div class=\"answer\"><div>"
        html += HTML.table(
            caption: "Measures to ask for", header: ["#", "Measure", "Target", "SLEVA £"],
            rows: r.measures.map { m in
                [
                    String(m.rank), "\(m.ref) \(m.title)", m.target.quantity.written(.quantity(m.unit)),
                    m.sleva.written(.whole, missing: "not valued"),
                ]
            }, numeric: [0, 3], rowHeaders: false)
        html +=
            "<h3>The rules that bind</h3>\n<ul>" + binding(r).map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n"
        for warning in r.warnings { html += "<p class=\"warn\">\(HTML.escape(warning))</p>\n" }
        if r.totalSleva > c.value {
            html +=
                "<p class=\"warn\">The SLEVA of these measures (\(r.totalSleva.written(.money))) is "
                + "more than the "
                + "contract's value (\(c.value.written(.money))). SLEVA values social outcomes with proxies; it "
                + "is not "
                + "money the council receives or saves, and should not be quoted as a return on the contract.</p>\n"
        }
        html += "</div>"
        if let maps, maps.coversBorough {
            html += "<div class=\"small-map\">" + maps.deliveryAreas().figure(id: "map-delivery") + "</div>"
        }
        return html + "</div></section>\n"
    }

    /// The rules a commissioner must apply, in a line each: commitments (and why only aspirations), weighting,
    /// evidence, the living wage, the conditions, a default policy pack and the questions to answer first.
    public static func binding(_ r: Recommendation) -> [String] {
        var lines = [
            r.rules.commitments == .formal
                ? "Formal commitments: scored and written into the contract."
                : "Aspirations only, as \(r.rules.aspirationsReason ?? "the rules say"): asked for, not scored or "
                    + "binding."
        ]
        if let weighting = r.rules.socialValueWeighting {
            lines.append(
                "Social value is \(weighting.written(.share)) of the evaluation"
                    + (r.rules.quantitativeShare.map { q in
                        ", \(q.written(.share)) quantitative and "
                            + "\((r.rules.qualitativeShare ?? 1 - q).written(.share)) qualitative"
                    } ?? "")
                    + ".")
        }
        if let evidence = r.rules.qualitativeEvidence { lines.append("Qualitative evidence: \(evidence).") }
        let rlw = r.rules.realLivingWage
        lines.append(
            "\(rlw.wage.name): "
                + "\(rlw.inScope.map { $0 ? "in scope, a contract condition" : "not in scope" } ?? "not decided")."
        )
        if !r.conditions.isEmpty {
            lines.append("\(r.conditions.count) contract condition(s), pass/fail: see the rules.")
        }
        if r.policyIsDefault { lines.append("Policy: \(r.policy).") }
        lines += r.questions.map { "To answer before tendering: \($0.text)" }
        return lines
    }

    /// The full table, SLEVA by theme, and each measure's reasoning.
    static func measures(_ r: Recommendation) -> String {
        var html = HTML.table(
            caption: "Measures, targets and value",
            header: ["#", "Measure", "Theme", "Target", "Proxy per unit", "SLEVA £", "Relevance"],
            rows: r.measures.map { m in
                [
                    String(m.rank), "\(m.ref) \(m.title)", m.theme, m.target.quantity.written(.quantity(m.unit)),
                    m.proxyValue.written(.pence, missing: "none sourced"),
                    m.sleva.written(.whole, missing: "—"), m.relevance,
                ]
            }, numeric: [0, 4, 5], rowHeaders: false)
        var themes: [String: Double] = [:]
        for m in r.measures { if let sleva = m.sleva { themes[m.theme, default: 0] += sleva } }
        if !themes.isEmpty {
            html +=
                "<figure>"
                + SVGCharts.bars(
                    themes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) },
                    title: "SLEVA of the recommended measures by theme")
                + "<figcaption>SLEVA (social, local and economic value added) of the recommended measures by theme, £. "
                + "A theme whose measures have no sourced open proxy value is not shown: they are not valued, which is "
                + "not £0.</figcaption></figure>\n"
        }
        return html + r.measures.map(measure).joined()
    }

    /// One measure's reasoning: relevance, target and its working, caveats, value, and the needs and gaps it answers.
    public static func measure(_ m: RecommendedMeasure) -> String {
        var html =
            "<section class=\"measure\"><h3>\(m.rank). \(HTML.escape(m.ref)) \(HTML.escape(m.title))"
            + "<span class=\"tag\(m.relevance == "strong" ? " strong" : "")\">\(m.relevance) relevance</span></h3>\n"
        html += "<p><b>Why relevant:</b> \(HTML.escape(m.relevanceReason))</p>\n"
        html +=
            "<p><b>Target:</b> \(HTML.escape(m.target.quantity.written(.quantity(m.unit)))) <span "
            + "class=\"working\">= \(HTML.escape(m.target.working))</span></p>\n"
        html += m.caveats.map { "<p class=\"warn\"><b>Caveat:</b> \(HTML.escape($0))</p>\n" }.joined()
        if let working = m.slevaWorking, let p = m.proxy {
            html +=
                "<p><b>Value:</b> <span class=\"working\">\(HTML.escape(working))</span>; proxy "
                + "\(p.value.written(.pence)) "
                + "\(HTML.escape(p.unit.replacingOccurrences(of: "GBP ", with: ""))): \(HTML.escape(p.basis)) (<span "
                + "class=\"working\">\(HTML.escape(p.formula))</span>)</p>\n"
        } else {
            html += "<p><b>Value:</b> no open proxy value is sourced for this measure, so none is given.</p>\n"
        }
        if m.needs.isEmpty { html += "<p><b>Local need:</b> \(HTML.escape(m.needStatus))</p>\n" }
        if !m.needs.isEmpty {
            html +=
                "<p><b>Local needs it answers:</b></p><ul class=\"evidence\">"
                + m.needs.map { n in
                    "<li>\(HTML.escape(n.areaName)), \(HTML.escape(n.domainName)) (\(HTML.escape(n.level))): "
                        + "\(HTML.escape(n.reason))"
                        + (n.figures.isEmpty
                            ? "" : "<br><small>\(n.figures.map(HTML.escape).joined(separator: "<br>"))</small>")
                        + "</li>"
                }.joined() + "</ul>\n"
        }
        if !m.equalityGaps.isEmpty {
            html +=
                "<p><b>Equality gaps it answers:</b></p><ul class=\"evidence\">"
                + m.equalityGaps.map { g in
                    "<li>\(HTML.escape(g.characteristic)): \(HTML.escape(g.action)) "
                        + "(\(HTML.escape(g.places.joined(separator: ", ")))): \(HTML.escape(g.reason))</li>"
                }.joined() + "</ul>\n"
        }
        return html
            + "<p><small>Rank: <span class=\"working\">\(HTML.escape(m.rankWorking))</span></small></p></section>\n"
    }

    /// Ward maps (deprivation, and the needs the measures answer), the heat map, and the area's indicators.
    public static func needs(
        _ r: Recommendation, view: BoroughView, area: NeedProfile?, areaResults: [IndicatorResult], maps: ReportMaps?
    ) -> String {
        var html = ""
        if let maps, maps.coversBorough {
            var figures = maps.deprivation().map { [$0] } ?? []
            let domains = view.wardProfiles.first?.domains.map(\.domain) ?? []
            var seen: Set<String> = []
            for need in r.measures.flatMap(\.needs) where seen.count < 2 && seen.insert(need.domain).inserted {
                if let domain = domains.first(where: { $0.id == need.domain }) { figures.append(maps.need(domain)) }
            }
            html +=
                "<div class=\"maps\">" + figures.enumerated().map { i, map in map.figure(id: "map-\(i)") }.joined()
                + "</div>\n"
        }
        if maps == nil || maps?.coversBorough == false {
            html +=
                "<p class=\"note\">No ward boundaries of the borough were given (a GeoJSON of its wards from the ONS "
                + "Open Geography portal), so the ward maps are left out.</p>\n"
        }
        html +=
            "<p>Need scores of the borough's wards by domain, from the loaded evidence "
            + "(positive is worse: against the borough's wards or against England, whichever is worse; 1 or more is "
            + "high need).</p>\n"
        html +=
            "<figure>" + SVGCharts.heatMap(view.wardProfiles, title: "Ward needs by domain, \(view.borough.area.name)")
            + "<figcaption>Ward needs by domain. Orange is worse, blue better; every cell shows its score; a dash is "
            + "no data.</figcaption></figure>\n"
        if let area, let chart = SpineChart.svg(areaResults, area: area.area.name) {
            html +=
                "<h3>\(HTML.escape(area.area.name)) against England</h3>\n<figure>" + chart
                + "<figcaption>Indicators for \(HTML.escape(area.area.name)), strongest need signal first; counts are "
                + "left out "
                + "(they are in the tables). Each row is centred on England with worse to the left; a dot's colour is "
                + "its "
                + "significance against England at 95%.</figcaption></figure>\n"
        }
        return html
    }

    /// The procurement rules, the Real Living Wage test and the contract conditions.
    public static func rules(_ r: Recommendation) -> String {
        var html = "<ul>" + r.rules.notes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n"
        let rlw = r.rules.realLivingWage
        html +=
            "<h3>\(rlw.wage.name): \(rlw.inScope.map { $0 ? "in scope" : "not in scope" } ?? "not decided")</h3>\n"
            + "<p>\(HTML.escape(rlw.note))</p>\n"
        html += HTML.table(
            caption: "\(rlw.wage.name) scope test", header: ["Criterion", "Answer"],
            rows: rlw.criteria.map { [$0.criterion, $0.answer] })
        html +=
            "<h3>Contract conditions</h3>\n<p>Pass/fail terms of the contract: not scored, and with no money "
            + "value.</p>\n"
        return html
            + HTML.table(
                caption: "Contract conditions", header: ["Condition", "Kind", "Requirement", "Source"],
                rows: r.conditions.map { ["\($0.ref) \($0.title)", $0.kind.rawValue, $0.text, $0.source] })
    }

    /// The contract as profiled, how the data were prepared, and where everything came from.
    static func method(_ r: Recommendation, provenance: Provenance) -> String {
        let c = r.contract
        var html = HTML.table(
            caption: "The contract", header: ["", ""],
            rows: [
                ["Subject", r.subjects.joined(separator: "; ")], ["CPV codes", c.cpv.joined(separator: ", ")],
                ["Category", c.category.rawValue],
                ["Delivery areas", c.areas.joined(separator: ", ")], ["Workforce", r.workforce.working],
                ["Value band", r.band],
                ["Framework", c.framework ?? "open"], ["Targets sized on", r.targetBase],
                ["Money values", r.valuation], ["Policy", r.policy],
            ])
        if !r.notes.isEmpty {
            html += "<h3>About the data</h3>\n<ul>" + r.notes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n"
        }
        return html + "<h3>Provenance</h3>\n" + provenance.html
    }

    /// Every table of the report, for CSV: name → header and rows.
    public static func tables(_ r: Recommendation, view: BoroughView) -> [Table] {
        let domains = view.wardProfiles.first?.domains.map(\.domain).sorted { $0.id < $1.id } ?? []
        return [
            Table(
                "measures",
                [
                    "rank", "ref", "framework", "theme", "title", "unit", "target", "target_working", "proxy_value",
                    "sleva",
                    "relevance", "relevance_reason", "needs", "equality_gaps", "need_status", "caveats",
                ],
                r.measures.map { m in
                    [
                        String(m.rank), m.ref, m.framework, m.theme, m.title, m.unit, m.target.quantity.written(.plain),
                        m.target.working,
                        m.proxyValue.written(.plain), m.sleva.written(.plain), m.relevance, m.relevanceReason,
                        m.needs.map { "\($0.areaName): \($0.domainName)" }.joined(separator: "; "),
                        m.equalityGaps.map { "\($0.characteristic): \($0.action)" }.joined(separator: "; "),
                        m.needStatus, m.caveats.joined(separator: "; "),
                    ]
                }
            ),
            Table(
                "excluded", ["ref", "title", "reason", "code"],
                r.excluded.map { [$0.ref, $0.title, $0.reason, $0.code] }
            ),
            Table(
                "conditions", ["ref", "title", "kind", "text", "source"],
                r.conditions.map { [$0.ref, $0.title, $0.kind.rawValue, $0.text, $0.source] }
            ),
            Table(
                "rules", ["rule", "value"],
                [
                    ["commitments", r.rules.commitments.rawValue],
                    ["social_value_weighting", r.rules.socialValueWeighting.written(.plain)],
                    ["quantitative_share", r.rules.quantitativeShare.written(.plain)],
                    ["qualitative_share", r.rules.qualitativeShare.written(.plain)],
                    ["qualitative_evidence", r.rules.qualitativeEvidence ?? ""],
                    ["local_quotation", String(r.rules.localQuotation)],
                    ["real_living_wage_in_scope", r.rules.realLivingWage.inScope.map(String.init) ?? "not decided"],
                    ["living_wage_treatment", r.rules.realLivingWage.treatment.rawValue],
                ] + r.rules.realLivingWage.criteria.map { ["real_living_wage: \($0.criterion)", $0.answer] }
            ),
            Table(
                "ward_needs", ["ward_code", "ward"] + domains.map(\.id),
                view.wardProfiles.map { p in
                    [p.area.code, p.area.name]
                        + domains.map { d in
                            p.domains.first { $0.domain.id == d.id }?.score.written(.preciseScore) ?? ""
                        }
                }
            ),
        ]
    }
}
