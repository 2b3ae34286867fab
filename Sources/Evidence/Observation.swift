/// One figure: an indicator's value for an area, period and breakdown, with its confidence limits and notes.
public struct Observation: Hashable, Codable, Sendable {
    /// The ``Indicator/id`` it measures.
    public var indicator: String
    /// The ``Area/code`` it describes.
    public var area: String
    /// The period as the source writes it: `2019/20`, `2018 - 20`, `2021`, `2015 Q1`.
    public var period: String
    /// Sex, age and category breakdown.
    public var breakdown: Breakdown
    /// The value, or `nil` when missing or suppressed (see ``missing``).
    public var value: Double?
    /// Why the value is missing, when it is.
    public var missing: MissingReason?
    /// 95% confidence limits, where given.
    public var lower95: Double?
    /// The upper 95% confidence limit, where given.
    public var upper95: Double?
    /// 99.8% confidence limits, where given.
    public var lower998: Double?
    /// The upper 99.8% confidence limit, where given.
    public var upper998: Double?
    /// The numerator count and the denominator, where given.
    public var count: Double?
    /// The denominator, where given.
    public var denominator: Double?
    /// The source's note on the value (e.g. Fingertips' value note).
    public var note: String?
    /// The source's own comparisons and trend, kept as given (Fingertips' "compared to" columns).
    public var comparedToEngland: String?
    /// The source's comparison with the parent area (e.g. the region), as given.
    public var comparedToParent: String?
    /// The source's recent trend, as given.
    public var recentTrend: String?
    /// The file the figure came from.
    public var source: String

    /// Makes a figure; everything but the indicator, area, period, value and source is optional.
    @inlinable
    public init(
        indicator: String, area: String, period: String, breakdown: Breakdown = Breakdown(),
        value: Double?, missing: MissingReason? = nil,
        lower95: Double? = nil, upper95: Double? = nil, lower998: Double? = nil, upper998: Double? = nil,
        count: Double? = nil, denominator: Double? = nil, note: String? = nil,
        comparedToEngland: String? = nil, comparedToParent: String? = nil, recentTrend: String? = nil,
        source: String
    ) {
        self.indicator = indicator
        self.area = area
        self.period = period
        self.breakdown = breakdown
        self.value = value
        self.missing = missing
        self.lower95 = lower95
        self.upper95 = upper95
        self.lower998 = lower998
        self.upper998 = upper998
        self.count = count
        self.denominator = denominator
        self.note = note
        self.comparedToEngland = comparedToEngland
        self.comparedToParent = comparedToParent
        self.recentTrend = recentTrend
        self.source = source
    }
}

/// The population a figure is for: sex, age band and a category within a category type
/// (e.g. `Ethnic groups` / `Asian`, or `County & UA deprivation deciles` / `Most deprived decile`).
public struct Breakdown: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The sex, e.g. `Persons`; empty when not broken down by sex.
    public var sex: String
    /// The age band, e.g. `18+ yrs`; empty when not broken down by age.
    public var age: String
    /// The kind of category, e.g. `Ethnic groups`; empty when there is none.
    public var categoryType: String
    /// The category within ``categoryType``, e.g. `Asian`; empty when there is none.
    public var category: String

    /// A breakdown; every part defaults to empty, so `Breakdown()` is no breakdown.
    @inlinable
    public init(sex: String = "", age: String = "", categoryType: String = "", category: String = "") {
        self.sex = sex
        self.age = age
        self.categoryType = categoryType
        self.category = category
    }

    /// `Persons; 18+ yrs; Ethnic groups: Asian`, leaving out empty parts.
    public var description: String {
        var parts: [String] = []
        if !sex.isEmpty { parts.append(sex) }
        if !age.isEmpty { parts.append(age) }
        if !categoryType.isEmpty || !category.isEmpty {
            parts.append(categoryType.isEmpty ? category : "\(categoryType): \(category)")
        }
        return parts.joined(separator: "; ")
    }
}
