import NeedsAnalysis
import Recommender

/// The area a recommendation's report charts and the evidence shown for it, decided in one place for the command
/// line's report and the workspace's pages and tender pack: the first delivery ward, or the borough for a
/// borough-wide contract; its indicators strongest signal first.
public struct ChartedArea {
    /// The charted area's need profile.
    public let profile: NeedProfile
    /// Its indicators, strongest signal first (ties by indicator id).
    public let results: [IndicatorResult]
    /// The delivery wards to outline on the maps (none: the whole borough).
    public let outlined: Set<String>

    /// The charted area of a recommendation in an analysed borough. A recommendation saved before it carried its
    /// delivery wards has them resolved from its profile's areas, as the recommender would.
    ///
    /// - Complexity: O(*n* log *n*) in the area's indicators.
    public init(_ r: Recommendation, in analysis: NeedsAnalysis) {
        let wards = Self.deliveryWards(r, in: analysis)
        let code = wards.first ?? analysis.borough.code
        profile = analysis.profile(for: code)
        results = analysis.results(for: code).strongestFirst
        outlined = Set(wards)
    }

    /// A recommendation's delivery ward codes, resolved from its profile's areas for one saved before it carried
    /// them; none for a borough-wide contract. The maps need only these, not the charted area's evidence.
    public static func deliveryWards(_ r: Recommendation, in analysis: NeedsAnalysis) -> [String] {
        r.deliveryWards.isEmpty
            ? r.contract.areas.compactMap { analysis.ward(named: $0)?.code } : r.deliveryWards.map(\.code)
    }
}
