import CSV
import Evidence

/// Loads a set of data files for analysis: every file through its loader into one ``Dataset``, then, where
/// ONS lookups are among the files, the Indices of Deprivation rolled up from LSOAs to wards and census LSOA
/// counts summed to wards and authorities.
public struct DatasetBuilder {
    /// What was loaded, with the roll-ups added.
    public let dataset: Dataset
    /// Each file's result.
    public let results: [FileLoader.Result]
    /// Notes on what was derived and how.
    public let notes: [String]

    /// - Parameters:
    ///   - files: data files of any supported format, lookups included.
    ///   - authority: limits the deprivation roll-up to one authority (code or name).
    public init(files: [String], authority: String? = nil, options: (String) -> LoadOptions = { _ in LoadOptions() }) throws {
        let data = Dataset()
        var results: [FileLoader.Result] = []
        var lookups: [String] = []
        for file in files {
            let result = try FileLoader.load(file, options: options(file), into: data)
            if result.format == GeographyLookupLoader.format { lookups.append(file) }
            results.append(result)
        }
        var notes: [String] = []
        if data.duplicates > 0 {
            notes.append("\(data.duplicates) figure(s) appeared in more than one file and were counted once (the first file's kept)")
        }
        if !lookups.isEmpty {
            // The LSOA vintage of the deprivation figures, if any were loaded.
            // (an LSOA code may be in several vintages, so the edition decides: IoD2019 uses 2011 LSOAs)
            if let first = data.observations.first(where: { $0.indicator.hasPrefix("iod:") && !$0.indicator.hasPrefix("iod:population") }) {
                let vintage = DeprivationLSOALoader.lsoaVintage(edition: first.period)
                let lookup = try WardLookup(files: lookups, from: vintage)
                let rollUp = try DeprivationRollUp(data: data, lookup: lookup, authority: authority)
                try Self.merge(rollUp.wards, into: data)
                notes += rollUp.notes.map { "deprivation: \($0)" }
            }
            let wardOf = try Self.censusWards(lookups)
            if !wardOf.isEmpty {
                let (census, censusNotes) = try CensusRollUp.rollUp(data, wardOf: wardOf)
                try Self.merge(census, into: data)
                notes += censusNotes
            }
        }
        dataset = data
        self.results = results
        self.notes = notes
    }

    static func merge(_ other: Dataset, into data: Dataset) throws {
        for area in other.areas.values.sorted(by: { $0.code < $1.code }) { data.add(area) }
        for indicator in other.indicators.values.sorted(by: { $0.id < $1.id }) { data.add(indicator) }
        for observation in other.observations { try data.add(observation) }
    }

    /// LSOA 2021 → (ward, authority) from a lookup with LSOA21CD, a ward column and an authority column.
    static func censusWards(_ lookups: [String]) throws -> [String: (ward: String, authority: String)] {
        for path in lookups {
            let table = try WardLookup.read(path)
            guard let lsoa = table.columns["LSOA21"],
                  let ward = table.columns.keys.filter({ $0.hasPrefix("WD") }).max().flatMap({ table.columns[$0] }),
                  let authority = table.columns.keys.filter({ $0.hasPrefix("LAD") }).max().flatMap({ table.columns[$0] })
            else { continue }
            var map: [String: (String, String)] = [:]
            for row in table.rows where !row[lsoa].isEmpty { map[row[lsoa]] = (row[ward], row[authority]) }
            return map
        }
        return [:]
    }
}
