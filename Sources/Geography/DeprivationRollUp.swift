import Catalogue
import Core
import Evidence
import Foundation
import Loaders

/// Rolls the Indices of Deprivation up from LSOAs to wards, the way MHCLG summarises local authorities:
/// for each index and domain, the population-weighted average rank and decile (and score, where a score
/// file is loaded), the share of the ward's population and of its LSOAs in the most deprived 10% nationally,
/// and the ward's rank among the wards of its authority (1 = most deprived).
///
/// Weights are the edition's own population denominators (IoD2019's File 6, mid-2015) or, for an edition on
/// 2021 LSOAs without them, Census 2021 usual residents (TS007A), times the LSOA's fraction in the ward; without
/// either every LSOA weighs the same, and the notes say which weights were used.
public struct DeprivationRollUp {
    /// The source of the ward figures rolled up, and the name their file goes by.
    public static let source = "deprivation roll-up"

    /// The ward figures, as a dataset of `iod-ward:<domain>:<measure>` indicators at ward level.
    public let wards: Dataset
    /// How many LSOAs went in, and notes on the method.
    public let lsoaCount: Int
    /// Notes on the method, for the report: the lookup used, repeated lookup rows and the population weights.
    public private(set) var notes: [String]
    /// The IoD edition rolled up (`2019`, `2025`), the period of every ward figure.
    public let edition: String

    /// The indicator id of a rolled-up measure of a domain (`iod-ward:income:average-rank`).
    public static func indicatorID(domain: String, measure: String) -> String { "iod-ward:\(domain):\(measure)" }

    /// The domain id of the Index of Multiple Deprivation itself, as File 1 and File 2 name it.
    public static let multipleDeprivation = "index-of-multiple-deprivation"

    static let measures: [(suffix: String, label: String, unit: String, polarity: Polarity)] = [
        ("average-rank", "population-weighted average rank (1 = most deprived)", "rank", .higherIsBetter),
        ("average-decile", "population-weighted average decile (1 = most deprived)", "decile", .higherIsBetter),
        ("average-score", "population-weighted average score", "score", .lowerIsBetter),
        (
            "population-in-most-deprived-decile", "share of population in the most deprived 10% nationally", "%",
            .lowerIsBetter
        ),
        ("lsoas-in-most-deprived-decile", "share of LSOAs in the most deprived 10% nationally", "%", .lowerIsBetter),
        ("rank-in-authority", "rank among the authority's wards (1 = most deprived)", "rank", .higherIsBetter),
    ]

    /// The IoD editions among the loaded figures (`2019`, `2025`), oldest first.
    public static func editions(in data: Dataset) -> [String] {
        let table = data.observations
        var editions: Set<String> = []
        for position in table.indices where table.indicatorID(at: position).hasPrefix("iod:") {
            editions.insert(table.period(at: position))
        }
        return editions.sorted()
    }

    /// Every edition loaded rolled up to the same wards, oldest first: the newest edition's figures are the
    /// latest period of each ward indicator, so they drive need; the older are kept to show the change. An edition
    /// whose files hold no LSOA of the authority (IoD2025 given for four authorities) is left out, with a note.
    /// - Parameter wardVintage: the ward vintage wanted (e.g. `WD22`); the newest in the lookups when `nil`.
    /// - Throws: what ``init(data:edition:lookup:authority:)`` and ``WardLookup`` throw; `ToolkitError` about the
    ///   authority when no edition's files hold an LSOA of it.
    public static func everyEdition(
        data: Dataset, lookups: [LookupTable], authority: String?, wardVintage: String? = nil,
        weights: DeprivationWeights = DeprivationWeights()
    ) throws -> [DeprivationRollUp] {
        var rollUps: [DeprivationRollUp] = []
        var without: [String] = []  // the editions whose files hold no LSOA of the authority
        for edition in editions(in: data) {
            let lookup = try WardLookup(
                tables: lookups, from: DeprivationLSOALoader.lsoaVintage(edition: edition), to: wardVintage)
            guard let authority, !IoDFiles(data, edition: edition).hasLSOAs(of: authority, placedBy: lookup) else {
                rollUps.append(
                    try DeprivationRollUp(
                        data: data, edition: edition, lookup: lookup, authority: authority, weights: weights))
                continue
            }
            without.append(edition)
        }
        guard without.isEmpty || !rollUps.isEmpty else {
            throw ToolkitError(
                setting: "authority", "no LSOA of \(authority ?? "any authority") in the deprivation files")
        }
        if !without.isEmpty, let authority, let last = rollUps.indices.last {
            rollUps[last].notes.append(
                "the IoD\(without.joined(separator: " and IoD")) files hold no LSOA of \(authority) (an extract of "
                    + "other authorities'): IoD\(rollUps[last].edition) is the edition read for it")
        }
        return rollUps
    }

    /// - Parameters:
    ///   - data: loaded IoD LSOA files (ranks, deciles, scores and optionally population denominators), and
    ///     Census 2021 TS007A LSOA populations where the edition's own denominators are not given.
    ///   - edition: the IoD edition to roll up (`2019`, `2025`): only its figures are read.
    ///   - lookup: how LSOAs share out into wards.
    ///   - authority: only LSOAs of this local authority (code or name); all when `nil`.
    ///   - weights: the domains weighed by another population than the total (Employment by working age), where
    ///     the figures it names are loaded.
    /// - Throws: `ToolkitError` when no LSOA of `authority` is loaded, or one is not in `lookup` or lacks a population.
    public init(
        data: Dataset, edition: String, lookup: WardLookup, authority: String?,
        weights: DeprivationWeights = DeprivationWeights()
    ) throws {
        let files = IoDFiles(data, edition: edition)
        let selected = try files.lsoas(of: authority, placedBy: lookup)
        try files.checkPlaced(selected, by: lookup)
        var notes = ["LSOAs to wards: \(lookup.method)"]
        if let short = LookupCoverage(of: selected, lookup: lookup).note(naming: { lookup.wards[$0]?.name ?? $0 }) {
            notes.append(short + ": the files do not give every LSOA; their averages are of the LSOAs given")
        }
        if lookup.repeatedRows > 0 {
            notes.append("\(lookup.repeatedRows) lookup row(s) repeated word for word, counted once")
        }
        let populations = try files.populations(
            of: selected, lsoaVintage: lookup.lsoaVintage, edition: edition, weights: weights)
        notes.append(populations.standard.note)
        let figures = DomainFigures(files, of: selected)
        let rollUp = WardRollUp(
            lsoas: selected.sorted(), lookup: lookup, edition: edition, output: Dataset())
        rollUp.addWards()
        var missing = 0
        for domain in figures.values.keys.sorted() {
            let measures = figures.values[domain]!
            missing += measures.values.map { selected.count - $0.count }.reduce(0, +)
            let own = populations.byDomain[domain]
            if let own { notes.append("\(figures.domainNames[domain] ?? domain) weights: \(own.note)") }
            try rollUp.addFigures(
                of: domain, named: figures.domainNames[domain] ?? domain, measures: measures,
                population: (own ?? populations.standard).weights)
        }
        if missing > 0 {
            notes.append(
                "\(missing) LSOA figure(s) missing (suppressed or empty) are left out of their wards' averages, "
                    + "not counted as 0")
        }
        wards = rollUp.output
        lsoaCount = selected.count
        self.edition = edition
        self.notes = notes.map { "IoD\(edition): \($0)" }
    }
}

/// The loaded IoD LSOA files, and where their figures (`iod:` indicators) are in the dataset's table.
private struct IoDFiles {
    let data: Dataset
    let table: ObservationTable
    /// The positions of the IoD figures in `table`.
    let positions: [Int]

    /// Finds the figures of one IoD edition among those loaded.
    init(_ data: Dataset, edition: String) {
        let table = data.observations
        self.data = data
        self.table = table
        var isIoD = SymbolMemo<Bool>(for: table.symbols)  // indicator symbol → an IoD figure
        let period = table.symbols.symbol(edition)
        positions = table.indices.filter { position in
            guard table.periodSymbol(at: position) == period else { return false }
            return isIoD.value(for: table.indicatorSymbol(at: position)) {
                table.indicatorID(at: position).hasPrefix("iod:")
            }
        }
    }

    /// The codes of the LSOAs with IoD figures, of `authority` (its code or name) or, when `nil`, of any. An LSOA
    /// is the authority's when the IoD file says so or when the ward lookup places it in one of the authority's
    /// wards: IoD2025 names the authorities of 2024, so an LSOA of a district merged in 2023 (Harrogate into North
    /// Yorkshire) is found through the lookup's authority.
    /// - Throws: `ToolkitError` about the authority setting when there is no such LSOA.
    func lsoas(of authority: String?, placedBy lookup: WardLookup) throws -> Set<String> {
        func named(_ code: String?, _ wanted: String) -> Bool {
            guard let code else { return false }
            return code == wanted || data.areas[code]?.name.lowercased() == wanted.lowercased()
        }
        let withFigures = Set(positions.map(table.areaCode(at:)))
        let lsoas = withFigures.compactMap { data.areas[$0] }.filter { area in
            area.level == .lsoa
                && (authority.map { wanted in
                    named(data.authority(of: area.code)?.code, wanted)
                        || (lookup.shares[area.code] ?? []).contains { named(lookup.wards[$0.ward]?.parent, wanted) }
                } ?? true)
        }
        guard !lsoas.isEmpty else {
            throw ToolkitError(
                setting: "authority", "no LSOA of \(authority ?? "any authority") in the deprivation files")
        }
        return Set(lsoas.map(\.code))
    }

    /// Whether the files hold an LSOA of the authority (``lsoas(of:placedBy:)`` finds one).
    func hasLSOAs(of authority: String, placedBy lookup: WardLookup) -> Bool {
        (try? lsoas(of: authority, placedBy: lookup)) != nil
    }

    /// Checks that the lookup places every selected LSOA in wards.
    /// - Throws: `ToolkitError` at the lookup naming the first LSOA (by code) it does not place.
    func checkPlaced(_ selected: Set<String>, by lookup: WardLookup) throws {
        for code in selected.sorted() where lookup.shares[code] == nil {
            throw ToolkitError(
                file: lookup.method, "LSOA \(code) (\(data.areas[code]!.name)) is not in the ward lookup")
        }
    }

    /// The populations the selected LSOAs' pieces are weighed by in ward averages, read in one pass over the
    /// loaded figures: by default the edition's own total population (IoD File 6) or, for 2021 LSOAs, Census 2021
    /// usual residents (TS007A), or none (every LSOA weighs the same); and, for each domain `weights` names for the
    /// edition, its own population where every indicator of it is loaded. Each with the note saying which.
    /// - Throws: `ToolkitError` about the population setting when a population used lacks a selected LSOA.
    func populations(
        of selected: Set<String>, lsoaVintage: String, edition: String, weights: DeprivationWeights
    ) throws -> Populations {
        let domainWeights = weights.weights(of: edition)
        var wanted = Set(domainWeights.values.flatMap { $0.terms.map(\.indicator) })
        if lsoaVintage == "LSOA21" { wanted.insert(CensusWideLoader.usualResidents) }
        let loaded = figures(in: table.indices, of: selected) { wanted.contains($0) }
        let own = figures(in: positions, of: selected) { DeprivationLSOALoader.isTotalPopulation($0) }
        var populations = Populations(
            standard: (
                [:],
                "no population file: every LSOA weighs the same (give the IoD population denominators or "
                    + "Census 2021 TS007A for population weights)"
            ))
        if let id = own.keys.min() {
            populations.standard = (try complete(id, own[id]!, selected), "weights: \(data.indicators[id]!.name)")
        } else if let census = loaded[CensusWideLoader.usualResidents] {
            populations.standard = (
                try complete(CensusWideLoader.usualResidents, census, selected),
                "weights: Census 2021 usual residents of each LSOA (TS007A); no IoD denominators given"
            )
        }
        for (domain, weight) in domainWeights where weight.terms.allSatisfy({ loaded[$0.indicator] != nil }) {
            var total: [String: Double] = [:]
            for term in weight.terms {
                let values = try complete(term.indicator, loaded[term.indicator]!, selected)
                for (lsoa, value) in values { total[lsoa, default: 0] += value * term.fraction }
            }
            populations.byDomain[domain] = (total, weight.source)
        }
        return populations
    }

    /// The selected LSOAs' figures of every indicator `wanted` keeps, from one pass over `positions`:
    /// indicator → LSOA → value.
    private func figures(
        in positions: some Sequence<Int>, of selected: Set<String>, where wanted: (String) -> Bool
    ) -> [String: [String: Double]] {
        var keep = SymbolMemo<Bool>(for: table.symbols)  // indicator symbol → wanted
        var isSelected = SymbolMemo<Bool>(for: table.symbols)  // area symbol → selected
        var figures: [String: [String: Double]] = [:]
        for position in positions {
            guard keep.value(for: table.indicatorSymbol(at: position), { wanted(table.indicatorID(at: position)) }),
                isSelected.value(
                    for: table.areaSymbol(at: position), { selected.contains(table.areaCode(at: position)) })
            else { continue }
            figures[table.indicatorID(at: position), default: [:]][table.areaCode(at: position)] = table.value(
                at: position)
        }
        return figures
    }

    /// A population's figures, checked to hold every selected LSOA.
    /// - Throws: `ToolkitError` about the population setting naming the first selected LSOA without one.
    private func complete(
        _ indicator: String, _ values: [String: Double], _ selected: Set<String>
    ) throws -> [String: Double] {
        let unweighted = selected.subtracting(values.keys)
        guard unweighted.isEmpty else {
            throw ToolkitError(
                setting: "population",
                "no population (\(data.indicators[indicator]?.name ?? indicator)) for LSOA "
                    + "\(unweighted.sorted().first!) (and \(unweighted.count - 1) more)")
        }
        return values
    }
}

/// The populations a roll-up weighs LSOAs by: each is LSOA → population, with the note saying what it is.
struct Populations {
    /// The weight of every domain without its own.
    var standard: (weights: [String: Double], note: String)
    /// Domain id → its own weight (Employment by working age), where loaded.
    var byDomain: [String: (weights: [String: Double], note: String)] = [:]
}

/// The IoD figures of the selected LSOAs by domain and measure (rank, decile, score), with each domain's name;
/// File 6's populations and empty figures left out.
private struct DomainFigures {
    /// domain → measure (rank/decile/score) → LSOA → value
    private(set) var values: [String: [String: [String: Double]]] = [:]
    /// domain → its name as the files give it, without the measure.
    private(set) var domainNames: [String: String] = [:]

    /// Reads the figures of the `selected` LSOAs from the IoD files.
    init(_ files: IoDFiles, of selected: Set<String>) {
        let table = files.table
        var parts: [String: (domain: String, measure: String)?] = [:]  // indicator id → its domain and measure
        for position in files.positions where selected.contains(table.areaCode(at: position)) {
            let id = table.indicatorID(at: position)
            if parts[id] == nil {
                let split = id.split(separator: ":")
                parts[id] =
                    split.count == 3 && split[1] != "population" ? (String(split[1]), String(split[2])) : .some(nil)
            }
            guard let (domain, measure) = parts[id]!, let value = table.value(at: position) else { continue }
            values[domain, default: [:]][measure, default: [:]][table.areaCode(at: position)] = value
            if domainNames[domain] == nil {
                domainNames[domain] = files.data.indicators[id]?.name
                    .replacingOccurrences(of: " \(measure)", with: "").replacingOccurrences(
                        of: " (1 = most deprived)", with: "")
            }
        }
    }
}

/// Rolls the selected LSOAs' figures up to their wards, one domain at a time, into the ward dataset.
private struct WardRollUp {
    /// The selected LSOAs in code order: a fixed order keeps the sums, and so the output, identical run to run.
    let lsoas: [String]
    let lookup: WardLookup
    /// The IoD edition, the period of every ward figure.
    let edition: String
    /// The ward dataset being filled.
    let output: Dataset

    /// Adds to the output every ward that a selected LSOA lies in, in code order.
    func addWards() {
        var usedWards: Set<String> = []
        for lsoa in lsoas { for share in lookup.shares[lsoa]! { usedWards.insert(share.ward) } }
        for ward in usedWards.sorted() {
            output.add(lookup.wards[ward] ?? Area(code: ward, name: ward, level: .ward, vintage: lookup.wardVintage))
        }
    }

    /// Rolls one domain up to wards and adds its indicators and ward figures to the output.
    /// - Parameters:
    ///   - measures: the domain's figures: measure (rank/decile/score) → LSOA → value.
    ///   - population: each LSOA's weight (every LSOA weighs 1 when empty).
    /// - Throws: what the output dataset throws for a figure it already holds.
    func addFigures(
        of domain: String, named name: String, measures: [String: [String: Double]], population: [String: Double]
    ) throws {
        let perWard = sums(of: measures, population: population)
        let produced = wardFigures(of: measures, perWard: perWard)
        for (suffix, figures) in produced where !figures.isEmpty {
            let measure = DeprivationRollUp.measures.first { $0.suffix == suffix }!
            let id = DeprivationRollUp.indicatorID(domain: domain, measure: suffix)
            output.add(
                Indicator(
                    id: id, name: "\(name): \(measure.label)", unit: measure.unit,
                    polarity: measure.polarity,
                    source: "MHCLG IoD\(edition), rolled up to \(lookup.wardVintage) wards"))
            for ward in figures.keys.sorted() {
                try output.add(
                    Observation(
                        indicator: id, area: ward, period: edition, value: figures[ward],
                        denominator: perWard[ward]?.weight, source: DeprivationRollUp.source))
            }
        }
    }

    /// Each ward's running sums for a domain, over the pieces of the selected LSOAs in it, each weighed by its
    /// LSOA's population times the fraction of the LSOA in the ward.
    private func sums(
        of measures: [String: [String: Double]], population: [String: Double]
    ) -> [String: WardSums] {
        var perWard: [String: WardSums] = [:]
        for lsoa in lsoas {
            let weight = population[lsoa] ?? 1
            for share in lookup.shares[lsoa]! {
                perWard[share.ward, default: WardSums()].add(
                    rank: measures["rank"]?[lsoa], decile: measures["decile"]?[lsoa],
                    score: measures["score"]?[lsoa],
                    weight: weight * share.fraction, fraction: share.fraction)
            }
        }
        return perWard
    }

    /// A domain's ward figures by measure suffix, in the order of ``DeprivationRollUp/measures``: each average
    /// and share the LSOA figures allow (empty where the files lack the measure), then the ranks in authority.
    private func wardFigures(
        of measures: [String: [String: Double]], perWard: [String: WardSums]
    ) -> [(String, [String: Double])] {
        var produced: [(String, [String: Double])] = []
        func figures(_ key: String, _ pick: (WardSums) -> Double?) -> [String: Double] {
            measures[key] == nil ? [:] : perWard.compactMapValues(pick)
        }
        produced.append(("average-rank", figures("rank") { $0.rank.average }))
        produced.append(("average-decile", figures("decile") { $0.decile.average }))
        produced.append(("average-score", figures("score") { $0.score.average }))
        produced.append(("population-in-most-deprived-decile", figures("decile") { $0.populationInDecile1.share }))
        produced.append(("lsoas-in-most-deprived-decile", figures("decile") { $0.lsoasInDecile1.share }))
        // Rank within each authority: by score (higher = more deprived) where there is one, else by average rank.
        let byScore = measures["score"] != nil
        let basis = byScore ? produced[2].1 : produced[0].1
        if !basis.isEmpty {
            produced.append(("rank-in-authority", ranksInAuthority(by: basis, byScore: byScore)))
        }
        return produced
    }

    /// Each ward's rank among the wards of its authority (1 = most deprived): by `basis`, highest first when it is
    /// a score, lowest first when an average rank; wards with the same figure in code order.
    private func ranksInAuthority(by basis: [String: Double], byScore: Bool) -> [String: Double] {
        var ranks: [String: Double] = [:]
        let byAuthority = Dictionary(grouping: basis.keys) { lookup.wards[$0]?.parent ?? "" }
        for (_, wards) in byAuthority {
            let ordered = wards.sorted { a, b in
                let (x, y) = (basis[a]!, basis[b]!)
                return x == y ? a < b : (byScore ? x > y : x < y)
            }
            for (i, ward) in ordered.enumerated() { ranks[ward] = Double(i + 1) }
        }
        return ranks
    }
}

/// A ward's running sums for one domain: each average over the LSOA pieces that have the figure, so a missing
/// figure is left out rather than counted as 0.
struct WardSums {
    /// A weighted sum and its weight.
    struct Weighted {
        var sum = 0.0, weight = 0.0
        mutating func add(_ value: Double?, _ w: Double) {
            guard let value else { return }
            sum += value * w
            weight += w
        }
        var average: Double? { weight > 0 ? sum / weight : nil }
        /// The sum as a percentage of the weight.
        var share: Double? { weight > 0 ? sum / weight * 100 : nil }
    }

    var rank = Weighted(), decile = Weighted(), score = Weighted()
    /// Population (and LSOA fractions) in the most deprived decile, over those with a decile.
    var populationInDecile1 = Weighted(), lsoasInDecile1 = Weighted()
    /// The population weight of every piece, whatever its figures.
    var weight = 0.0

    mutating func add(rank r: Double?, decile d: Double?, score s: Double?, weight w: Double, fraction: Double) {
        weight += w
        rank.add(r, w)
        decile.add(d, w)
        score.add(s, w)
        populationInDecile1.add(d.map { $0 == 1 ? 1 : 0 }, w)
        lsoasInDecile1.add(d.map { $0 == 1 ? 1 : 0 }, fraction)
    }
}
