import Evidence
import Formatting
import Foundation
import NeedsAnalysis
import Reports

/// One area's profile, laid out for `svtk profile` and the workspace's ward page alike: its needs by domain,
/// its indicators against the borough and England, the equality gaps placed in it, the maps with it outlined,
/// its deprivation in both IoD editions where both are loaded, and the provenance.
public struct WardProfile {
    /// The borough it belongs to.
    public let borough: Borough
    /// The area profiled: a ward, or the borough itself.
    public let area: Area
    /// Its needs by domain.
    public let profile: NeedProfile
    /// Its indicators.
    public let results: [IndicatorResult]

    /// The maps with the area outlined when it is a ward.
    public var maps: ReportMaps? {
        borough.maps?.outlining(area.level == .ward ? [area.code] : [], meaning: "this ward")
    }

    /// The profile as a self-contained HTML page.
    public var html: String {
        ProfilePage.html(
            profile, results: results, view: borough.view, gaps: borough.equalityNeeds, maps: maps,
            change: borough.editionChange, provenance: borough.provenance)
    }

    /// The profile as the body of a workspace page.
    public var body: String {
        ProfilePage.body(
            profile, results: results, view: borough.view, gaps: borough.equalityNeeds, maps: maps,
            change: borough.editionChange, provenance: borough.provenance)
    }

    /// The profile in Markdown.
    public var markdown: String { ProfilePage.markdown(profile, results: results, change: borough.editionChange) }

    /// Its tables: the domains, the indicators and the provenance.
    public var tables: [Table] {
        let indicators = [
            "indicator", "name", "period", "value", "parent", "england", "significance", "rank", "of", "trend",
            "signal",
        ]
        return [
            Table(
                "domains", ["domain", "level", "score", "note"],
                profile.domains.map {
                    [$0.domain.id, $0.level.rawValue, $0.score.written(.preciseScore), $0.note ?? ""]
                }
            ),
            Table("indicators", indicators, results.map(Self.row)),
            borough.provenance.table,
        ]
    }

    /// An indicator's row of the indicators table.
    static func row(_ r: IndicatorResult) -> [String] {
        [
            r.indicator, r.name, r.period, r.value.written(.plain), (r.parent?.value).written(.plain),
            (r.england?.value).written(.plain), r.england?.significance95.rawValue ?? "",
            r.rank.map(String.init) ?? "", r.rankedAmong.map(String.init) ?? "", r.trend ?? "",
            r.signal.written(.preciseScore),
        ]
    }
}

extension Borough {
    /// An area's profile.
    public func profile(of area: Area) -> WardProfile {
        WardProfile(
            borough: self, area: area, profile: analysis.profile(for: area.code),
            results: analysis.results(for: area.code))
    }

}
