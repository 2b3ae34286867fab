import Catalogue
import Foundation
import Recommender

/// A recommendation as a terminal table, Markdown or JSON.
public enum RecommendationText {
    /// The formats a recommendation is written in.
    public enum Format: String, CaseIterable, Sendable { case table, json, markdown }

    /// The recommendation in a format, without provenance.
    public static func render(_ r: Recommendation, format: Format) -> String {
        switch format {
        case .json: json(r)
        case .markdown: markdown(r)
        case .table: table(r)
        }
    }

    /// Money rounded to whole pounds with thousands separated (`£12,500`); `—` for nil.
    public static func money(_ value: Double?) -> String {
        guard let value else { return "—" }
        return "£" + formatNumber(value.rounded()).grouped
    }

    // MARK: table

    /// The recommendation as plain text for a terminal: the contract, the rules that apply, the contract
    /// conditions, the recommended measures with their working, the total SLEVA and the excluded measures.
    public static func table(_ r: Recommendation) -> String {
        var lines = [
            "\(r.contract.title): £\(formatNumber(r.contract.value).grouped), "
                + "\(formatNumber(r.contract.durationMonths)) months, "
                + "\(r.contract.category.rawValue)",
            "  subject: \(r.subjects.joined(separator: "; "))",
            "  workforce: \(r.workforce.working)", "  band: \(r.band)", "  targets sized on: \(r.targetBase)",
            "  money: \(r.valuation)", "  policy: \(r.policy)", "",
        ]
        lines.append("Rules that apply")
        lines += r.rules.notes.map { "  - \($0)" }
        let rlw = r.rules.realLivingWage
        lines.append(
            "  - Real Living Wage scope: \(rlw.inScope.map { $0 ? "IN SCOPE" : "not in scope" } ?? "not decided"). "
                + "\(rlw.note)"
        )
        lines += rlw.criteria.map {
            "      \($0.answer.padding(toLength: 9, withPad: " ", startingAt: 0)) \($0.criterion)"
        }
        lines += r.warnings.map { "  ! \($0)" }
        lines.append("")
        lines.append("Contract conditions (pass/fail, not scored, no money value)")
        lines += r.conditions.map { "  - \($0.ref) \($0.title) [\($0.kind)]: \($0.text)" }
        lines.append("")
        lines.append(
            r.rules.commitments == .formal
                ? "Recommended measures (formal commitments)" : "Recommended aspirations (non-binding, not scored)")
        for m in r.measures {
            lines.append("\(m.rank). \(m.ref) \(m.title) [\(m.theme)]")
            lines.append("   target: \(Recommender.describe(m.target.quantity, m.unit)) = \(m.target.working)")
            lines.append(
                "   value:  "
                    + (m.slevaWorking.map { "SLEVA \($0)" } ?? "no open proxy value is sourced for this measure"))
            lines.append("   relevant (\(m.relevance)): \(m.relevanceReason)")
            for need in m.needs.prefix(2) {
                lines.append(
                    "   need: \(need.areaName), \(need.domainName) (\(need.level), "
                        + "\(String(format: "%.2f", need.score))): \(need.reason)"
                )
                if let figure = need.figures.first { lines.append("         \(figure)") }
            }
            if m.needs.isEmpty { lines.append("   need: \(m.needStatus)") }
            for gap in m.equalityGaps.prefix(2) {
                lines.append("   equality gap (\(gap.characteristic)): \(gap.action)")
            }
            lines += m.caveats.map { "   caveat: \($0)" }
            lines.append("   rank: \(m.rankWorking)")
        }
        if r.measures.isEmpty { lines.append("  none: no relevant measure with a target worth monitoring") }
        lines.append("")
        lines.append("Total SLEVA of the measures with an open proxy: \(money(r.totalSleva))")
        lines.append("")
        lines.append("Excluded (\(r.excluded.count))")
        lines += r.excluded.map { "  \($0.ref) \($0.title) [\($0.code)]: \($0.reason)" }
        return lines.joined(separator: "\n")
    }

    // MARK: markdown

    /// The recommendation as Markdown; with `provenance`, a closing section says when, how and from what it was made.
    public static func markdown(_ r: Recommendation, provenance: Provenance? = nil) -> String {
        var md = [
            "# Social value recommendation: \(r.contract.title)", "",
            "| | |", "|---|---|",
            "| Value | £\(formatNumber(r.contract.value).grouped) over \(formatNumber(r.contract.durationMonths)) "
                + "months |",
            "| Category | \(r.contract.category.rawValue) |", "| Subject | \(r.subjects.joined(separator: "; ")) |",
            "| CPV | \(r.contract.cpv.joined(separator: ", ")) |",
            "| Delivery areas | \(r.contract.areas.joined(separator: ", ")) |",
            "| Workforce | \(r.workforce.working) |", "| Value band | \(r.band) |",
            "| Targets sized on | \(r.targetBase) |",
            "| Money values | \(r.valuation) |", "| Policy | \(r.policy) |", "", "## Rules that apply", "",
        ]
        md += r.rules.notes.map { "- \($0)" }
        let rlw = r.rules.realLivingWage
        md +=
            [
                "",
                "**Real Living Wage:** \(rlw.inScope.map { $0 ? "in scope" : "not in scope" } ?? "not decided"). "
                    + "\(rlw.note)",
                "",
                "| Criterion | Answer |", "|---|---|",
            ] + rlw.criteria.map { "| \($0.criterion) | \($0.answer) |" }
        if !r.warnings.isEmpty { md += [""] + r.warnings.map { "> **Warning:** \($0)" } }
        md += [
            "", "## Contract conditions (pass/fail, not scored)", "", "| Condition | Kind | Requirement |",
            "|---|---|---|",
        ]
        md += r.conditions.map { "| \($0.ref) \($0.title) | \($0.kind) | \($0.text) |" }
        md += [
            "",
            r.rules.commitments == .formal ? "## Recommended measures" : "## Recommended aspirations (non-binding)",
            "",
            "| # | Measure | Target | Proxy | SLEVA | Relevance |", "|---|---|---|---|---|---|",
        ]
        md += r.measures.map { m in
            "| \(m.rank) | \(m.ref) \(m.title) | \(Recommender.describe(m.target.quantity, m.unit)) | "
                + "\(money(m.proxyValue)) | \(money(m.sleva)) | \(m.relevance) |"
        }
        md += ["", "**Total SLEVA:** \(money(r.totalSleva))", ""]
        for m in r.measures {
            md += [
                "### \(m.rank). \(m.ref) \(m.title)", "", "- **Why relevant:** \(m.relevanceReason)",
                "- **Target:** \(m.target.working)",
            ]
            if let working = m.slevaWorking { md.append("- **SLEVA:** \(working)") }
            if let p = m.proxy {
                md.append("- **Proxy:** £\(formatNumber(p.value)) \(p.unit): \(p.basis) (`\(p.formula)`)")
            }
            md += m.needs.map {
                "- **Need:** \($0.areaName), \($0.domainName) (\($0.level)): \($0.reason). "
                    + "\($0.figures.joined(separator: " · "))"
            }
            if m.needs.isEmpty { md.append("- **Need:** \(m.needStatus)") }
            md += m.equalityGaps.map { "- **Equality gap** (\($0.characteristic)): \($0.action): \($0.reason)" }
            md += m.caveats.map { "- **Caveat:** \($0)" }
            md += ["- **Rank:** \(m.rankWorking)", ""]
        }
        md += ["## Excluded measures", "", "| Measure | Code | Reason |", "|---|---|---|"]
        md += r.excluded.map {
            "| \($0.ref) \($0.title) | \($0.code) | \($0.reason.replacingOccurrences(of: "|", with: "/")) |"
        }
        return Markdown.document(md + (provenance.map { [""] + $0.markdown } ?? []))
    }

    // MARK: json

    /// The recommendation as JSON; with `provenance`, a `provenance` member says when, how and from what it was made.
    public static func json(_ r: Recommendation, provenance: Provenance? = nil) -> String {
        let c = r.contract
        let w = c.workforce
        func bool(_ b: Bool?) -> String { b.map { $0 ? "true" : "false" } ?? "null" }
        let workforce =
            w.map { w in
                JSON.object([
                    ("fte", JSON.number(w.fte)), ("aged18Plus", bool(w.aged18Plus)),
                    ("hoursPerWeek", JSON.number(w.hoursPerWeek)),
                    ("consecutiveWeeks", JSON.number(w.consecutiveWeeks)),
                    ("onCouncilPremises", bool(w.onCouncilPremises)),
                    ("onCouncilProperty", bool(w.onCouncilProperty)), ("onCouncilLand", bool(w.onCouncilLand)),
                ])
            } ?? "null"
        let contract = JSON.object([
            ("title", JSON.string(c.title)), ("description", JSON.string(c.description)),
            ("cpv", JSON.array(c.cpv.map(JSON.string))),
            ("category", JSON.string(c.category.rawValue)), ("value", JSON.number(c.value)),
            ("durationMonths", JSON.number(c.durationMonths)), ("areas", JSON.array(c.areas.map(JSON.string))),
            ("passThroughShare", JSON.number(c.passThroughShare)), ("supplierFee", JSON.number(c.supplierFee)),
            ("councilIsConduit", bool(c.councilIsConduit)),
            ("workforce", workforce), ("framework", JSON.string(c.framework ?? "open")),
            ("subjects", JSON.array(r.subjects.map(JSON.string))),
            (
                "estimatedWorkforce",
                JSON.object([
                    ("fte", JSON.number(r.workforce.fte)), ("estimated", bool(r.workforce.estimated)),
                    ("working", JSON.string(r.workforce.working)),
                ])
            ),
            ("band", JSON.string(r.band)),
        ])
        let rlw = r.rules.realLivingWage
        let rules = JSON.object([
            ("commitments", JSON.string(r.rules.commitments.rawValue)),
            ("socialValueWeighting", JSON.number(r.rules.socialValueWeighting)),
            ("quantitativeShare", JSON.number(r.rules.quantitativeShare)),
            ("qualitativeShare", JSON.number(r.rules.qualitativeShare)),
            ("qualitativeEvidence", JSON.optionalString(r.rules.qualitativeEvidence)),
            ("localQuotation", bool(r.rules.localQuotation)),
            (
                "realLivingWage",
                JSON.object([
                    ("inScope", bool(rlw.inScope)), ("note", JSON.string(rlw.note)),
                    ("treatment", JSON.string(rlw.treatment)), ("wage", JSON.string(rlw.wage.name)),
                    ("hourlyRate", JSON.number(rlw.wage.hourlyRate)),
                    ("rateYear", JSON.string(rlw.wage.rateYear)),
                    (
                        "criteria",
                        JSON.array(
                            rlw.criteria.map {
                                JSON.object([
                                    ("criterion", JSON.string($0.criterion)), ("answer", JSON.string($0.answer)),
                                    ("met", bool($0.met)),
                                ])
                            })
                    ),
                ])
            ),
            ("notes", JSON.array(r.rules.notes.map(JSON.string))),
        ])
        let measures = r.measures.map { m in
            JSON.object([
                ("rank", String(m.rank)), ("ref", JSON.string(m.ref)), ("framework", JSON.string(m.framework)),
                ("theme", JSON.string(m.theme)), ("title", JSON.string(m.title)), ("unit", JSON.string(m.unit)),
                ("commitment", JSON.string(m.commitment.rawValue)),
                ("relevance", JSON.string(m.relevance)), ("relevanceReason", JSON.string(m.relevanceReason)),
                (
                    "needs",
                    JSON.array(
                        m.needs.map { n in
                            JSON.object([
                                ("area", JSON.string(n.area)), ("areaName", JSON.string(n.areaName)),
                                ("domain", JSON.string(n.domain)),
                                ("domainName", JSON.string(n.domainName)), ("score", JSON.number(n.score)),
                                ("level", JSON.string(n.level)),
                                ("reason", JSON.string(n.reason)), ("figures", JSON.array(n.figures.map(JSON.string))),
                            ])
                        })
                ),
                (
                    "equalityGaps",
                    JSON.array(
                        m.equalityGaps.map { g in
                            JSON.object([
                                ("action", JSON.string(g.action)), ("characteristic", JSON.string(g.characteristic)),
                                ("places", JSON.array(g.places.map(JSON.string))), ("reason", JSON.string(g.reason)),
                                ("source", JSON.string(g.source)),
                            ])
                        })
                ),
                (
                    "target",
                    JSON.object([
                        ("quantity", JSON.number(m.target.quantity)), ("working", JSON.string(m.target.working)),
                    ])
                ),
                ("proxyValue", JSON.number(m.proxyValue)),
                (
                    "proxy",
                    m.proxy.map { p in
                        JSON.object([
                            ("id", JSON.string(p.id)), ("unit", JSON.string(p.unit)),
                            ("priceYear", JSON.string(p.priceYear)),
                            ("formula", JSON.string(p.formula)), ("working", JSON.string(p.working)),
                            ("basis", JSON.string(p.basis)),
                        ])
                    } ?? "null"
                ),
                ("sleva", JSON.number(m.sleva)), ("slevaWorking", JSON.optionalString(m.slevaWorking)),
                ("rankScore", JSON.number(m.rankScore)), ("rankWorking", JSON.string(m.rankWorking)),
                ("needStatus", JSON.string(m.needStatus)), ("caveats", JSON.array(m.caveats.map(JSON.string))),
            ])
        }
        return JSON.object(
            [
                ("contract", contract), ("rules", rules), ("measures", JSON.array(measures)),
                (
                    "conditions",
                    JSON.array(
                        r.conditions.map {
                            JSON.object([
                                ("ref", JSON.string($0.ref)), ("title", JSON.string($0.title)),
                                ("kind", JSON.string($0.kind)),
                                ("text", JSON.string($0.text)), ("source", JSON.string($0.source)),
                            ])
                        })
                ),
                (
                    "excluded",
                    JSON.array(
                        r.excluded.map {
                            JSON.object([
                                ("ref", JSON.string($0.ref)), ("title", JSON.string($0.title)),
                                ("reason", JSON.string($0.reason)), ("code", JSON.string($0.code)),
                            ])
                        })
                ),
                ("targetBase", JSON.string(r.targetBase)), ("valuation", JSON.string(r.valuation)),
                ("policy", JSON.string(r.policy)),
                ("totalSleva", JSON.number(r.totalSleva)), ("warnings", JSON.array(r.warnings.map(JSON.string))),
                ("notes", JSON.array(r.notes.map(JSON.string))),
            ] + (provenance.map { [("provenance", $0.json)] } ?? []))
    }
}
