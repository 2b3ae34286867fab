/// Observations stored column by column: interned symbols for indicator, area, period, breakdown and source,
/// values as `Double` (NaN for none) with a missing-reason byte, and the optional columns (confidence limits,
/// count, denominator, notes, the source's own comparisons) only once some observation has them.
///
/// About 45 bytes a figure where an ``Observation`` takes over 300. Read as a random-access collection of
/// ``Observation`` values (a row view), made on read from shared strings without copying them.
public struct ObservationTable: RandomAccessCollection, Sendable {
    /// The interned texts (indicator ids, area codes, periods, sources, notes).
    public private(set) var symbols = Symbols()
    private var breakdowns = Interner(none: Breakdown())

    private var indicator: [UInt32] = []
    private var area: [UInt32] = []
    private var period: [UInt32] = []
    private var breakdown: [UInt32] = []
    private var source: [UInt32] = []
    private var value: [Double] = []
    private var missing: [UInt8] = []
    private var optionalNumbers = [[Double]](repeating: [], count: NumberColumn.allCases.count)
    private var optionalTexts = [[UInt32]](repeating: [], count: TextColumn.allCases.count)

    private enum NumberColumn: Int, CaseIterable { case lower95, upper95, lower998, upper998, count, denominator }
    private enum TextColumn: Int, CaseIterable { case note, comparedToEngland, comparedToParent, recentTrend }

    /// An empty table.
    public init() {}

    /// The first position, 0.
    public var startIndex: Int { 0 }
    /// The position after the last observation: the number of observations.
    public var endIndex: Int { indicator.count }

    /// The observation at a position, made from the columns.
    ///
    /// - Complexity: O(1).
    public subscript(position: Int) -> Observation {
        Observation(
            indicator: symbols[indicator[position]], area: symbols[area[position]], period: symbols[period[position]],
            breakdown: breakdowns[breakdown[position]], value: value[position].unlessNaN,
            missing: missing[position] == 0 ? nil : MissingReason.allCases[Int(missing[position]) - 1],
            lower95: number(.lower95, position), upper95: number(.upper95, position),
            lower998: number(.lower998, position), upper998: number(.upper998, position),
            count: number(.count, position), denominator: number(.denominator, position),
            note: text(.note, position), comparedToEngland: text(.comparedToEngland, position),
            comparedToParent: text(.comparedToParent, position), recentTrend: text(.recentTrend, position),
            source: symbols[source[position]])
    }

    /// The indicator id of the observation at a position, without making the whole row.
    public func indicatorID(at position: Int) -> String { symbols[indicator[position]] }

    /// The area code of the observation at a position, without making the whole row.
    public func areaCode(at position: Int) -> String { symbols[area[position]] }

    /// The period of the observation at a position, without making the whole row.
    public func period(at position: Int) -> String { symbols[period[position]] }

    /// The breakdown of the observation at a position, without making the whole row.
    public func breakdown(at position: Int) -> Breakdown { breakdowns[breakdown[position]] }

    /// The source (file) of the observation at a position, without making the whole row.
    public func source(at position: Int) -> String { symbols[source[position]] }

    /// The value at a position, without making the whole row.
    public func value(at position: Int) -> Double? { value[position].unlessNaN }

    /// The identity of a figure as four symbols: indicator, area, period and breakdown.
    public struct FigureKey: Hashable, Sendable {
        let indicator: UInt32, area: UInt32, period: UInt32, breakdown: UInt32
    }

    /// The key an observation would have here, interning its texts.
    mutating func key(of observation: Observation) -> FigureKey {
        FigureKey(
            indicator: symbols.intern(observation.indicator), area: symbols.intern(observation.area),
            period: symbols.intern(observation.period), breakdown: breakdowns.intern(observation.breakdown))
    }

    /// The symbols a batch row shares: its area, period, source and the empty breakdown.
    struct Row {
        let area: UInt32, period: UInt32, source: UInt32, breakdown: UInt32

        func key(indicator: UInt32) -> FigureKey {
            FigureKey(indicator: indicator, area: area, period: period, breakdown: breakdown)
        }
    }

    /// Interns a batch row's shared texts.
    mutating func row(area: String, period: String, source: String) -> Row {
        Row(
            area: symbols.intern(area), period: symbols.intern(period), source: symbols.intern(source),
            breakdown: breakdowns.intern(Breakdown()))
    }

    /// Interns indicator ids.
    mutating func intern(_ indicators: [String]) -> [UInt32] { indicators.map { symbols.intern($0) } }

    /// Appends one slot of a batch row, whose key was made by ``Row/key(indicator:)``.
    mutating func append(_ slot: Int, of batch: ObservationBatch, row: Row, key: FigureKey) {
        let position = indicator.count
        indicator.append(key.indicator)
        area.append(row.area)
        period.append(row.period)
        breakdown.append(row.breakdown)
        source.append(row.source)
        value.append(batch.values[slot])
        missing.append(Self.code(batch.missing[slot]))
        set(.count, batch.counts[slot], at: position)
        set(.denominator, batch.denominators[slot], at: position)
        for column in Self.limits where !optionalNumbers[column.rawValue].isEmpty {
            optionalNumbers[column.rawValue].append(.nan)
        }
        set(.note, batch.notes[slot], at: position)
        for column in Self.comparisons where !optionalTexts[column.rawValue].isEmpty {
            optionalTexts[column.rawValue].append(0)
        }
    }

    /// The columns a batch never fills.
    private static let limits: [NumberColumn] = [.lower95, .upper95, .lower998, .upper998]
    private static let comparisons: [TextColumn] = [.comparedToEngland, .comparedToParent, .recentTrend]

    private static func code(_ reason: MissingReason?) -> UInt8 {
        reason.map { UInt8(MissingReason.allCases.firstIndex(of: $0)! + 1) } ?? 0
    }

    /// Appends an observation whose key was made by ``key(of:)``.
    ///
    /// A value or limit that is NaN is stored as none.
    mutating func append(_ observation: Observation, key: FigureKey) {
        let position = indicator.count
        indicator.append(key.indicator)
        area.append(key.area)
        period.append(key.period)
        breakdown.append(key.breakdown)
        source.append(symbols.intern(observation.source))
        value.append(observation.value ?? .nan)
        missing.append(Self.code(observation.missing))
        set(.lower95, observation.lower95, at: position)
        set(.upper95, observation.upper95, at: position)
        set(.lower998, observation.lower998, at: position)
        set(.upper998, observation.upper998, at: position)
        set(.count, observation.count, at: position)
        set(.denominator, observation.denominator, at: position)
        set(.note, observation.note, at: position)
        set(.comparedToEngland, observation.comparedToEngland, at: position)
        set(.comparedToParent, observation.comparedToParent, at: position)
        set(.recentTrend, observation.recentTrend, at: position)
    }

    private mutating func set(_ column: NumberColumn, _ number: Double?, at position: Int) {
        let c = column.rawValue
        if optionalNumbers[c].isEmpty {
            guard let number, !number.isNaN else { return }
            optionalNumbers[c] = [Double](repeating: .nan, count: position)
        }
        optionalNumbers[c].append(number ?? .nan)
    }

    private mutating func set(_ column: TextColumn, _ text: String?, at position: Int) {
        let c = column.rawValue
        if optionalTexts[c].isEmpty {
            guard text != nil else { return }
            optionalTexts[c] = [UInt32](repeating: 0, count: position)
        }
        optionalTexts[c].append(text.map { symbols.intern($0) } ?? 0)
    }

    private func number(_ column: NumberColumn, _ position: Int) -> Double? {
        let values = optionalNumbers[column.rawValue]
        return values.isEmpty ? nil : values[position].unlessNaN
    }

    private func text(_ column: TextColumn, _ position: Int) -> String? {
        let values = optionalTexts[column.rawValue]
        return values.isEmpty || values[position] == 0 ? nil : symbols[values[position]]
    }

}

extension Double {
    /// The number, or nil for NaN: how the store's columns mark "none".
    var unlessNaN: Double? { isNaN ? nil : self }
}
