import Evidence
import Formatting
import NeedsAnalysis
import Reports
import Toolkit

/// The borough overview (the ward map by the chosen need domain, the top needs with their evidence, the
/// equality gaps, each ward's move between IoD editions) and each ward's profile.
enum BoroughPages {
    /// The overview; `domain` is the need domain the map shows (by default the borough's greatest need that its
    /// wards have figures for).
    static func overview(_ borough: Borough, domain requested: String?) -> String {
        let view = borough.view
        let domains = view.wardProfiles.first?.domains.map(\.domain) ?? []
        let mapped = Set(view.wardProfiles.flatMap { $0.scored.map(\.domain.id) })
        let chosen =
            domains.first { $0.id == requested } ?? view.borough.scored.first { mapped.contains($0.domain.id) }?.domain
            ?? domains.first { mapped.contains($0.id) } ?? domains.first
        var html =
            "<h1>\(HTML.escape(view.borough.area.name)): local needs</h1>\n"
            + "<p class=\"provenance\">\(HTML.escape(borough.provenance.line))</p>\n"
        html +=
            "<form method=\"get\" action=\"/\"><label for=\"domain\">Show need on the map for</label> <select "
            + "id=\"domain\" name=\"domain\">"
            + domains.map {
                "<option value=\"\(HTML.escape($0.id))\"\($0.id == chosen?.id ? " selected" : "")>"
                    + "\(HTML.escape($0.name))</option>"
            }.joined()
            + "</select> <button type=\"submit\">Show</button></form>\n"
        if let maps = borough.maps, maps.coversBorough, let chosen {
            html +=
                "<div class=\"maps\">" + maps.need(chosen).figure(id: "map-need", link: { "/wards/\($0)" })
                + (maps.deprivation()?.figure(id: "map-imd", link: { "/wards/\($0)" }) ?? "") + "</div>\n"
                + "<p class=\"hint\">Select a ward on the map, or in the list below, for its profile.</p>\n"
        } else {
            html +=
                "<p class=\"note\">No ward boundaries cover this borough (the server was started without a GeoJSON "
                + "file of its wards), so the map is left out.</p>\n"
        }
        html += topNeeds(view)
        html += equalityGaps(borough.equalityNeeds)
        html +=
            "<h2>Every ward</h2>\n<figure>"
            + SVGCharts.heatMap(view.wardProfiles, title: "Ward needs by domain, \(view.borough.area.name)")
            + "<figcaption>Need scores of every ward by domain: orange is worse, blue better; a dash is no "
            + "data.</figcaption></figure>\n"
        if let change = borough.editionChange {
            html += ProfilePage.wardMovesSection(change, wards: borough.analysis.wards)
        }
        html +=
            "<ul class=\"wards\">"
            + borough.analysis.wards.sorted { $0.name < $1.name }.map {
                "<li><a href=\"/wards/\(HTML.escape($0.code))\">\(HTML.escape($0.name))</a></li>"
            }.joined() + "</ul>\n"
        return html
    }

    /// The borough's needs at or above the high level, worst first, with the evidence behind each, and the wards
    /// that stand out on each domain.
    static func topNeeds(_ view: BoroughView) -> String {
        var html = "<h2>Top needs</h2>\n"
        html += HTML.table(
            caption: "The borough's need domains, worst first",
            header: ["Domain", "Level", "Score", "Strongest evidence"],
            rows: view.borough.scored.prefix(6).map { d in
                [
                    d.domain.name, d.level.rawValue, d.score.written(.score, missing: "—"),
                    d.evidence.first.map { "\($0.result.name): \($0.result.summary)" } ?? (d.note ?? ""),
                ]
            }, numeric: [2])
        let standing = view.standouts.filter { !$0.wards.isEmpty }
        if !standing.isEmpty {
            html += HTML.table(
                caption: "Wards with high need, by domain", header: ["Domain", "Wards (score)"],
                rows: standing.map { s in
                    [
                        s.domain.name,
                        s.wards.prefix(8).map { "\($0.ward.name) (\($0.score.written(.score)))" }.joined(
                            separator: ", ")
                            + (s.wards.count > 8 ? " and \(s.wards.count - 8) more" : ""),
                    ]
                })
        }
        return html
    }

    /// The equality action plan's gaps and where they are.
    static func equalityGaps(_ needs: [EqualityNeed]) -> String {
        guard !needs.isEmpty else {
            return
                "<h2>Equality gaps</h2>\n<p>No Equality Analysis action plan was loaded (the server was started "
                + "without one).</p>\n"
        }
        return "<h2>Equality gaps</h2>\n"
            + HTML.table(
                caption: "Gaps from the Equality Analysis action plan",
                header: ["Action", "Groups", "Where", "Disadvantage"],
                rows: needs.map { n in
                    [
                        n.gap.action, n.gap.characteristics.joined(separator: ", "),
                        n.gap.isBoroughWide ? "borough-wide" : n.places.map(\.name).joined(separator: ", "),
                        n.gap.disadvantage,
                    ]
                })
    }

    /// What the workspace's answers rest on: every file read, its publisher, edition, coverage, licence and
    /// checksum, with the warnings and attribution lines (the register a report's provenance carries).
    static func sources(_ borough: Borough) -> String {
        "<h1>Sources</h1>\n<p class=\"lead\">What every page of \(HTML.escape(borough.analysis.borough.name)) rests on."
            + "</p>\n" + borough.provenance.html
    }

    /// A ward's profile: its needs with charts against the borough and England, the gaps placed there.
    static func ward(_ borough: Borough, ward: Area) -> String { borough.profile(of: ward).body }
}
