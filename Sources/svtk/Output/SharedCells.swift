import Evidence

/// The cells figures' rows share (a file's, an indicator's, an area's and a breakdown's), each made once and named
/// by its place, so that a row of ``FigureRows`` names its cells by four numbers.
struct SharedCells {
    /// A row's four places in ``all``.
    struct Places {
        var source, indicator, area, breakdown: Int32
    }

    /// Every cell made so far, by place.
    private(set) var all = CellBlocks()
    private var sources: [String: Int32] = [:]
    private var indicators: [String: Int32] = [:]
    private var areas: [String: Int32] = [:]
    private var breakdowns: [Breakdown: Int32] = [:]
    /// The last figure's file, indicator, area and breakdown, and their places: most rows repeat some.
    private var lastSource: (key: String, at: Int32)?
    private var lastIndicator: (key: String, at: Int32)?
    private var lastArea: (key: String, at: Int32)?
    private var lastBreakdown: (key: Breakdown, at: Int32)?

    /// The places of a figure's cells, each made (by `source`, `indicator`, `area` or `breakdown`) the first time
    /// its key is met.
    /// - Complexity: O(1) amortised: a comparison with the last figure's key, a lookup where it differs.
    mutating func places(
        of o: Observation, source: () -> [UInt8], indicator: () -> [UInt8], area: () -> [UInt8],
        breakdown: () -> [UInt8]
    ) -> Places {
        Places(
            source: Self.place(o.source, last: &lastSource, known: &sources, all: &all, source),
            indicator: Self.place(o.indicator, last: &lastIndicator, known: &indicators, all: &all, indicator),
            area: Self.place(o.area, last: &lastArea, known: &areas, all: &all, area),
            breakdown: Self.place(o.breakdown, last: &lastBreakdown, known: &breakdowns, all: &all, breakdown))
    }

    /// Forgets an indicator's cells, to be made again: it was declared anew.
    mutating func forget(indicator id: String) {
        indicators[id] = nil
        lastIndicator = nil
    }

    /// Forgets an area's cells, to be made again: it was declared (its name and level are known now).
    mutating func forget(area code: String) {
        guard !areas.isEmpty else { return }  // no area's place made yet: nothing, not even the last, to forget
        areas[code] = nil
        lastArea = nil
    }

    /// Where the cells of `key` are: the last figure's place when it had the same key, else its known place, else a
    /// new place for `make`'s.
    private static func place<Key: Hashable>(
        _ key: Key, last: inout (key: Key, at: Int32)?, known: inout [Key: Int32], all: inout CellBlocks,
        _ make: () -> [UInt8]
    ) -> Int32 {
        if let last, last.key == key { return last.at }
        let at: Int32
        if let place = known[key] {
            at = place
        } else {
            at = all.append(make())
            known[key] = at
        }
        last = (key, at)
        return at
    }
}
