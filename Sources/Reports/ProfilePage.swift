import Evidence
import NeedsAnalysis

/// A ward (or borough) profile page for analysts: its needs by domain with the evidence, its indicators against
/// the parent area and England, and the equality gaps placed there.
public enum ProfilePage {
    /// - Parameters:
    ///   - maps: ward maps (deprivation, and the area's greatest need) with the area outlined, when boundaries are
    /// known.
    ///   - provenance: when, by what and from which files the page was made.
    public static func html(
        _ profile: NeedProfile, results: [IndicatorResult], view: BoroughView, gaps: [EqualityNeed],
        maps: ReportMaps? = nil, provenance: Provenance? = nil
    ) -> String {
        HTML.page(
            title: "Profile: \(profile.area.name)",
            body: body(profile, results: results, view: view, gaps: gaps, maps: maps, provenance: provenance),
            provenance: provenance?.line)
    }

    /// The profile's content without the page around it, for a page of the workspace.
    public static func body(
        _ profile: NeedProfile, results: [IndicatorResult], view: BoroughView, gaps: [EqualityNeed],
        maps: ReportMaps? = nil, provenance: Provenance? = nil
    ) -> String {
        let a = profile.area
        var body =
            "<h1>\(HTML.escape(a.name))</h1>\n<p class=\"lead\">\(HTML.escape(a.level.rawValue.capitalized)) "
            + "\(HTML.escape(a.code))"
            + (a.parent.map { " in \(HTML.escape(view.borough.area.code == $0 ? view.borough.area.name : $0))" } ?? "")
            + ": local needs profile.</p>\n"
        if let provenance { body += "<p class=\"provenance\">\(HTML.escape(provenance.line))</p>\n" }
        if let maps, maps.coversBorough {
            let figures =
                (maps.deprivation().map { [$0] } ?? []) + (profile.scored.first.map { [maps.need($0.domain)] } ?? [])
            body +=
                "<div class=\"maps\">" + figures.enumerated().map { $0.element.figure(id: "map-\($0.offset)") }.joined()
                + "</div>\n"
        }
        body += "<h2>Needs by domain</h2>\n"
        body += HTML.table(
            caption: "Need domains, worst first", header: ["Domain", "Level", "Score", "Strongest evidence"],
            rows: profile.domains.map { d in
                [
                    d.domain.name, d.level, d.score.map { String(format: "%.2f", $0) } ?? "—",
                    d.evidence.first.map { "\($0.result.name): \($0.result.summary)" } ?? (d.note ?? ""),
                ]
            }, numeric: [2])
        body += "<h2>Indicators against the parent area and England</h2>\n"
        let ordered = results.sorted { ($0.signal ?? -9, $1.indicator) > ($1.signal ?? -9, $0.indicator) }
        if let chart = SpineChart.svg(ordered, area: a.name) {
            body +=
                "<figure>" + chart
                + "<figcaption>The 14 indicators (counts aside) with the strongest need signal, each "
                + "centred on England with worse to the left; all are in the table below.</figcaption></figure>\n"
        }
        body += HTML.table(
            caption: "Indicators (shares, rates, ranks and scores; raw counts are in the CSV tables)",
            header: ["Indicator", "Period", "Value", "Parent", "England", "vs England", "Rank", "Trend"],
            rows: ordered.filter { $0.unit != "count" }.map { r in
                [
                    r.name, r.period, formatNumber((r.value * 100).rounded() / 100),
                    formatNumber(r.parent.map { ($0.value * 100).rounded() / 100 }),
                    formatNumber(r.england.map { ($0.value * 100).rounded() / 100 }),
                    r.england?.significance95.rawValue ?? "",
                    r.rank.map { "\($0) of \(r.rankedAmong!)" } ?? "", r.trend ?? "",
                ]
            }, numeric: [2, 3, 4, 6])
        body += "<h2>Equality gaps</h2>\n"
        let here = gaps.filter { g in g.places.contains { $0.code == a.code } || g.gap.isBoroughWide }
        body +=
            here.isEmpty
            ? "<p>No action plan gap is placed here.</p>\n"
            : HTML.table(
                caption: "Equality Analysis action plan gaps placed here (or borough-wide)",
                header: ["Action", "Groups", "Disadvantage", "Group size here"],
                rows: here.map { g in
                    [
                        g.gap.action, g.gap.characteristics.joined(separator: ", "), g.gap.disadvantage,
                        g.groupSizes.filter { $0.area.code == a.code }.prefix(3).map {
                            "\($0.name): \(formatNumber(($0.value * 10).rounded() / 10))"
                        }
                        .joined(separator: "; "),
                    ]
                })
        body +=
            "<h2>The borough's wards</h2>\n<figure>"
            + SVGCharts.heatMap(view.wardProfiles, title: "Ward needs by domain")
            + "<figcaption>Need scores of every ward: orange is worse, blue better; a dash is no "
            + "data.</figcaption></figure>\n"
        if let provenance { body += "<h2>Provenance</h2>\n" + provenance.html }
        return body
    }

    /// The profile as Markdown.
    public static func markdown(_ profile: NeedProfile, results: [IndicatorResult]) -> String {
        var md = [
            "# \(profile.area.name) (\(profile.area.code))", "", "## Needs by domain", "",
            "| Domain | Level | Score | Evidence |", "|---|---|---|---|",
        ]
        md += profile.domains.map { d in
            "| \(d.domain.name) | \(d.level) | \(d.score.map { String(format: "%.2f", $0) } ?? "—") | "
                + (d.evidence.first.map { "\($0.result.name): \($0.result.summary)" } ?? d.note ?? "") + " |"
        }
        md += [
            "", "## Indicators", "", "| Indicator | Period | Value | England | vs England |", "|---|---|---|---|---|",
        ]
        md += results.map {
            "| \($0.name) | \($0.period) | \(formatNumber($0.value)) | \(formatNumber($0.england?.value)) | "
                + "\($0.england?.significance95.rawValue ?? "") |"
        }
        return Markdown.document(md) + "\n"
    }
}
