import Core
import Evidence
import Loaders

/// Adds census counts up from LSOAs to wards and to their authority, and re-derives the shares, so ward
/// profiles and the borough figure come from the same LSOA table. ONS's LSOA→ward lookup is best-fit (an
/// LSOA is counted whole in the ward holding most of its population), which the notes say.
public enum CensusRollUp {
    /// Ward and authority observations for every `count` indicator at LSOA level (and its `:percent` share).
    /// - Parameter wardOf: LSOA code → (ward code, authority code).
    /// - Throws: `ToolkitError` on making a figure twice, possible only when a count's `:percent` share is a count too.
    public static func rollUp(_ data: Dataset, wardOf: [String: (ward: String, authority: String)]) throws -> (
        Dataset, [String]
    ) {
        let out = Dataset()
        var sums: [String: [String: (count: Double, total: Double?, period: String)]] = [:]  // indicator → area → sums
        var missingLSOAs: Set<String> = []
        var covered = 0
        let table = data.observations
        var isCensusCount: [String: Bool] = [:]  // indicator id → a census count
        for position in table.indices {
            let id = table.indicatorID(at: position)
            if isCensusCount[id] == nil {
                let indicator = data.indicators[id]
                isCensusCount[id] = indicator?.unit == "count" && indicator?.source.hasPrefix("ONS Census") == true
            }
            guard isCensusCount[id]!, data.areas[table.areaCode(at: position)]?.level == .lsoa else { continue }
            let o = table[position]
            guard let place = wardOf[o.area] else {
                missingLSOAs.insert(o.area)
                continue
            }
            covered += 1
            guard let value = o.value else { continue }
            for area in [place.ward, place.authority] {
                var entry = sums[o.indicator, default: [:]][area] ?? (0, o.denominator.map { _ in 0 }, o.period)
                entry.count += value
                if let d = o.denominator { entry.total = (entry.total ?? 0) + d }
                sums[o.indicator, default: [:]][area] = entry
            }
        }
        var notes: [String] = []
        if covered > 0 {
            notes.append("census LSOA counts summed to wards and authorities through the best-fit LSOA→ward lookup")
        }
        if !missingLSOAs.isEmpty {
            notes.append(
                "\(missingLSOAs.count) LSOA(s) of the census tables are outside the lookup and not summed "
                    + "(e.g. \(missingLSOAs.sorted().first!))")
        }
        for (indicatorID, areas) in sums.sorted(by: { $0.key < $1.key }) {
            let indicator = data.indicators[indicatorID]!
            out.add(indicator)
            let share = data.indicators[indicatorID + ":percent"]
            if let share { out.add(share) }
            for (area, entry) in areas.sorted(by: { $0.key < $1.key }) {
                try out.add(
                    Observation(
                        indicator: indicatorID, area: area, period: entry.period, value: entry.count,
                        denominator: entry.total, source: "census roll-up"))
                if let share, let total = entry.total, total > 0 {
                    try out.add(
                        Observation(
                            indicator: share.id, area: area, period: entry.period,
                            value: entry.count / total * 100, count: entry.count, denominator: total,
                            source: "census roll-up"))
                }
            }
        }
        return (out, notes)
    }
}
