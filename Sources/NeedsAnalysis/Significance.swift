import Evidence

/// How a value compares with a reference value, judged from the value's confidence interval the way
/// Fingertips does ("confidence intervals overlapping reference value"): significantly higher when the whole
/// interval is above the reference, lower when below, similar when it contains it. With a polarity,
/// higher and lower become better and worse.
public enum Significance: String, Codable, Sendable {
    case better, similar, worse, higher, lower
    case notCompared = "not compared"

    /// Compares an interval with a reference value.
    public static func judge(lower: Double?, upper: Double?, reference: Double?, polarity: Polarity) -> Significance {
        guard let lower, let upper, let reference else { return .notCompared }
        let direction: Significance
        if lower > reference {
            direction = .higher
        } else if upper < reference {
            direction = .lower
        } else {
            return .similar
        }
        switch polarity {
        case .higherIsBetter: return direction == .higher ? .better : .worse
        case .lowerIsBetter: return direction == .higher ? .worse : .better
        case .neither, .unknown: return direction
        }
    }
}

/// A value set beside a comparator (the parent area or England).
public struct Comparison: Codable, Sendable, Hashable {
    /// The comparator's area code and name.
    public var area: String
    /// The comparator's name.
    public var name: String
    /// The comparator's value in the same period.
    public var value: Double
    /// value − comparator.
    public var difference: Double
    /// value ÷ comparator (nil when the comparator is 0).
    public var ratio: Double?
    /// Judged at 95% (and 99.8% where those limits are given).
    public var significance95: Significance
    /// Judged at 99.8%; `not compared` when the 99.8% limits are not given.
    public var significance998: Significance
}
