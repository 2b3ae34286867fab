import Catalogue
import Geography
import NeedsAnalysis

/// The ward maps a report shows, from the borough's boundaries and its analysis: where the contract is
/// delivered, need by domain, and deprivation (the IMD decile).
public struct ReportMaps: Sendable {
    let boundaries: Boundaries
    let attribution: String
    let view: BoroughView
    /// Ward code → its population-weighted average IMD decile (1 = most deprived), where rolled up.
    let deciles: [String: Double]
    /// The IoD edition of the deciles (`2025`).
    let edition: String
    /// The wards outlined: a contract's delivery wards (none for a borough-wide contract), or a profile's ward.
    let delivery: Set<String>
    /// What the outline means (`delivery area`, `this ward`).
    let outlineMeaning: String

    /// Oranges, from ColorBrewer: ordered, and read apart by people with the common colour-vision deficiencies.
    static let needColours = ["#a63603", "#e6550d", "#fdae6b", "#feedde"]
    /// Blues, darkest for the most deprived.
    static let decileColours = ["#08519c", "#3182bd", "#6baed6", "#bdd7e7", "#eff3ff"]

    /// The maps of a borough's wards.
    /// - Parameters:
    ///   - attribution: the boundaries' attribution, shown under each map.
    ///   - view: the borough view whose ward need scores the need maps show.
    ///   - deciles: ward code → its population-weighted average IMD decile (1 = most deprived), where rolled up.
    ///   - edition: the IoD edition of the deciles (`2025`).
    ///   - delivery: the wards outlined: a contract's delivery wards (none for a borough-wide contract).
    ///   - outlineMeaning: what the outline means, for the key and each outlined ward's title.
    public init(
        boundaries: Boundaries, attribution: String, view: BoroughView, deciles: [String: Double],
        edition: String, delivery: Set<String>, outlineMeaning: String = "delivery area"
    ) {
        self.edition = edition
        self.outlineMeaning = outlineMeaning
        self.boundaries = boundaries
        self.attribution = attribution
        self.view = view
        self.deciles = deciles
        self.delivery = delivery
    }

    /// The same maps with other wards outlined: a contract's delivery wards, or the ward a page is about.
    public func outlining(_ wards: Set<String>, meaning: String) -> ReportMaps {
        ReportMaps(
            boundaries: boundaries, attribution: attribution, view: view, deciles: deciles, edition: edition,
            delivery: wards, outlineMeaning: meaning)
    }

    /// True when the boundaries hold the borough's wards (at least one of them).
    public var coversBorough: Bool {
        let wards = Set(view.wardProfiles.map(\.area.code))
        return boundaries.shapes.contains { wards.contains($0.code) }
    }

    /// The delivery wards filled, the rest pale; for a borough-wide contract every ward.
    public func deliveryAreas() -> WardMap {
        let chosen = Key("delivery area", "#0b5394")
        let other = Key("elsewhere in the borough", "#e8eef7")
        let inside = delivery.isEmpty ? Set(view.wardProfiles.map(\.area.code)) : delivery
        let classes = Dictionary(
            uniqueKeysWithValues: view.wardProfiles.map {
                ($0.area.code, inside.contains($0.area.code) ? chosen : other)
            })
        let names = view.wardProfiles.filter { inside.contains($0.area.code) }.map(\.area.name).sorted()
        return WardMap(
            boundaries: boundaries, classes: classes, key: [chosen, other], outlined: [],
            title: "Where the contract is delivered",
            description: delivery.isEmpty
                ? "The whole of \(view.borough.area.name): all \(names.count) wards."
                : "Delivery wards: \(names.joined(separator: ", ")), among \(view.wardProfiles.count) wards of "
                    + "\(view.borough.area.name).",
            attribution: attribution)
    }

    /// Each ward's level of need on a domain, the delivery wards outlined.
    public func need(_ domain: NeedDomain) -> WardMap {
        let key = zip(NeedLevel.scored.map(\.rawValue), Self.needColours).map { Key($0, $1) }
        var classes: [String: Key] = [:]
        for profile in view.wardProfiles {
            guard let score = profile.domains.first(where: { $0.domain.id == domain.id }), score.score != nil else {
                continue
            }
            classes[profile.area.code] = key.first { $0.label == score.level.rawValue }
        }
        let high = view.wardProfiles.filter { classes[$0.area.code] == key[0] }.map(\.area.name).sorted()
        return WardMap(
            boundaries: boundaries, classes: classes, key: key, outlined: delivery, outlineMeaning: outlineMeaning,
            title: "\(domain.name): need by ward",
            description: "Level of need for \(domain.name) in each ward of \(view.borough.area.name). "
                + (high.isEmpty ? "No ward has high need." : "High need: \(high.joined(separator: ", ")).")
                + outlinedNote,
            attribution: attribution)
    }

    /// Each ward's population-weighted average IMD decile, in five bands; nil without deciles.
    public func deprivation() -> WardMap? {
        guard !deciles.isEmpty else { return nil }
        let bands = ["1 to 3 (most deprived)", "3 to 5", "5 to 7", "7 to 9", "9 to 10 (least deprived)"]
        let key = zip(bands, Self.decileColours).map { Key($0, $1) }
        let classes = deciles.mapValues { key[min(4, max(0, Int(($0 - 1) / 2)))] }
        let most = view.wardProfiles.filter { classes[$0.area.code] == key[0] }.map(\.area.name).sorted()
        return WardMap(
            boundaries: boundaries, classes: classes, key: key, outlined: delivery, outlineMeaning: outlineMeaning,
            title: "Deprivation: average IMD decile by ward",
            description: "Population-weighted average decile of the Index of Multiple Deprivation \(edition) in each "
                + "ward (1 = the most deprived 10% of England). "
                + (most.isEmpty ? "" : "Deciles 1 to 3 on average: \(most.joined(separator: ", ")).") + outlinedNote,
            attribution: attribution)
    }

    private var outlinedNote: String { delivery.isEmpty ? "" : " Outlined in black: \(outlineMeaning)." }

    typealias Key = WardMap.Key
}
