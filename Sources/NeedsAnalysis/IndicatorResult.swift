import Evidence
import Formatting

/// One indicator for one area: its latest figure, compared with the parent area, England and sibling areas,
/// its trend, and the need signal it contributes (positive = worse than typical).
public struct IndicatorResult: Codable, Sendable, Hashable {
    /// The indicator's id.
    public var indicator: String
    /// The indicator's name.
    public var name: String
    /// The indicator's unit (e.g. `%`, `rate`, `count`).
    public var unit: String
    /// The polarity used: the taxonomy's, or the indicator's own.
    public var polarity: Polarity
    /// The area's code.
    public var area: String
    /// The period of the latest figure, as the source writes it.
    public var period: String
    /// The headline breakdown analysed (e.g. `Persons; 18+ yrs`); empty when it has no parts.
    public var breakdown: String
    /// The latest headline value.
    public var value: Double
    /// The lower limit of the value's 95% confidence interval, where the source gives one.
    public var lower95: Double?
    /// The upper limit of the value's 95% confidence interval, where the source gives one.
    public var upper95: Double?
    /// The comparison with the parent area in the same period; nil when it has no figure.
    public var parent: Comparison?
    /// The comparison with England in the same period; nil when England has no figure (or the area is England).
    public var england: Comparison?
    /// Rank among sibling areas, 1 = worst (polarity-aware), with the number ranked and the quintile (1 = worst 20%).
    public var rank: Int?
    /// The number of sibling areas ranked, this one included.
    public var rankedAmong: Int?
    /// The quintile of the rank, 1 = worst 20%.
    public var quintile: Int?
    /// Standard deviations worse than the siblings' mean (negative = better).
    public var zScore: Double?
    /// The siblings, e.g. `25 wards of Rotherham`, and the lowest and highest of their values.
    public var siblings: String?
    /// The lowest value among the siblings.
    public var siblingMinimum: Double?
    /// The highest value among the siblings.
    public var siblingMaximum: Double?
    /// `improving`, `worsening` or `no clear change`, over `trendPeriods`.
    public var trend: String?
    /// The periods with a value, oldest first; empty when there are fewer than two.
    public var trendPeriods: [String]
    /// The values over `trendPeriods`, for a sparkline.
    public var trendValues: [Double]
    /// The local need signal in −3…3 (positive = worse) and how it was derived.
    public var signal: Double?
    /// How the local signal was derived (e.g. `z-score among 25 wards of Rotherham`), or why there is none.
    public var signalBasis: String
    /// The national need signal (the area's position in England: a national decile, or the comparison with
    /// England) and how it was derived; nil when the data place the area nowhere in England.
    public var nationalSignal: Double?
    /// How the national signal was derived (e.g. `against England: +0.50`); nil when there is none.
    public var nationalBasis: String?
    /// The file the figure came from.
    public var source: String
}

extension IndicatorResult {
    /// `7.9% (worse than England 5.1%; z 1.8 among 25 wards)`: the figure and its comparisons in one line.
    public var summary: String {
        let shownUnit = unit == "%" ? "%" : ["", "count", "rate"].contains(unit) ? "" : " \(unit)"
        var parts = ["\(value.written(.statistic))\(shownUnit) (\(period.isEmpty ? "no period given" : period))"]
        if let england {
            parts.append("England \(england.value.written(.statistic)), \(england.significance95.rawValue)")
        }
        if let parent { parts.append("\(parent.name) \(parent.value.written(.statistic))") }
        if let zScore, let siblings { parts.append("z \(zScore.written(.statistic(decimals: 1))) among \(siblings)") }
        if let nationalBasis, england == nil { parts.append(nationalBasis) }
        if let trend { parts.append(trend) }
        return parts.joined(separator: "; ")
    }
}

extension Sequence<IndicatorResult> {
    /// The results with the strongest need signal first, those without a signal last, ties by indicator id: the
    /// order every chart and table of an area's evidence uses.
    ///
    /// - Complexity: O(*n* log *n*).
    public var strongestFirst: [IndicatorResult] {
        sorted { ($0.signal ?? -.infinity, $1.indicator) > ($1.signal ?? -.infinity, $0.indicator) }
    }
}
