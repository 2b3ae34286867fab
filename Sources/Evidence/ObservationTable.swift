/// Observations stored column by column: interned symbols for indicator, area, period, breakdown and source,
/// values as `Double` (NaN for none) with a missing-reason byte, and the optional columns (confidence limits,
/// count, denominator, notes, the source's own comparisons) in blocks only where some observation has them
/// (``SparseColumn``).
///
/// About 25 bytes a figure, 8 to 16 more for its place in the index (``FigureIndex``) and 8 more for each optional
/// number it has, where an ``Observation`` takes over 300. Read as a random-access collection of ``Observation``
/// values (a row view), made on read from shared strings without copying them.
public struct ObservationTable: RandomAccessCollection, Sendable {
    /// The interned texts (indicator ids, area codes, periods, sources, notes).
    public private(set) var symbols = Symbols()
    private var breakdowns = Interner(none: Breakdown())

    /// What each figure is a figure of, and where each is found by that.
    private var keys = KeyColumns()
    private var index = FigureIndex()
    /// Each figure's file, in runs (a file's figures are appended together).
    private var source = RunColumn()
    private var value: [Double] = []
    private var missing: [UInt8] = []
    private var optionalNumbers = [SparseColumn<Double>](
        repeating: SparseColumn(none: .nan), count: NumberColumn.allCases.count)
    private var optionalTexts = [SparseColumn<UInt32>](
        repeating: SparseColumn(none: 0), count: TextColumn.allCases.count)

    private enum NumberColumn: Int, CaseIterable { case lower95, upper95, lower998, upper998, count, denominator }
    private enum TextColumn: Int, CaseIterable { case note, comparedToEngland, comparedToParent, recentTrend }

    /// An empty table.
    public init() {}

    /// The first position, 0.
    public var startIndex: Int { 0 }
    /// The position after the last observation: the number of observations.
    public var endIndex: Int { keys.indicator.count }

    /// The observation at a position, made from the columns.
    ///
    /// - Complexity: O(1).
    public subscript(position: Int) -> Observation {
        Observation(
            indicator: symbols[keys.indicator[position]], area: symbols[keys.area[position]],
            period: symbols[keys.period[position]],
            breakdown: breakdowns[keys.breakdown[position]], value: value[position].unlessNaN,
            missing: missing[position] == 0 ? nil : MissingReason.allCases[Int(missing[position]) - 1],
            lower95: number(.lower95, position), upper95: number(.upper95, position),
            lower998: number(.lower998, position), upper998: number(.upper998, position),
            count: number(.count, position), denominator: number(.denominator, position),
            note: text(.note, position), comparedToEngland: text(.comparedToEngland, position),
            comparedToParent: text(.comparedToParent, position), recentTrend: text(.recentTrend, position),
            source: symbols[source[position]])
    }

    /// The indicator id of the observation at a position, without making the whole row.
    public func indicatorID(at position: Int) -> String { symbols[keys.indicator[position]] }

    /// The area code of the observation at a position, without making the whole row.
    public func areaCode(at position: Int) -> String { symbols[keys.area[position]] }

    /// The period of the observation at a position, without making the whole row.
    public func period(at position: Int) -> String { symbols[keys.period[position]] }

    /// Whether the observations at two positions are of the same period, comparing their symbols.
    public func samePeriod(_ first: Int, _ second: Int) -> Bool { keys.period[first] == keys.period[second] }

    /// The symbol (in ``symbols``) of the indicator id at a position: equal symbols, equal ids.
    public func indicatorSymbol(at position: Int) -> UInt32 { keys.indicator[position] }

    /// The symbol (in ``symbols``) of the area code at a position: equal symbols, equal codes.
    public func areaSymbol(at position: Int) -> UInt32 { keys.area[position] }

    /// The symbol (in ``symbols``) of the period at a position: equal symbols, equal periods.
    public func periodSymbol(at position: Int) -> UInt32 { keys.period[position] }

    /// The number of the breakdown at a position, among the table's breakdowns: equal numbers, equal breakdowns.
    public func breakdownSymbol(at position: Int) -> UInt32 { keys.breakdown[position] }

    /// The denominator at a position, without making the whole row.
    public func denominator(at position: Int) -> Double? { number(.denominator, position) }

    /// The breakdown of the observation at a position, without making the whole row.
    public func breakdown(at position: Int) -> Breakdown { breakdowns[keys.breakdown[position]] }

    /// The source (file) of the observation at a position, without making the whole row.
    public func source(at position: Int) -> String { symbols[source[position]] }

    /// The symbol (in ``symbols``) of the file of the figure at a position: equal symbols, equal files.
    ///
    /// - Complexity: O(log *r*) in the table's runs of figures from one file.
    public func sourceSymbol(at position: Int) -> UInt32 { source[position] }

    /// The value at a position, without making the whole row.
    public func value(at position: Int) -> Double? { value[position].unlessNaN }

    /// Whether the figure at a position has this value and missing reason (a value the same to the bit).
    public func holds(value other: Double?, missing reason: MissingReason?, at position: Int) -> Bool {
        value[position].bitPattern == (other ?? .nan).bitPattern && missing[position] == Self.code(reason)
    }

    /// The identity of a figure as four symbols: indicator, area, period and breakdown.
    public struct FigureKey: Sendable {
        let indicator: UInt32, area: UInt32, period: UInt32, breakdown: UInt32
    }

    /// The four columns that say what each figure is a figure of.
    struct KeyColumns {
        var indicator: [UInt32] = [], area: [UInt32] = [], period: [UInt32] = [], breakdown: [UInt32] = []

        /// Whether the figure at a position has this key, reading its columns only until one differs (each read is a
        /// likely cache miss when probing).
        func holds(_ key: FigureKey, at position: Int) -> Bool {
            indicator[position] == key.indicator && area[position] == key.area && period[position] == key.period
                && breakdown[position] == key.breakdown
        }

        /// The key of the figure at a position.
        func key(at position: Int) -> FigureKey {
            FigureKey(
                indicator: indicator[position], area: area[position], period: period[position],
                breakdown: breakdown[position])
        }

        mutating func append(_ key: FigureKey) {
            indicator.appendCompactly(key.indicator)
            area.appendCompactly(key.area)
            period.appendCompactly(key.period)
            breakdown.appendCompactly(key.breakdown)
        }
    }

    /// The position of the figure `key` names, when the table holds it; nil when it does not, having recorded that
    /// it is appended next (by ``append(_:of:row:key:)`` or ``append(_:key:)``).
    ///
    /// - Complexity: O(1) expected (``FigureIndex``).
    mutating func firstPosition(of key: FigureKey) -> Int? {
        index.firstPosition(of: key, orRecord: endIndex, in: keys)
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
        let position = endIndex
        keys.append(key)
        source.append(row.source)
        value.appendCompactly(batch.values[slot])
        missing.appendCompactly(Self.code(batch.missing[slot]))
        set(.count, batch.counts[slot], at: position)
        set(.denominator, batch.denominators[slot], at: position)
        set(.note, batch.notes[slot], at: position)
    }

    /// Another table's symbols and breakdowns as this table's, looked up on first sight: so its figures are added by
    /// their symbols, each text interned here once rather than once a figure.
    struct Translation {
        fileprivate var symbols: [UInt32?]
        fileprivate var breakdowns: [UInt32?]

        /// A translation of the other table's symbols, none looked up yet.
        init(from other: ObservationTable) {
            symbols = Array(repeating: nil, count: other.symbols.count + 1)
            breakdowns = Array(repeating: nil, count: other.breakdowns.count + 1)
        }
    }

    /// The key the figure at a position of another table has here, interning its texts on first sight.
    mutating func key(at position: Int, of other: ObservationTable, _ translation: inout Translation) -> FigureKey {
        let theirs = other.keys.key(at: position)
        var breakdown = translation.breakdowns[Int(theirs.breakdown)]
        if breakdown == nil {
            breakdown = breakdowns.intern(other.breakdowns[theirs.breakdown])
            translation.breakdowns[Int(theirs.breakdown)] = breakdown
        }
        return FigureKey(
            indicator: own(theirs.indicator, of: other, &translation), area: own(theirs.area, of: other, &translation),
            period: own(theirs.period, of: other, &translation), breakdown: breakdown!)
    }

    /// Appends the figure at a position of another table, whose key here was made by
    /// ``key(at:of:_:)``: every column copied, texts by their symbols here.
    mutating func append(
        _ theirs: Int, of other: ObservationTable, key: FigureKey, _ translation: inout Translation
    ) {
        let position = endIndex
        keys.append(key)
        source.append(own(other.source[theirs], of: other, &translation))
        value.appendCompactly(other.value[theirs])
        missing.appendCompactly(other.missing[theirs])
        for column in NumberColumn.allCases {
            set(column, other.optionalNumbers[column.rawValue][theirs], at: position)
        }
        for column in TextColumn.allCases {
            let symbol = own(other.optionalTexts[column.rawValue][theirs], of: other, &translation)
            if symbol != 0 { optionalTexts[column.rawValue].set(symbol, at: position) }
        }
    }

    /// Keeps only the figures at the positions given (ascending), in order, and gives back the others' room: each
    /// column is copied in turn, so at most one column is held twice at a time.
    ///
    /// - Complexity: O(*n*) in the figures.
    mutating func keep(only kept: [Int32]) {
        func compacted<Element>(_ column: [Element]) -> [Element] { kept.map { column[Int($0)] } }
        keys.indicator = compacted(keys.indicator)
        keys.area = compacted(keys.area)
        keys.period = compacted(keys.period)
        keys.breakdown = compacted(keys.breakdown)
        var runs = RunColumn()
        for old in kept { runs.append(source[Int(old)]) }
        source = runs
        value = compacted(value)
        missing = compacted(missing)
        optionalNumbers = optionalNumbers.map { $0.keeping(only: kept) }
        optionalTexts = optionalTexts.map { $0.keeping(only: kept) }
        index = FigureIndex(indexing: keys)
    }

    /// This table's symbol for another's (0, none, for none).
    private mutating func own(_ symbol: UInt32, of other: ObservationTable, _ translation: inout Translation) -> UInt32
    {
        if symbol == 0 { return 0 }
        if let known = translation.symbols[Int(symbol)] { return known }
        let mine = symbols.intern(other.symbols[symbol])
        translation.symbols[Int(symbol)] = mine
        return mine
    }

    private static func code(_ reason: MissingReason?) -> UInt8 {
        reason.map { UInt8(MissingReason.allCases.firstIndex(of: $0)! + 1) } ?? 0
    }

    /// Appends an observation whose key was made by ``key(of:)``.
    ///
    /// A value or limit that is NaN is stored as none.
    mutating func append(_ observation: Observation, key: FigureKey) {
        let position = endIndex
        keys.append(key)
        source.append(symbols.intern(observation.source))
        value.appendCompactly(observation.value ?? .nan)
        missing.appendCompactly(Self.code(observation.missing))
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
        guard let number, !number.isNaN else { return }
        optionalNumbers[column.rawValue].set(number, at: position)
    }

    private mutating func set(_ column: TextColumn, _ text: String?, at position: Int) {
        guard let text else { return }
        optionalTexts[column.rawValue].set(symbols.intern(text), at: position)
    }

    private func number(_ column: NumberColumn, _ position: Int) -> Double? {
        optionalNumbers[column.rawValue][position].unlessNaN
    }

    private func text(_ column: TextColumn, _ position: Int) -> String? {
        let symbol = optionalTexts[column.rawValue][position]
        return symbol == 0 ? nil : symbols[symbol]
    }

}

extension Double {
    /// The number, or nil for NaN: how the store's columns and a batch's mark "none".
    public var unlessNaN: Double? { isNaN ? nil : self }
}
