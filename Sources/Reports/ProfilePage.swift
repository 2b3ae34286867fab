import Evidence
import Formatting
import Geography
import NeedsAnalysis

/// A ward (or borough) profile page for analysts: its needs by domain with the evidence, its indicators against
/// the parent area and England, and the equality gaps placed there.
public enum ProfilePage {
    /// - Parameters:
    ///   - maps: ward maps (deprivation, and the area's greatest need) with the area outlined, when boundaries are
    /// known.
    ///   - change: how the wards' deprivation moved between two IoD editions, when both are loaded.
    ///   - provenance: when, by what and from which files the page was made.
    public static func html(
        _ profile: NeedProfile, results: [IndicatorResult], view: BoroughView, gaps: [EqualityNeed],
        maps: ReportMaps? = nil, change: EditionChange? = nil, provenance: Provenance? = nil
    ) -> String {
        HTML.page(
            title: "Profile: \(profile.area.name)",
            body: body(
                profile, results: results, view: view, gaps: gaps, maps: maps, change: change, provenance: provenance),
            provenance: provenance?.line)
    }

    /// The profile's content without the page around it, for a page of the workspace.
    public static func body(
        _ profile: NeedProfile, results: [IndicatorResult], view: BoroughView, gaps: [EqualityNeed],
        maps: ReportMaps? = nil, change: EditionChange? = nil, provenance: Provenance? = nil
    ) -> String {
        var body = heading(profile.area, view: view)
        if let provenance { body += "<p class=\"provenance\">\(HTML.escape(provenance.line))</p>\n" }
        if let maps, maps.coversBorough { body += mapFigures(maps, profile: profile) }
        body += domainsSection(profile)
        if let change { body += editionsSection(change, area: profile.area) }
        body += indicatorsSection(results, area: profile.area.name)
        body += equalityGapsSection(gaps, area: profile.area)
        body += wardsSection(view)
        if let provenance { body += "<h2>Provenance</h2>\n" + provenance.html }
        return body
    }

    /// The page's title and lead: the area's name, level and code, and the area it lies in (named when it is
    /// the view's borough).
    static func heading(_ a: Area, view: BoroughView) -> String {
        "<h1>\(HTML.escape(a.name))</h1>\n<p class=\"lead\">\(HTML.escape(a.level.rawValue.capitalized)) "
            + "\(HTML.escape(a.code))"
            + (a.parent.map { " in \(HTML.escape(view.borough.area.code == $0 ? view.borough.area.name : $0))" } ?? "")
            + ": local needs profile.</p>\n"
    }

    /// The ward maps side by side: deprivation (when known), then the profile's greatest need.
    static func mapFigures(_ maps: ReportMaps, profile: NeedProfile) -> String {
        let figures =
            (maps.deprivation().map { [$0] } ?? []) + (profile.scored.first.map { [maps.need($0.domain)] } ?? [])
        return "<div class=\"maps\">" + figures.enumerated().map { $0.element.figure(id: "map-\($0.offset)") }.joined()
            + "</div>\n"
    }

    /// The section of needs by domain: each domain's level, score and strongest evidence (or its note), worst first.
    static func domainsSection(_ profile: NeedProfile) -> String {
        var html = "<h2>Needs by domain</h2>\n"
        html += HTML.table(
            caption: "Need domains, worst first", header: ["Domain", "Level", "Score", "Strongest evidence"],
            rows: profile.domains.map { d in
                [
                    d.domain.name, d.level.rawValue, d.score.written(.score, missing: "—"),
                    d.evidence.first.map { "\($0.result.name): \($0.result.summary)" } ?? (d.note ?? ""),
                ]
            }, numeric: [2])
        return html
    }

    /// The section of the area's deprivation in both IoD editions: each domain's average decile in each and the
    /// move, with MHCLG's caution; nothing for an area without moves (the borough).
    static func editionsSection(_ change: EditionChange, area: Area) -> String {
        movesSection(
            change, caption: "Population-weighted average decile (1 = the most deprived 10% of England)",
            first: "Domain", rows: change.moves(of: area.code).map { ($0.domainName, $0) })
    }

    /// The section of every ward's overall deprivation (the IMD) in both IoD editions and its move, with MHCLG's
    /// caution; nothing when no ward has a move.
    public static func wardMovesSection(_ change: EditionChange, wards: [Area]) -> String {
        movesSection(
            change,
            caption: "Each ward's population-weighted average IMD decile (1 = the most deprived 10% of England)",
            first: "Ward",
            rows: wards.sorted { $0.name < $1.name }.compactMap { ward in
                change.move(of: ward.code).map { (ward.name, $0) }
            })
    }

    /// A section of moves between IoD editions, each row named (a domain, a ward), under MHCLG's caution; nothing
    /// without rows.
    static func movesSection(
        _ change: EditionChange, caption: String, first: String, rows: [(name: String, move: EditionChange.Move)]
    ) -> String {
        guard !rows.isEmpty else { return "" }
        return "<h2>Deprivation in IoD\(change.older) and IoD\(change.newer)</h2>\n"
            + "<p>\(HTML.escape(change.caution))</p>\n"
            + HTML.table(
                caption: caption, header: [first, "IoD\(change.older)", "IoD\(change.newer)", "Change", "Move"],
                rows: rows.map { name, m in
                    [
                        name, m.from.written(.shortScore), m.to.written(.shortScore), m.change.written(.signedScore),
                        change.sentence(m),
                    ]
                }, numeric: [1, 2, 3])
    }

    /// The section of indicators against the parent area and England, strongest need signal first: a spine chart
    /// of the area's (named `area`) strongest, then a table of every one that is not a raw count.
    static func indicatorsSection(_ results: [IndicatorResult], area: String) -> String {
        var html = "<h2>Indicators against the parent area and England</h2>\n"
        let ordered = results.strongestFirst
        if let chart = SpineChart.svg(ordered, area: area) {
            html +=
                "<figure>" + chart
                + "<figcaption>The 14 indicators (counts aside) with the strongest need signal, each "
                + "centred on England with worse to the left; all are in the table below.</figcaption></figure>\n"
        }
        html += HTML.table(
            caption: "Indicators (shares, rates, ranks and scores; raw counts are in the CSV tables)",
            header: ["Indicator", "Period", "Value", "Parent", "England", "vs England", "Rank", "Trend"],
            rows: ordered.filter { $0.unit != "count" }.map { r in
                [
                    r.name, r.period, r.value.written(.statistic),
                    (r.parent?.value).written(.statistic),
                    (r.england?.value).written(.statistic),
                    r.england?.significance95.rawValue ?? "",
                    r.rank.map { "\($0) of \(r.rankedAmong!)" } ?? "", r.trend ?? "",
                ]
            }, numeric: [2, 3, 4, 6])
        return html
    }

    /// The section of the equality action plan's gaps placed in the area or borough-wide, with the size of each
    /// gap's groups there.
    static func equalityGapsSection(_ gaps: [EqualityNeed], area a: Area) -> String {
        var html = "<h2>Equality gaps</h2>\n"
        let here = gaps.filter { g in g.places.contains { $0.code == a.code } || g.gap.isBoroughWide }
        html +=
            here.isEmpty
            ? "<p>No action plan gap is placed here.</p>\n"
            : HTML.table(
                caption: "Equality Analysis action plan gaps placed here (or borough-wide)",
                header: ["Action", "Groups", "Disadvantage", "Group size here"],
                rows: here.map { g in
                    [
                        g.gap.action, g.gap.characteristics.joined(separator: ", "), g.gap.disadvantage,
                        g.groupSizes.filter { $0.area.code == a.code }.prefix(3).map {
                            "\($0.name): \($0.value.written(.statistic(decimals: 1)))"
                        }
                        .joined(separator: "; "),
                    ]
                })
        return html
    }

    /// The section of the borough's wards: a heat map of every ward's need scores by domain.
    static func wardsSection(_ view: BoroughView) -> String {
        "<h2>The borough's wards</h2>\n<figure>"
            + SVGCharts.heatMap(view.wardProfiles, title: "Ward needs by domain")
            + "<figcaption>Need scores of every ward: orange is worse, blue better; a dash is no "
            + "data.</figcaption></figure>\n"
    }

    /// The profile as Markdown; with `change`, the area's deciles in both IoD editions and the move.
    public static func markdown(
        _ profile: NeedProfile, results: [IndicatorResult], change: EditionChange? = nil
    ) -> String {
        var md = [
            "# \(profile.area.name) (\(profile.area.code))", "", "## Needs by domain", "",
            "| Domain | Level | Score | Evidence |", "|---|---|---|---|",
        ]
        md += profile.domains.map { d in
            "| \(d.domain.name) | \(d.level) | \(d.score.written(.score, missing: "—")) | "
                + (d.evidence.first.map { "\($0.result.name): \($0.result.summary)" } ?? d.note ?? "") + " |"
        }
        md += [
            "", "## Indicators", "", "| Indicator | Period | Value | Parent | England | vs England | Rank | Trend |",
            "|---|---|---|---|---|---|---|---|",
        ]
        md += results.map { r in
            "| \(r.name) | \(r.period) | \(r.value.written(.plain)) | \((r.parent?.value).written(.plain)) | "
                + "\((r.england?.value).written(.plain)) | \(r.england?.significance95.rawValue ?? "") | "
                + "\(r.rank.map { "\($0) of \(r.rankedAmong ?? 0)" } ?? "") | \(r.trend ?? "") |"
        }
        if let change, !change.moves(of: profile.area.code).isEmpty {
            md += [
                "", "## Deprivation in IoD\(change.older) and IoD\(change.newer)", "", change.caution, "",
                "| Domain | IoD\(change.older) | IoD\(change.newer) | Move |", "|---|---|---|---|",
            ]
            md += change.moves(of: profile.area.code).map {
                "| \($0.domainName) | \($0.from.written(.shortScore)) | \($0.to.written(.shortScore)) | "
                    + "\(change.sentence($0)) |"
            }
        }
        return Markdown.document(md) + "\n"
    }
}
