import Core
import Evidence
import Loaders

/// Adds census counts up from LSOAs to wards and to their authority, and re-derives the shares, so ward
/// profiles and the borough figure come from the same LSOA table. ONS's LSOA→ward lookup is best-fit (an
/// LSOA is counted whole in the ward holding most of its population), which the notes say.
public enum CensusRollUp {
    /// The source of the figures summed to wards and authorities, and the name their file goes by.
    public static let source = "census roll-up"

    /// Adds to the data ward and authority observations for every `count` indicator at LSOA level (and its
    /// `:percent` share), returning notes on them.
    /// - Parameters:
    ///   - wardOf: LSOA code → (ward code, authority code).
    ///   - smallest: when given, figures of areas smaller than it are forgotten once summed, before the sums are
    ///     added (``Dataset/removeFigures(below:)``), so the store never holds both.
    /// - Throws: `ToolkitError` on making a figure twice, possible only when a count's `:percent` share is a count too.
    public static func rollUp(
        into data: Dataset, wardOf: [String: (ward: String, authority: String)], keepingFrom smallest: AreaLevel? = nil
    ) throws -> [String] {
        let (sums, places) = sum(data, wardOf: wardOf)
        if let smallest { data.removeFigures(below: smallest) }
        var notes: [String] = []
        if places.covered > 0 {
            notes.append("census LSOA counts summed to wards and authorities through the best-fit LSOA→ward lookup")
        }
        if let first = places.outside.min() {
            notes.append(
                "\(places.outside.count) LSOA(s) of the census tables are outside the lookup and not summed "
                    + "(e.g. \(first))")
        }
        let short = try sums.add(to: data, targets: places.targets, lsoas: lsoaCounts(wardOf))
        if let first = short.first {
            notes.append(
                "\(short.count) census sum(s) of a ward or authority left out: some of its LSOAs have no figure "
                    + "(a file cut short, or a missing count), and a part is not the whole (e.g. \(first))")
        }
        let bare = wardsWithout(places.targets, wardOf).map { data.areas[$0]?.name ?? $0 }
        if let first = bare.first {
            notes.append("\(bare.count) ward(s) of the authorities summed have no census LSOA figure (e.g. \(first))")
        }
        return notes
    }

    /// Adds to the data every shire county's census counts (and their `:percent` shares) summed from its districts'
    /// figures, as ONS publishes census tables by lower-tier authority: a county council is then compared with the
    /// other counties. A county some of whose districts lack a figure gets no sum for it, and a note says so.
    /// - Returns: notes on the sums.
    /// - Throws: `ToolkitError` on making a figure twice, possible only when a count's `:percent` share is a count too.
    public static func sumCounties(into data: Dataset) throws -> [String] {
        let counties = data.areas.values.filter(\.isShireCounty).map(\.code).sorted()
        guard !counties.isEmpty else { return [] }
        let number = Dictionary(uniqueKeysWithValues: counties.enumerated().map { ($0.element, $0.offset) })
        // The districts of the newest vintage: an older lookup's districts, merged since, are not parts to wait for.
        let inCounties = data.areas.values.filter {
            $0.level == .localAuthority && $0.parent.map { number[$0] != nil } == true
        }
        let newest = inCounties.compactMap(\.vintage).filter { $0.hasPrefix("LAD") }.max()
        var districts: [String: Int32] = [:]
        for area in inCounties where newest == nil || area.vintage == newest {
            districts[area.parent!, default: 0] += 1
        }
        let table = data.observations
        var sums = Sums(table.symbols.count + 1)
        var isCensusCount = SymbolMemo<Bool>(for: table.symbols)
        var countyOf = SymbolMemo<Int>(for: table.symbols)  // area symbol → its county's number, or -1
        for position in table.indices {
            let indicator = table.indicatorSymbol(at: position)
            guard censusCount(indicator, data, &isCensusCount), let value = table.value(at: position) else { continue }
            let county = countyOf.value(for: table.areaSymbol(at: position)) {
                guard let area = data.areas[table.symbols[table.areaSymbol(at: position)]],
                    area.level == .localAuthority
                else { return -1 }
                return area.parent.flatMap { number[$0] } ?? -1
            }
            guard county >= 0 else { continue }
            sums.add(
                value, denominator: table.denominator(at: position), indicator: indicator, target: county,
                period: table.periodSymbol(at: position))
        }
        let before = data.observations.count
        let short = try sums.add(to: data, targets: counties, lsoas: districts)
        var notes: [String] = []
        if data.observations.count > before {
            notes.append("census counts of shire counties summed from their districts' figures")
        }
        if let first = short.first {
            notes.append(
                "\(short.count) census sum(s) of a shire county left out: some of its districts have no figure (e.g. "
                    + "\(first))")
        }
        return notes
    }

    /// The wards, of the authorities among `targets`, that are not among them: no LSOA of theirs had a figure.
    private static func wardsWithout(_ targets: [String], _ wardOf: [String: (ward: String, authority: String)])
        -> [String]
    {
        let summed = Set(targets)
        return Set(wardOf.values.filter { summed.contains($0.authority) && !summed.contains($0.ward) }.map(\.ward))
            .sorted()
    }

    /// The number of LSOAs the lookup places in each ward and authority: what a whole sum adds up.
    private static func lsoaCounts(_ wardOf: [String: (ward: String, authority: String)]) -> [String: Int32] {
        var counts: [String: Int32] = [:]
        for place in wardOf.values {
            counts[place.ward, default: 0] += 1
            counts[place.authority, default: 0] += 1
        }
        return counts
    }

    /// The number of census counts' LSOA figures in the data: what a lookup from LSOA 2021 to wards would sum, for
    /// a note where none is given.
    /// - Complexity: O(*n*) in the figures.
    public static func lsoaFigures(in data: Dataset) -> Int {
        let table = data.observations
        var isCensusCount = SymbolMemo<Bool>(for: table.symbols)  // indicator symbol → a census count
        var isLSOA = SymbolMemo<Bool>(for: table.symbols)  // area symbol → an LSOA
        var count = 0
        for position in table.indices where censusCount(table.indicatorSymbol(at: position), data, &isCensusCount) {
            let area = table.areaSymbol(at: position)
            if isLSOA.value(for: area, { data.areas[table.symbols[area]]?.level == .lsoa }) { count += 1 }
        }
        return count
    }

    /// True when the indicator of symbol `indicator` is a census count, remembered in `memo`.
    private static func censusCount(_ indicator: UInt32, _ data: Dataset, _ memo: inout SymbolMemo<Bool>) -> Bool {
        memo.value(for: indicator) {
            let described = data.indicators[data.observations.symbols[indicator]]
            return described?.unit == "count" && described?.source.hasPrefix("ONS Census") == true
        }
    }

    /// Every census count's LSOA figures summed by ward and authority in one pass over the figures, read by their
    /// symbols; the store is not held beyond it, so adding the sums appends to it in place.
    private static func sum(_ data: Dataset, wardOf: [String: (ward: String, authority: String)]) -> (Sums, Places) {
        let table = data.observations
        var sums = Sums(table.symbols.count + 1)
        var places = Places(data, wardOf: wardOf)
        var isCensusCount = SymbolMemo<Bool>(for: table.symbols)  // indicator symbol → a census count
        for position in table.indices {
            let indicator = table.indicatorSymbol(at: position)
            guard censusCount(indicator, data, &isCensusCount),
                let place = places.place(of: table.areaSymbol(at: position))
            else { continue }
            guard let value = table.value(at: position) else { continue }
            for target in [place.ward, place.authority] {
                sums.add(
                    value, denominator: table.denominator(at: position), indicator: indicator, target: target,
                    period: table.periodSymbol(at: position))
            }
        }
        return (sums, places)
    }

    /// Where each area symbol's figures are summed: nowhere (not an LSOA), or its ward and authority (numbered in
    /// ``targets``); LSOAs outside the lookup are counted.
    private struct Places {
        private let data: Dataset
        private let wardOf: [String: (ward: String, authority: String)]
        /// Each area symbol's place, once looked up: nil not yet, -1 none, else an index into `placed`.
        private var known: [Int32?]
        private var placed: [(ward: Int, authority: Int)] = []
        private var targetNumbers: [String: Int] = [:]
        /// The wards and authorities summed to, by number.
        private(set) var targets: [String] = []
        /// LSOA figures (of census counts) placed in a ward.
        private(set) var covered = 0
        /// The LSOAs of census counts outside the lookup.
        private(set) var outside: Set<String> = []

        init(_ data: Dataset, wardOf: [String: (ward: String, authority: String)]) {
            self.data = data
            self.wardOf = wardOf
            known = Array(repeating: nil, count: data.observations.symbols.count + 1)
        }

        /// The ward and authority an LSOA figure's counts go to; nil for another area, or an LSOA outside the lookup.
        mutating func place(of area: UInt32) -> (ward: Int, authority: Int)? {
            if known[Int(area)] == nil { known[Int(area)] = look(up: data.observations.symbols[area]) }
            let index = known[Int(area)]!
            guard index >= 0 else {
                if index == -2 { outside.insert(data.observations.symbols[area]) }
                return nil
            }
            covered += 1
            return placed[Int(index)]
        }

        /// -1 for an area that is not an LSOA, -2 for an LSOA outside the lookup, else its place's index.
        private mutating func look(up code: String) -> Int32 {
            guard data.areas[code]?.level == .lsoa else { return -1 }
            guard let place = wardOf[code] else { return -2 }
            placed.append((number(place.ward), number(place.authority)))
            return Int32(placed.count - 1)
        }

        private mutating func number(_ code: String) -> Int {
            if let known = targetNumbers[code] { return known }
            targets.append(code)
            targetNumbers[code] = targets.count - 1
            return targets.count - 1
        }
    }

    /// Each census count's sums by ward and authority number: the count, the denominators (NaN where none has
    /// one), the period of the first figure summed, and the number of LSOA figures summed.
    private struct Sums {
        private var counts: [[Double]]
        private var totals: [[Double]]
        private var periods: [[UInt32]]
        private var summed: [[Int32]]

        init(_ indicators: Int) {
            counts = Array(repeating: [], count: indicators)
            totals = Array(repeating: [], count: indicators)
            periods = Array(repeating: [], count: indicators)
            summed = Array(repeating: [], count: indicators)
        }

        mutating func add(
            _ value: Double, denominator: Double?, indicator: UInt32, target: Int, period: UInt32
        ) {
            let i = Int(indicator)
            if counts[i].count <= target {
                let more = target + 1 - counts[i].count
                counts[i] += repeatElement(.nan, count: more)
                totals[i] += repeatElement(.nan, count: more)
                periods[i] += repeatElement(0, count: more)
                summed[i] += repeatElement(0, count: more)
            }
            if counts[i][target].isNaN {
                counts[i][target] = 0
                periods[i][target] = period
            }
            counts[i][target] += value
            summed[i][target] += 1
            if let denominator { totals[i][target] = (totals[i][target].isNaN ? 0 : totals[i][target]) + denominator }
        }

        /// Adds the sums to the data as observations, with each count's `:percent` share, by indicator id and then
        /// area code; a sum of fewer LSOA figures than `lsoas` says its area has is left out.
        /// - Returns: the sums left out, as "indicator: area".
        func add(to data: Dataset, targets: [String], lsoas: [String: Int32]) throws -> [String] {
            let symbols = data.observations.symbols
            let indicators = counts.indices.filter { !counts[$0].isEmpty }.map { (id: symbols[UInt32($0)], index: $0) }
            var short: [String] = []
            for (indicatorID, i) in indicators.sorted(by: { $0.id < $1.id }) {
                let share = data.indicators[indicatorID + ":percent"]
                let areas = counts[i].indices.filter { !counts[i][$0].isNaN }.sorted { targets[$0] < targets[$1] }
                for target in areas {
                    guard summed[i][target] >= lsoas[targets[target], default: 0] else {
                        short.append("\(indicatorID): \(data.areas[targets[target]]?.name ?? targets[target])")
                        continue
                    }
                    let (count, period) = (counts[i][target], symbols[periods[i][target]])
                    let total = totals[i][target].isNaN ? nil : totals[i][target]
                    try data.add(
                        Observation(
                            indicator: indicatorID, area: targets[target], period: period, value: count,
                            denominator: total, source: CensusRollUp.source))
                    if let share, let total, total > 0 {
                        try data.add(
                            Observation(
                                indicator: share.id, area: targets[target], period: period, value: count / total * 100,
                                count: count, denominator: total, source: CensusRollUp.source))
                    }
                }
            }
            return short
        }
    }
}
