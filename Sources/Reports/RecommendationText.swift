import Catalogue
import Formatting
import Foundation
import Recommender

/// A recommendation as a terminal table, Markdown or JSON.
public enum RecommendationText {
    /// The formats a recommendation is written in.
    public enum Format: String, CaseIterable, Sendable { case table, json, markdown }

    /// The recommendation in a format, without provenance.
    /// - Throws: `EncodingError` when JSON cannot be written.
    public static func render(_ r: Recommendation, format: Format) throws -> String {
        switch format {
        case .json: try json(r)
        case .markdown: markdown(r)
        case .table: table(r)
        }
    }

    /// Several recommendations as one JSON array, in order.
    /// - Throws: `EncodingError` when JSON cannot be written.
    public static func renderJSON(_ recommendations: [Recommendation]) throws -> String {
        try JSON.encoded(recommendations.map { RecommendationDocument($0, provenance: nil) })
    }

    // MARK: table

    /// The recommendation as plain text for a terminal: the contract, the rules that apply, the contract
    /// conditions, the recommended measures with their working, the total SLEVA and the excluded measures.
    public static func table(_ r: Recommendation) -> String {
        var lines = [
            "\(r.contract.title): \(r.contract.value.written(.money)), "
                + "\(r.contract.durationMonths.written(.plain)) months, "
                + "\(r.contract.category.rawValue)",
            "  subject: \(r.subjects.joined(separator: "; "))",
            "  workforce: \(r.workforce.working)", "  band: \(r.band)", "  targets sized on: \(r.targetBase)",
            "  money: \(r.valuation)", "  policy: \(r.policy)", "",
        ]
        lines.append("Rules that apply")
        lines += r.rules.notes.map { "  - \($0)" }
        let rlw = r.rules.realLivingWage
        lines.append(
            "  - \(rlw.wage.name) scope: \(rlw.inScope.map { $0 ? "IN SCOPE" : "not in scope" } ?? "not decided"). "
                + "\(rlw.note)"
        )
        lines += rlw.criteria.map {
            "      \($0.answer.padding(toLength: 9, withPad: " ", startingAt: 0)) \($0.criterion)"
        }
        lines += r.warnings.map { "  ! \($0)" }
        lines += r.questions.map { "  ? \($0.text)" }
        lines.append("")
        lines.append("Contract conditions (pass/fail, not scored, no money value)")
        lines += r.conditions.map { "  - \($0.ref) \($0.title) [\($0.kind)]: \($0.text)" }
        lines.append("")
        lines.append(
            r.rules.commitments == .formal
                ? "Recommended measures (formal commitments)" : "Recommended aspirations (non-binding, not scored)")
        for m in r.measures {
            lines.append("\(m.rank). \(m.ref) \(m.title) [\(m.theme)]")
            lines.append("   target: \(m.target.quantity.written(.quantity(m.unit))) = \(m.target.working)")
            lines.append(
                "   value:  "
                    + (m.slevaWorking.map { "SLEVA \($0)" } ?? "no open proxy value is sourced for this measure"))
            lines.append("   relevant (\(m.relevance)): \(m.relevanceReason)")
            for need in m.needs.prefix(2) {
                lines.append(
                    "   need: \(need.areaName), \(need.domainName) (\(need.level), "
                        + "\(need.score.written(.score))): \(need.reason)"
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
        lines.append("Total SLEVA of the measures with an open proxy: \(r.totalSleva.written(.money))")
        lines.append("")
        lines.append("Excluded (\(r.excluded.count))")
        lines += r.excluded.map { "  \($0.ref) \($0.title) [\($0.code)]: \($0.reason)" }
        return lines.joined(separator: "\n")
    }

    // MARK: markdown

    /// The recommendation as Markdown; with `provenance`, a closing section says when, how and from what it was made.
    public static func markdown(_ r: Recommendation, provenance: Provenance? = nil) -> String {
        var md = markdownFacts(r)
        md += markdownRules(r)
        md += markdownConditions(r)
        md += markdownMeasureTable(r)
        for m in r.measures { md += markdownMeasure(m) }
        md += markdownExcluded(r)
        return Markdown.document(md + (provenance.map { [""] + $0.markdown } ?? []))
    }

    /// The Markdown title and the table of the contract's facts: value, category, subject, CPV, delivery areas,
    /// workforce, value band, target base, money values and policy.
    static func markdownFacts(_ r: Recommendation) -> [String] {
        [
            "# Social value recommendation: \(r.contract.title)", "",
            "| | |", "|---|---|",
            "| Value | \(r.contract.value.written(.money)) over \(r.contract.durationMonths.written(.plain)) "
                + "months |",
            "| Category | \(r.contract.category.rawValue) |", "| Subject | \(r.subjects.joined(separator: "; ")) |",
            "| CPV | \(r.contract.cpv.joined(separator: ", ")) |",
            "| Delivery areas | "
                + (r.deliveryWards.isEmpty ? "the whole borough" : r.deliveryWards.map(\.name).joined(separator: ", "))
                + " |",
            "| Workforce | \(r.workforce.working) |", "| Value band | \(r.band) |",
            "| Targets sized on | \(r.targetBase) |",
            "| Money values | \(r.valuation) |", "| Policy | \(r.policy) |",
        ]
    }

    /// The Markdown section of the rules that apply: the notes, the Real Living Wage scope test with its criteria,
    /// and any warnings.
    static func markdownRules(_ r: Recommendation) -> [String] {
        var md = ["", "## Rules that apply", ""]
        md += r.rules.notes.map { "- \($0)" }
        let rlw = r.rules.realLivingWage
        md +=
            [
                "",
                "**\(rlw.wage.name):** \(rlw.inScope.map { $0 ? "in scope" : "not in scope" } ?? "not decided"). "
                    + "\(rlw.note)",
                "",
                "| Criterion | Answer |", "|---|---|",
            ] + rlw.criteria.map { "| \($0.criterion) | \($0.answer) |" }
        if !r.warnings.isEmpty { md += [""] + r.warnings.map { "> **Warning:** \($0)" } }
        if !r.questions.isEmpty { md += [""] + r.questions.map { "> **Question:** \($0.text)" } }
        return md
    }

    /// The Markdown section of the contract conditions: pass/fail terms, not scored.
    static func markdownConditions(_ r: Recommendation) -> [String] {
        [
            "", "## Contract conditions (pass/fail, not scored)", "", "| Condition | Kind | Requirement |",
            "|---|---|---|",
        ] + r.conditions.map { "| \($0.ref) \($0.title) | \($0.kind) | \($0.text) |" }
    }

    /// The Markdown table of the recommended measures (or aspirations) with their targets and value, then the
    /// total SLEVA.
    static func markdownMeasureTable(_ r: Recommendation) -> [String] {
        var md = [
            "",
            r.rules.commitments == .formal ? "## Recommended measures" : "## Recommended aspirations (non-binding)",
            "",
            "| # | Measure | Target | Proxy | SLEVA | Relevance |", "|---|---|---|---|---|---|",
        ]
        md += r.measures.map { m in
            "| \(m.rank) | \(m.ref) \(m.title) | \(m.target.quantity.written(.quantity(m.unit))) | "
                + "\(m.proxyValue.written(.pence, missing: "—")) | \(m.sleva.written(.money, missing: "—")) | "
                + "\(m.relevance) |"
        }
        md += ["", "**Total SLEVA:** \(r.totalSleva.written(.money))", ""]
        return md
    }

    /// One recommended measure's working in Markdown: why it is relevant, its target, SLEVA and proxy, the needs
    /// and equality gaps it answers, its caveats and its rank.
    static func markdownMeasure(_ m: RecommendedMeasure) -> [String] {
        var md = [
            "### \(m.rank). \(m.ref) \(m.title)", "", "- **Why relevant:** \(m.relevanceReason)",
            "- **Target:** \(m.target.working)",
        ]
        if let working = m.slevaWorking { md.append("- **SLEVA:** \(working)") }
        if let p = m.proxy {
            md.append("- **Proxy:** \(p.value.written(.pence)) \(p.unit): \(p.basis) (`\(p.formula)`)")
        }
        md += m.needs.map {
            "- **Need:** \($0.areaName), \($0.domainName) (\($0.level)): \($0.reason). "
                + "\($0.figures.joined(separator: " · "))"
        }
        if m.needs.isEmpty { md.append("- **Need:** \(m.needStatus)") }
        md += m.equalityGaps.map { "- **Equality gap** (\($0.characteristic)): \($0.action): \($0.reason)" }
        md += m.caveats.map { "- **Caveat:** \($0)" }
        md += ["- **Rank:** \(m.rankWorking)", ""]
        return md
    }

    /// The Markdown table of the measures left out, with why (a `|` in a reason is written `/`).
    static func markdownExcluded(_ r: Recommendation) -> [String] {
        ["## Excluded measures", "", "| Measure | Code | Reason |", "|---|---|---|"]
            + r.excluded.map {
                "| \($0.ref) \($0.title) | \($0.code) | \($0.reason.replacingOccurrences(of: "|", with: "/")) |"
            }
    }

    // MARK: json

    /// The recommendation as JSON (``RecommendationDocument``): keys sorted, indented; with `provenance`, a
    /// `provenance` member says when, how and from what it was made.
    /// - Throws: `EncodingError` when JSON cannot be written (every number goes through ``Nullable``, so none
    ///   is expected).
    public static func json(_ r: Recommendation, provenance: Provenance? = nil) throws -> String {
        try JSON.encoded(RecommendationDocument(r, provenance: provenance))
    }
}
