/// Something measured about areas: a Fingertips indicator, a census category, a deprivation domain.
public struct Indicator: Hashable, Codable, Sendable {
    /// A stable identifier: the Fingertips indicator ID, or a source-qualified slug such as
    /// `census2021:number-of-cars-or-vans:no-cars-or-vans-in-household:percent`.
    public var id: String
    /// The name a user would read.
    public var name: String
    /// The unit: `%`, `count`, `per 100,000`, `rank`, `decile`, `score`, …; empty when the source does not say.
    public var unit: String
    /// Which direction is good.
    public var polarity: Polarity
    /// Where it came from (e.g. `OHID Fingertips`, `ONS Census 2021`, `MHCLG IoD2019`).
    public var source: String

    /// Makes an indicator; the unit is empty and the polarity unknown unless given.
    public init(id: String, name: String, unit: String = "", polarity: Polarity = .unknown, source: String) {
        self.id = id
        self.name = name
        self.unit = unit
        self.polarity = polarity
        self.source = source
    }
}

extension Indicator {
    /// This description with what it lacks filled in from a later one of the same indicator: a unit, a polarity,
    /// and a name where this one is only Fingertips' placeholder.
    public func completed(by later: Indicator) -> Indicator {
        var known = self
        if known.polarity == .unknown { known.polarity = later.polarity }
        if known.unit.isEmpty { known.unit = later.unit }
        if known.name.hasPrefix("Fingertips indicator ") { known.name = later.name }
        return known
    }
}

/// The indicators a set of files describes, without their figures: what checking them against the taxonomy
/// needs, in memory that does not grow with the number of rows.
public final class IndicatorSet: EvidenceSink {
    /// Each indicator by id, completed as ``Dataset`` completes them.
    public private(set) var indicators: [String: Indicator] = [:]

    /// An empty set.
    public init() {}

    /// Ignores the area: only indicators are kept.
    public func add(_ area: Area) {}

    /// Keeps the indicator, or completes the one already held with it (``Indicator/completed(by:)``).
    public func add(_ indicator: Indicator) {
        indicators[indicator.id] = indicators[indicator.id].map { $0.completed(by: indicator) } ?? indicator
    }

    /// Ignores the figure, and never throws: only indicators are kept.
    /// - Throws: never; it is marked `throws` only to have the signature of ``EvidenceSink``.
    public func add(_ observation: Observation) throws {}
}

/// Whether a higher value of an indicator is better, worse, or neither.
public enum Polarity: String, Codable, Sendable, CaseIterable {
    /// A higher value is better.
    case higherIsBetter = "higher is better"
    /// A lower value is better.
    case lowerIsBetter = "lower is better"
    /// Neither direction is better, e.g. the size of a group.
    case neither
    /// The source gave no polarity; a taxonomy or metadata file may supply one.
    case unknown

    /// Reads the wordings sources use: Fingertips (`RAG - Low is good`, `Low is good`, `BOB`...),
    /// our own (`higher is better`) and short forms (`higher`, `lower`, `+`, `-`).
    public init?(text: String) {
        let t = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        switch t {
        case "higher is better", "high is good", "rag - high is good", "higher", "high", "+", "up":
            self = .higherIsBetter
        case "lower is better", "low is good", "rag - low is good", "lower", "low", "-", "down":
            self = .lowerIsBetter
        case "neither", "no judgement", "not applicable", "bob", "blue orange blue", "bob - blue orange blue",
            "rag - neither", "none":
            self = .neither
        case "", "unknown": self = .unknown
        default: return nil
        }
    }
}
