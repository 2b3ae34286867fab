import Catalogue
import Core
import Evidence
import Formatting
import Foundation

/// Turns a loaded dataset into an explainable picture of need: each area's indicators compared with its
/// parent, England and its sibling areas, scored by need domain through the taxonomy.
///
/// Only the headline breakdown of each indicator is analysed (the one covering most areas, `Persons` and
/// no category preferred) and only the latest period, except for the trend, which uses every period.
public struct NeedsAnalysis {
    /// The loaded figures analysed.
    public let dataset: Dataset
    /// The reviewed links from indicators to need domains, and the polarity to judge each by.
    public let taxonomy: Taxonomy
    /// How need is read: levels, national anchors.
    public let bands: NeedBands
    /// The borough (local authority) the analysis is for.
    public private(set) var borough: Area
    /// The borough's wards, by name.
    public private(set) var wards: [Area]

    /// The dataset's figures as they were when analysed: the store ``series`` points into, held so that reading a
    /// figure does not copy the store.
    let table: ObservationTable
    /// Headline series: indicator → area → positions of its observations in the dataset, oldest first (the last
    /// is the latest). Positions, not copies: the observations are made from the compact store when read.
    let series: [String: [String: [Int32]]]
    /// The latest headline values of sibling areas, sorted: the values a rank and z-score are taken among.
    let siblings: [SiblingGroup: [Double]]
    /// The same a level wider (``widerSiblingGroups(_:_:)``), for areas with fewer siblings than a z-score needs.
    let widerSiblings: [SiblingGroup: [Double]]
    /// The taxonomy's links of each analysed indicator, resolved once (patterns are matched here, not per area).
    let links: [String: [IndicatorLink]]
    /// The analysed indicators' ids, sorted.
    let indicatorIDs: [String]
    /// Need profiles already worked out, shared by every view of this analysis.
    private(set) var profileCache = ProfileCache()

    /// Minimum sibling areas with values for a z-score.
    static let minimumSiblings = 5
    /// England's code.
    public static let england = "E92000001"

    /// - Parameters:
    ///   - borough: the authority's code or name; when nil, the single authority the data's wards belong to.
    ///   - smallest: the smallest kind of area analysed (figures for smaller areas are left to the roll-ups);
    ///     every kind by default.
    /// - Throws: `ToolkitError` when the borough is not in the data, or none is given and the data cover several.
    public init(
        dataset: Dataset, taxonomy: Taxonomy, bands: NeedBands, borough: String?,
        from smallest: AreaLevel = .outputArea
    ) throws {
        self.dataset = dataset
        self.taxonomy = taxonomy
        self.bands = bands
        table = dataset.observations
        self.borough = try Self.findBorough(dataset, borough)
        wards = Self.wards(of: self.borough, in: dataset)
        series = Self.headlineSeries(dataset, from: smallest)
        siblings = Self.siblingGroups(series, dataset)
        widerSiblings = Self.widerSiblingGroups(siblings, dataset)
        indicatorIDs = series.keys.sorted()
        links = Dictionary(uniqueKeysWithValues: series.keys.map { ($0, taxonomy.links(for: $0)) })
    }

    /// The same analysis read for another authority of the data: the figures, comparisons and links are
    /// shared; need profiles are worked out afresh for it.
    ///
    /// - Parameter wards: every authority's wards, by authority code (``wardsByAuthority(in:)``).
    /// - Complexity: O(1).
    public func scoped(to authority: Area, wards: [String: [Area]]) -> NeedsAnalysis {
        var scoped = self
        scoped.borough = authority
        scoped.wards = wards[authority.code] ?? []
        scoped.profileCache = ProfileCache()
        return scoped
    }

    /// The authorities of the data that have wards, by name.
    public static func authoritiesWithWards(in dataset: Dataset) -> [Area] {
        let codes = Set(dataset.areas.values.filter { $0.level == .ward }.compactMap(\.parent))
        return codes.compactMap { dataset.areas[$0] }.filter { $0.level == .localAuthority }
            .sorted { ($0.name, $0.code) < ($1.name, $1.code) }
    }

    /// Every authority's wards of the newest vintage its data define (as ``wards``), by authority code, found in
    /// one pass over the areas.
    public static func wardsByAuthority(in dataset: Dataset) -> [String: [Area]] {
        Dictionary(grouping: dataset.areas.values.filter { $0.level == .ward && $0.parent != nil }) { $0.parent! }
            .mapValues(newestVintage)
    }

    /// The authority's wards of the newest ward vintage its data define (`WD22` over `WD19`): wards of an older
    /// vintage, or of none (a third-party aggregate), are left out, never added as extra wards.
    static func wards(of authority: Area, in dataset: Dataset) -> [Area] {
        newestVintage(dataset.areas.values.filter { $0.level == .ward && isWard($0, of: authority, in: dataset) })
    }

    /// True when `ward` is the authority's: its parent is the authority, or, for a shire county, one of the
    /// county's districts.
    static func isWard(_ ward: Area, of authority: Area, in dataset: Dataset) -> Bool {
        guard let parent = ward.parent else { return false }
        return parent == authority.code
            || (authority.isShireCounty && dataset.areas[parent]?.parent == authority.code)
    }

    /// One authority's wards of its newest vintage, by name.
    private static func newestVintage(_ all: [Area]) -> [Area] {
        let newest = all.compactMap(\.vintage).filter { $0.hasPrefix("WD") }.max()
        return all.filter { newest == nil || $0.vintage == newest }.sorted { ($0.name, $0.code) < ($1.name, $1.code) }
    }

    /// The authority's wards left out of the analysis as of an older vintage than its newest, or of none.
    public var wardsOfOtherVintages: [Area] {
        let kept = Set(wards.map(\.code))
        return dataset.areas.values.filter {
            $0.level == .ward && Self.isWard($0, of: borough, in: dataset) && !kept.contains($0.code)
        }
        .sorted { ($0.name, $0.code) < ($1.name, $1.code) }
    }

    /// Each indicator's headline breakdown: area → observations with a value, oldest first.
    ///
    /// - Complexity: O(*n* log *n*) in the observations, grouped by their symbols (no text hashed per figure).
    static func headlineSeries(_ dataset: Dataset, from smallest: AreaLevel) -> [String: [String: [Int32]]] {
        let table = dataset.observations
        var analysed = SymbolMemo<Bool>(for: table.symbols)  // area symbol → analysed
        var grouped: [UInt32: [UInt32: [Int32]]] = [:]  // indicator → breakdown → positions with a value
        for position in table.indices where table.value(at: position) != nil {
            let area = table.areaSymbol(at: position)
            guard analysed.value(for: area, { dataset.isAtOrAbove(smallest, table.symbols[area]) }) else { continue }
            grouped[table.indicatorSymbol(at: position), default: [:]][
                table.breakdownSymbol(at: position), default: []
            ].append(Int32(position))
        }
        var periods = SymbolMemo<PeriodKey>(for: table.symbols)  // period symbol → its order
        func periodKey(_ position: Int32) -> PeriodKey {
            periods.value(for: table.periodSymbol(at: Int(position))) { PeriodKey(table.period(at: Int(position))) }
        }
        var series: [String: [String: [Int32]]] = [:]
        for (indicator, byBreakdown) in grouped {
            let headline = byBreakdown.values.map { positions in
                (
                    key: table.breakdown(at: Int(positions[0])),
                    areas: Set(positions.map { table.areaSymbol(at: Int($0)) }).count, positions: positions
                )
            }
            .max { a, b in headlineOrder((a.key, a.areas), (b.key, b.areas)) }!.positions
            var byArea: [String: [Int32]] = [:]
            for (area, positions) in Dictionary(grouping: headline, by: { table.areaSymbol(at: Int($0)) }) {
                byArea[table.symbols[area]] = positions.map { (key: periodKey($0), position: $0) }
                    .sorted { $0.key < $1.key }.map(\.position)
            }
            series[table.symbols[indicator]] = byArea
        }
        return series
    }

    /// The latest values of each indicator grouped by sibling areas (same level, same parent, same period).
    static func siblingGroups(_ series: [String: [String: [Int32]]], _ dataset: Dataset) -> [SiblingGroup: [Double]] {
        var groups: [SiblingGroup: [Double]] = [:]
        let table = dataset.observations
        for (indicator, byArea) in series {
            for (code, positions) in byArea {
                guard let area = dataset.areas[code], let parent = area.parent, let latest = positions.last,
                    let value = table.value(at: Int(latest))
                else { continue }
                groups[
                    SiblingGroup(
                        indicator: indicator, parent: parent, level: area.level, shire: area.isShireCounty,
                        period: table.period(at: Int(latest))),
                    default: []
                ].append(value)
            }
        }
        return groups.mapValues { $0.sorted() }
    }

    /// The groups of siblings a level wider, for areas whose own group is too small for a z-score: every area of the
    /// level in the region, or in the parent's parent below a region (South Yorkshire's 4 authorities, or a region's
    /// 3 unitary authorities → Yorkshire and The Humber's 15), those directly in it and those in its children. Only
    /// the wider groups some small group needs are made.
    /// - Complexity: O(*g* + *v*) in the groups and the values gathered.
    static func widerSiblingGroups(_ groups: [SiblingGroup: [Double]], _ dataset: Dataset) -> [SiblingGroup: [Double]] {
        let needed = Set(
            groups.filter { $0.value.count < minimumSiblings }.keys.compactMap {
                widerParent(of: $0.parent, shire: $0.shire, dataset)
            })
        guard !needed.isEmpty else { return [:] }
        var widened: [SiblingGroup: [Double]] = [:]
        for (group, values) in groups {
            for around in [group.parent, dataset.areas[group.parent]?.parent] {
                guard let around, needed.contains(around) else { continue }
                var key = group
                key.parent = around
                widened[key, default: []] += values
            }
        }
        return widened.mapValues { $0.sorted() }
    }

    /// The area whose areas of a level are compared when those of `parent` are too few: a region itself, else the
    /// parent's parent; nil above a region (England's areas are the national comparison, not a local one), except
    /// for `shire` counties, whose region's are all of a region's (the West Midlands' 2): England's 21 are their peers.
    static func widerParent(of parent: String, shire: Bool = false, _ dataset: Dataset) -> String? {
        guard let area = dataset.areas[parent], area.level != .country else { return nil }
        if area.level == .region { return shire ? area.parent : parent }
        guard let up = area.parent, dataset.areas[up].map({ $0.level != .country }) == true else { return nil }
        return up
    }

    /// Areas compared with one another: an indicator's latest figures for areas of one level in one parent, shire
    /// counties (county councils) apart from the other areas of county level (metropolitan counties, combined
    /// authorities), which are no councils' areas of the same kind.
    struct SiblingGroup: Hashable {
        var indicator: String
        var parent: String
        var level: AreaLevel
        var shire = false
        var period: String
    }

    /// The latest headline observation of an indicator for an area.
    func latest(_ indicator: String, _ area: String) -> Observation? {
        series[indicator]?[area]?.last.map { table[Int($0)] }
    }

    /// The headline value of an indicator's series (area → positions) for an area in the period of the figure at
    /// `position` (another area's), without making the observations.
    func value(in byArea: [String: [Int32]], _ area: String, periodOf position: Int) -> Double? {
        byArea[area]?.last { table.samePeriod(Int($0), position) }.flatMap { table.value(at: Int($0)) }
    }

    /// The breakdown to analyse: most areas covered, then `Persons`/no sex, then no category, then the name.
    static func headlineOrder(_ a: (key: Breakdown, areas: Int), _ b: (key: Breakdown, areas: Int)) -> Bool {
        func key(_ e: (key: Breakdown, areas: Int)) -> (Int, Int, Int, String) {
            (
                e.areas, ["", "persons"].contains(e.key.sex.lowercased()) ? 1 : 0,
                e.key.categoryType.isEmpty ? 1 : 0, e.key.description
            )
        }
        let (ka, kb) = (key(a), key(b))
        return (ka.0, ka.1, ka.2) != (kb.0, kb.1, kb.2) ? (ka.0, ka.1, ka.2) < (kb.0, kb.1, kb.2) : ka.3 > kb.3
    }

    static func findBorough(_ dataset: Dataset, _ wanted: String?) throws -> Area {
        let authorities = dataset.areas.values.filter { $0.level == .localAuthority }
        if let wanted {
            if let area = dataset.areas[wanted]
                ?? authorities.first(where: { $0.name.caseInsensitiveCompare(wanted) == .orderedSame })
                ?? dataset.areas.values.first(where: {
                    $0.isShireCounty && $0.name.caseInsensitiveCompare(wanted) == .orderedSame
                })
            {
                return area
            }
            throw ToolkitError(
                setting: "authority",
                "no local authority or shire county \"\(wanted)\" in the data; "
                    + "load a lookup or a file that names it, or check the spelling")
        }
        let parents = Set(dataset.areas.values.filter { $0.level == .ward }.compactMap(\.parent))
        if parents.count == 1, let area = dataset.areas[parents.first!] { return area }
        if authorities.count == 1 { return authorities[0] }
        throw ToolkitError(
            setting: "authority",
            "the data cover \(max(parents.count, authorities.count)) authorities: choose one by its code or name")
    }

    /// An area of the data by code, or by name ignoring case: the borough or one of its wards first, the wards
    /// as ``wards(named:)`` finds them (Barnsley's ward North East, not the region; "Nelson (Norwich)"), else the
    /// coarsest area of that name.
    /// - Throws: `ToolkitError` about `setting` when the borough and a ward of it, or two wards of a county, share
    ///   the name, or, listing the borough's wards, when none matches.
    public func area(_ wanted: String, setting: String) throws -> Area {
        if let area = dataset.areas[wanted] { return area }
        func named(_ area: Area) -> Bool { area.name.caseInsensitiveCompare(wanted) == .orderedSame }
        let own = ([borough].filter(named) + wards(named: wanted)).reduce(into: [Area]()) { found, area in
            if !found.contains(area) { found.append(area) }
        }
        if own.count > 1 {
            let meanings = own.map { "\(uniqueName(of: $0)) (\($0.level.rawValue), \($0.code))" }
            throw ToolkitError(
                setting: setting,
                "\"\(wanted)\" names \(meanings.joined(separator: " and ")): give the code of the one meant")
        }
        if let area = own.first ?? dataset.areas.values.filter(named).min(by: { $0.level > $1.level }) {
            return area
        }
        throw ToolkitError(
            setting: setting,
            "no area \"\(wanted)\" in the data; wards of \(borough.name): " + wards.map(\.name).joined(separator: ", "))
    }

    /// The polarity to judge an indicator by: the taxonomy's, else the indicator's own.
    public func polarity(of indicator: String) -> Polarity {
        (links[indicator] ?? taxonomy.links(for: indicator)).compactMap(\.polarity).first ?? dataset.indicators[
            indicator]?.polarity ?? .unknown
    }

    /// Every indicator with a headline value for an area, analysed.
    public func results(for area: String) -> [IndicatorResult] {
        indicatorIDs.compactMap { id in series[id].flatMap { result(id, series: $0, area: area) } }
    }

    /// One indicator for one area, or nil when the area has no value.
    public func result(indicator id: String, area code: String) -> IndicatorResult? {
        series[id].flatMap { result(id, series: $0, area: code) }
    }

    /// One indicator for one area, its headline series (area → positions) found once.
    private func result(_ id: String, series byArea: [String: [Int32]], area code: String) -> IndicatorResult? {
        guard let positions = byArea[code], let position = positions.last.map(Int.init),
            let indicator = dataset.indicators[id]
        else { return nil }
        let o = table[position]
        guard let value = o.value else { return nil }
        let polarity = polarity(of: id)
        let area = dataset.areas[code]
        func comparison(_ other: String?) -> Comparison? {
            guard let other, other != code, let refValue = self.value(in: byArea, other, periodOf: position) else {
                return nil
            }
            return Comparison(
                area: other, name: dataset.areas[other]?.name ?? other, value: refValue,
                difference: value - refValue, ratio: refValue == 0 ? nil : value / refValue,
                significance95: Significance.judge(
                    lower: o.lower95, upper: o.upper95, reference: refValue, polarity: polarity),
                significance998: Significance.judge(
                    lower: o.lower998, upper: o.upper998, reference: refValue, polarity: polarity))
        }
        var result = IndicatorResult(
            indicator: id, name: indicator.name, unit: indicator.unit, polarity: polarity, area: code, period: o.period,
            breakdown: o.breakdown.description, value: value, lower95: o.lower95, upper95: o.upper95,
            parent: comparison(area?.parent), england: comparison(Self.england), rank: nil, rankedAmong: nil,
            quintile: nil,
            zScore: nil, siblings: nil, siblingMinimum: nil, siblingMaximum: nil, trend: nil, trendPeriods: [],
            trendValues: [], signal: nil, signalBasis: "",
            nationalSignal: nil, nationalBasis: nil, source: o.source)
        rankAmongSiblings(&result, area: area, period: o.period)
        addTrend(&result, positions: positions)
        addSignal(&result)
        addNationalSignal(&result)
        return result
    }

    private func rankAmongSiblings(_ result: inout IndicatorResult, area: Area?, period: String) {
        guard let area, let parent = area.parent,
            result.polarity == .higherIsBetter || result.polarity == .lowerIsBetter
        else { return }
        // Sorted, so that sums (and so z-scores) do not depend on dictionary order: the same input gives the same
        // output. Too few siblings for a z-score: those a level wider, where the data have enough.
        let shire = area.isShireCounty
        var group = SiblingGroup(
            indicator: result.indicator, parent: parent, level: area.level, shire: shire, period: period)
        var values = siblings[group] ?? []
        if values.count < Self.minimumSiblings, let around = Self.widerParent(of: parent, shire: shire, dataset) {
            let wider = SiblingGroup(
                indicator: result.indicator, parent: around, level: area.level, shire: shire, period: period)
            if let widened = widerSiblings[wider], widened.count >= Self.minimumSiblings {
                (group, values) = (wider, widened)
            }
        }
        guard values.count >= 2 else { return }
        // The values are sorted ascending: the worst first where higher is better, the worst last where lower is.
        let worseFirstIndex =
            result.polarity == .lowerIsBetter
            ? values.lastIndex(of: result.value).map { values.count - 1 - $0 } : values.firstIndex(of: result.value)
        let rank = (worseFirstIndex ?? 0) + 1
        result.rank = rank
        result.rankedAmong = values.count
        result.quintile = Int((Double(rank) / Double(values.count) * 5).rounded(.up))
        result.siblingMinimum = values.min()
        result.siblingMaximum = values.max()
        let kind = area.level == .localAuthority ? "authorities" : shire ? "shire counties" : area.level.plural
        result.siblings = "\(values.count) \(kind) of " + (dataset.areas[group.parent]?.name ?? group.parent)
        guard values.count >= Self.minimumSiblings else { return }
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
        guard sd > 0 else { return }
        result.zScore = (result.polarity == .lowerIsBetter ? result.value - mean : mean - result.value) / sd
    }

    /// The trend over the result's headline series (its positions, oldest first), where the bands trend it.
    private func addTrend(_ result: inout IndicatorResult, positions: [Int32]) {
        guard bands.isTrended(result.indicator) else { return }
        let points = positions.map(Int.init).filter { table.value(at: $0) != nil }
        guard points.count >= 2,
            let first = points.first.flatMap(table.value(at:)), let last = points.last.flatMap(table.value(at:))
        else { return }
        result.trendPeriods = points.map(table.period(at:))
        result.trendValues = points.compactMap(table.value(at:))
        let change = first == 0 ? (last == 0 ? 0 : 1) : (last - first) / abs(first)
        guard abs(change) >= bands.trendChangeFrom else {
            result.trend = "no clear change"
            return
        }
        switch result.polarity {
        case .higherIsBetter: result.trend = change > 0 ? "improving" : "worsening"
        case .lowerIsBetter: result.trend = change > 0 ? "worsening" : "improving"
        case .neither, .unknown: result.trend = change > 0 ? "rising" : "falling"
        }
    }

    /// The need signal: a z-score among siblings where there are enough; else significance against England
    /// (or the parent) from confidence intervals; else the relative difference, 20% worse counting as 1.
    private func addSignal(_ result: inout IndicatorResult) {
        guard result.polarity == .higherIsBetter || result.polarity == .lowerIsBetter else {
            result.signalBasis = "context only: no direction is better"
            return
        }
        if let z = result.zScore, let siblings = result.siblings {
            result.signal = max(-3, min(3, z))
            result.signalBasis = "z-score among \(siblings)"
            return
        }
        guard let reference = result.england ?? result.parent else {
            result.signalBasis = "no comparator in the data"
            return
        }
        result.signal = signal(against: reference, polarity: result.polarity)
        switch reference.significance95 {
        case .worse: result.signalBasis = "significantly worse than \(reference.name) (95% CI)"
        case .better: result.signalBasis = "significantly better than \(reference.name) (95% CI)"
        case .similar: result.signalBasis = "similar to \(reference.name) (95% CI)"
        default:
            guard let ratio = reference.ratio else {
                result.signalBasis = "comparator is zero"
                return
            }
            result.signalBasis =
                "\((ratio - 1).written(.signedWholeShare)) against \(reference.name) (no confidence interval)"
        }
    }

    /// The signal of a comparison: 1, −1 or 0 when the confidence interval says significantly worse, better or
    /// similar; else the relative difference, `relative_difference_for_one` worse counting as 1, held within ±1;
    /// nil when the comparator is zero.
    func signal(against reference: Comparison, polarity: Polarity) -> Double? {
        switch reference.significance95 {
        case .worse: return 1
        case .better: return -1
        case .similar: return 0
        default:
            guard let ratio = reference.ratio else { return nil }
            let worse = (ratio - 1) * (polarity == .lowerIsBetter ? 1 : -1)
            return max(-1, min(1, worse / bands.relativeDifferenceForOne))
        }
    }
}

extension NeedsAnalysis {
    /// The national signal: a national decile read against the middle of England (`policy/need_bands.csv`), else
    /// significance against England from confidence intervals, else the relative difference from England.
    func addNationalSignal(_ result: inout IndicatorResult) {
        if let among = bands.authoritiesRanked(by: result.indicator, in: result.period) {
            return addNationalRankSignal(&result, among: among)
        }
        if bands.isNationalDecile(result.indicator) {
            let signal = bands.signal(decile: result.value)
            result.nationalSignal = signal
            result.nationalBasis =
                "national decile \(result.value.written(.statistic(decimals: 1))) (1 = most deprived 10% of England): "
                + signal.written(.signedScore)
            return
        }
        guard let england = result.england, result.polarity == .higherIsBetter || result.polarity == .lowerIsBetter,
            let signal = signal(against: england, polarity: result.polarity)
        else { return }
        result.nationalSignal = signal
        result.nationalBasis = "against England: " + signal.written(.signedScore)
    }
}

extension NeedsAnalysis {
    /// The national signal of an authority's rank among the `among` authorities of England its edition ranks (1 =
    /// most deprived): the national decile of the rank, read as a national decile is; none for a rank outside them.
    private func addNationalRankSignal(_ result: inout IndicatorResult, among: Int) {
        guard dataset.areas[result.area]?.level == .localAuthority, result.value >= 1, result.value <= Double(among)
        else { return }
        let decile = (result.value * 10 / Double(among)).rounded(.up)
        let signal = bands.signal(decile: decile)
        result.nationalSignal = signal
        result.nationalBasis =
            "rank \(result.value.written(.plain)) of \(among) authorities in England: national decile "
            + "\(decile.written(.plain)) (1 = most deprived 10%): \(signal.written(.signedScore))"
    }
}

/// Orders periods as sources write them: `2015 Q1`, `2018/19`, `2018 - 20`, `2021` by their first year, then a
/// month named in them (`Jan 2023` before `March 2023` before `Dec 2023`; `Dec-23` before `Jan-24`), then text.
struct PeriodKey: Comparable {
    let year: Int
    let month: Int
    let text: String

    init(_ period: String) {
        text = period
        month = period.split(whereSeparator: { !$0.isLetter }).lazy.compactMap(Self.month(named:)).first ?? 0
        let numbers = period.split(whereSeparator: { !$0.isNumber })
        if let full = numbers.first(where: { $0.count == 4 }) {
            year = Int(String(full)) ?? 0
        } else if month > 0, let short = numbers.first(where: { $0.count == 2 }), let yy = Int(String(short)) {
            year = 2000 + yy  // `Dec-23`: a month with a two-digit year
        } else {
            year = 0
        }
    }

    /// The month a word names (1 for `Jan` or `January`, 9 for `Sep`, `Sept` or `September`), or nil.
    static func month(named word: Substring) -> Int? {
        let months = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        let word = word.lowercased()
        guard word.count >= 3 else { return nil }
        return months.firstIndex { $0 == word || $0.prefix(3) == word || (word == "sept" && $0 == "september") }
            .map { $0 + 1 }
    }

    static func < (a: PeriodKey, b: PeriodKey) -> Bool { (a.year, a.month, a.text) < (b.year, b.month, b.text) }
}
