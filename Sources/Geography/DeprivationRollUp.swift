import CSV
import Evidence
import Foundation
import Loaders

/// Rolls the Indices of Deprivation up from LSOAs to wards, the way MHCLG summarises local authorities:
/// for each index and domain, the population-weighted average rank and decile (and score, where a score
/// file is loaded), the share of the ward's population and of its LSOAs in the most deprived 10% nationally,
/// and the ward's rank among the wards of its authority (1 = most deprived).
///
/// Weights are File 6's total population (mid-2015, the one IoD2019 used) times the LSOA's fraction in the
/// ward; without a population file every LSOA weighs the same, and the result says so.
public struct DeprivationRollUp {
    /// The ward figures, as a dataset of `iod-ward:<domain>:<measure>` indicators at ward level.
    public let wards: Dataset
    /// How many LSOAs went in, and notes on the method.
    public let lsoaCount: Int
    /// Notes on the method, for the report: the lookup used, repeated lookup rows and the population weights.
    public let notes: [String]

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

    /// - Parameters:
    ///   - data: loaded IoD LSOA files (ranks, deciles, scores and optionally File 6 populations).
    ///   - lookup: how LSOAs share out into wards.
    ///   - authority: only LSOAs of this local authority (code or name); all when `nil`.
    /// - Throws: `InputError` when no LSOA of `authority` is loaded, or one is not in `lookup` or lacks a population.
    public init(data: Dataset, lookup: WardLookup, authority: String?) throws {
        let table = data.observations
        // The positions of the IoD figures.
        let deprivation = table.indices.filter { table.indicatorID(at: $0).hasPrefix("iod:") }
        let withFigures = Set(deprivation.map(table.areaCode(at:)))
        let lsoas = withFigures.compactMap { data.areas[$0] }.filter { area in
            area.level == .lsoa
                && (authority.map { a in
                    let la = data.authority(of: area.code)
                    return la?.code == a || la?.name.lowercased() == a.lowercased()
                } ?? true)
        }
        guard !lsoas.isEmpty else {
            throw InputError(
                setting: "authority", "no LSOA of \(authority ?? "any authority") in the deprivation files")
        }
        let selected = Set(lsoas.map(\.code))
        for code in selected.sorted() where lookup.shares[code] == nil {
            throw InputError(file: lookup.method, "LSOA \(code) (\(data.areas[code]!.name)) is not in the ward lookup")
        }
        var notes = ["LSOAs to wards: \(lookup.method)"]
        if lookup.repeatedRows > 0 {
            notes.append("\(lookup.repeatedRows) lookup row(s) repeated word for word, counted once")
        }
        let populationID = data.indicators.keys.sorted().first { $0.hasPrefix("iod:population:total-population") }
        var population: [String: Double] = [:]
        if let populationID {
            for position in deprivation where table.indicatorID(at: position) == populationID {
                let area = table.areaCode(at: position)
                if selected.contains(area) { population[area] = table.value(at: position) }
            }
            let unweighted = selected.subtracting(population.keys)
            if !unweighted.isEmpty {
                throw InputError(
                    setting: "population",
                    "no population for LSOA \(unweighted.sorted().first!) "
                        + "(and \(unweighted.count - 1) more)")
            }
            notes.append("weights: \(data.indicators[populationID]!.name)")
        } else {
            notes.append("no population file: every LSOA weighs the same (give File 6 for population weights)")
        }
        // domain → measure (rank/decile/score) → LSOA → value
        var values: [String: [String: [String: Double]]] = [:]
        var domainNames: [String: String] = [:]
        var edition = ""
        var parts: [String: (domain: String, measure: String)?] = [:]  // indicator id → its domain and measure
        for position in deprivation where selected.contains(table.areaCode(at: position)) {
            let id = table.indicatorID(at: position)
            if parts[id] == nil {
                let split = id.split(separator: ":")
                parts[id] =
                    split.count == 3 && split[1] != "population" ? (String(split[1]), String(split[2])) : .some(nil)
            }
            guard let (domain, measure) = parts[id]!, let value = table.value(at: position) else { continue }
            edition = table.period(at: position)
            values[domain, default: [:]][measure, default: [:]][table.areaCode(at: position)] = value
            if domainNames[domain] == nil {
                domainNames[domain] = data.indicators[id]?.name
                    .replacingOccurrences(of: " \(measure)", with: "").replacingOccurrences(
                        of: " (1 = most deprived)", with: "")
            }
        }
        let wardsOut = Dataset()
        var usedWards: Set<String> = []
        for lsoa in selected.sorted() { for share in lookup.shares[lsoa]! { usedWards.insert(share.ward) } }
        for ward in usedWards.sorted() {
            wardsOut.add(lookup.wards[ward] ?? Area(code: ward, name: ward, level: .ward, vintage: lookup.wardVintage))
        }
        var missing = 0
        for domain in values.keys.sorted() {
            let measures = values[domain]!
            var perWard: [String: WardSums] = [:]
            for lsoa in selected.sorted() {  // a fixed order keeps the sums, and so the output, identical run to run
                let weight = population[lsoa] ?? 1
                for share in lookup.shares[lsoa]! {
                    perWard[share.ward, default: WardSums()].add(
                        rank: measures["rank"]?[lsoa], decile: measures["decile"]?[lsoa],
                        score: measures["score"]?[lsoa],
                        weight: weight * share.fraction, fraction: share.fraction)
                }
            }
            missing += measures.values.map { selected.count - $0.count }.reduce(0, +)
            let name = domainNames[domain] ?? domain
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
                var rankInAuthority: [String: Double] = [:]
                let byAuthority = Dictionary(grouping: basis.keys) { lookup.wards[$0]?.parent ?? "" }
                for (_, wards) in byAuthority {
                    let ordered = wards.sorted { a, b in
                        let (x, y) = (basis[a]!, basis[b]!)
                        return x == y ? a < b : (byScore ? x > y : x < y)
                    }
                    for (i, ward) in ordered.enumerated() { rankInAuthority[ward] = Double(i + 1) }
                }
                produced.append(("rank-in-authority", rankInAuthority))
            }
            for (suffix, figures) in produced where !figures.isEmpty {
                let measure = Self.measures.first { $0.suffix == suffix }!
                let id = Self.indicatorID(domain: domain, measure: suffix)
                wardsOut.add(
                    Indicator(
                        id: id, name: "\(name): \(measure.label)", unit: measure.unit,
                        polarity: measure.polarity,
                        source: "MHCLG IoD\(edition), rolled up to \(lookup.wardVintage) wards"))
                for ward in figures.keys.sorted() {
                    try wardsOut.add(
                        Observation(
                            indicator: id, area: ward, period: edition, value: figures[ward],
                            denominator: perWard[ward]?.weight, source: "deprivation roll-up"))
                }
            }
        }
        if missing > 0 {
            notes.append(
                "\(missing) LSOA figure(s) missing (suppressed or empty) are left out of their wards' averages, "
                    + "not counted as 0")
        }
        wards = wardsOut
        lsoaCount = selected.count
        self.notes = notes
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
