import ArgumentParser
import Catalogue
import Core
import Evidence
import Formatting
import Geography
import Loaders
import Reports

struct DeprivationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deprivation",
        abstract: "Roll the Indices of Deprivation up from LSOAs to wards and rank each authority's wards.",
        discussion: """
            For the index and each domain: population-weighted average rank and decile (and score, where a score file \
            is given), the share of the ward's population and of its LSOAs in the most deprived 10% nationally, and \
            the ward's rank among its authority's wards (1 = most deprived).

            IoD2025 (2021 LSOAs) reaches today's wards directly through an LSOA21→ward lookup; IoD2019 (2011 \
            LSOAs) through LSOA11→LSOA21 first (a split LSOA shares its population equally among its pieces). An LSOA \
            the lookups do not place is an error naming it. Weights: the edition's population denominators (File 6) \
            or, for IoD2025, Census 2021 TS007A by LSOA; Employment by working-age adults, as MHCLG weighs it. Given \
            both editions, each ward's older decile and the change are shown: a move in position, not a measured \
            change (ranks are relative, and IoD2025 changed its data and methods).

            Download IoD2025 from \
            https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025 (File 2, domains of \
            deprivation, as CSV) and the lookups from https://geoportal.statistics.gov.uk/.

            Examples:
              svtk deprivation --iod Datasets/demo/iod2025_domains_rotherham.csv \\
                  --population Datasets/demo/census2021_ts007a_lsoa_rotherham.csv \\
                  --lookup Datasets/demo/lookup_lsoa21_ward22_rotherham.csv \\
                  --authority Rotherham
              svtk deprivation --iod Datasets/demo/iod2025_domains_rotherham.csv \\
                  --iod Datasets/demo/iod2019_domains_rotherham.csv \\
                  --population Datasets/demo/census2021_ts007a_lsoa_rotherham.csv \\
                  --population Datasets/demo/iod2019_population_rotherham.csv \\
                  --lookup Datasets/demo/lookup_lsoa11_lsoa21_rotherham.csv \\
                  --lookup Datasets/demo/lookup_lsoa21_ward22_rotherham.csv \\
                  --authority E08000018 --format csv
            """)

    @Option(
        name: .customLong("iod"),
        help: ArgumentHelp(
            "IoD LSOA file(s): ranks and deciles (File 1, 2), scores (File 5, 7).",
            valueName: "file"))
    var iodFiles: [String]

    @Option(
        help: ArgumentHelp(
            "Population weights: IoD population denominators (File 6), or Census 2021 TS007A by LSOA for an "
                + "edition on 2021 LSOAs without them (repeat for both editions).", valueName: "file"))
    var population: [String] = []

    @Option(
        name: .customLong("lookup"), help: ArgumentHelp("ONS lookup file(s) from LSOAs to wards.", valueName: "file"))
    var lookups: [String]

    @Option(
        help: ArgumentHelp(
            "Local authority or shire county code or name: only its LSOAs and wards.", valueName: "code|name"))
    var authority: String?

    @Option(
        help: ArgumentHelp(
            "Ward vintage, e.g. WD19 or WD22 (default: the newest in the lookups).", valueName: "vintage"))
    var wards: String?

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @OptionGroup var catalogueOptions: CatalogueOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if iodFiles.isEmpty { throw ValidationError("give at least one --iod file") }
        if lookups.isEmpty { throw ValidationError("give at least one --lookup file") }
    }

    func run() throws {
        let (rollUps, county) = try rollUps(try catalogueOptions.load())
        if !input.quiet { for note in rollUps.flatMap(\.notes) { printError("note: \(note)") } }
        let wards = Dataset()
        for rollUp in rollUps { try wards.add(contentsOf: rollUp.wards) }
        let change = EditionChange(wards)
        if let change { try wards.add(contentsOf: change.dataset()) }
        guard format == .table else { return try write(wards) }
        print(
            table(
                wards, lsoas: rollUps.last!.lsoaCount, edition: rollUps.last!.edition, change: change,
                county: county))
    }

    /// Each edition's roll-up to wards of the authority asked for, found in the lookups as `needs` finds it (by code
    /// or name, a successor by its name; a district replaced since is an error naming its successor), or of every
    /// authority. A shire county's LSOAs are its districts': only theirs are read, and every LSOA read is the county's.
    /// - Returns: the roll-ups, and whether the authority is a shire county.
    /// - Throws: `ToolkitError` for a file that cannot be read, or an authority the lookups do not have.
    private func rollUps(_ catalogue: Catalogue) throws -> (rollUps: [DeprivationRollUp], county: Bool) {
        let tables = try lookups.map { try LookupTable(path: $0, changes: catalogue.authorityChanges) }
        let chosen = try authority.map {
            try AuthorityAreas(tables: tables, authority: $0, changes: catalogue.authorityChanges)
        }
        let county = chosen?.level == .county ? chosen : nil
        let rollUps = try DeprivationRollUp.everyEdition(
            data: try inputs(catalogue, keeping: county?.filter), lookups: tables,
            authority: county == nil ? chosen.map { $0.codes.count == 1 ? $0.codes.first! : authority! } : nil,
            wardVintage: wards, weights: catalogue.deprivationWeights)
        guard !rollUps.isEmpty else {
            throw ToolkitError(
                setting: "authority", "no LSOA of \(authority ?? "any authority") in the deprivation files")
        }
        return (rollUps, county != nil)
    }

    /// The IoD files and the population tables, each checked to be of its kind, keeping only the rows `filter`
    /// keeps where one is given.
    /// - Throws: `ToolkitError` naming a file that cannot be read or is of another format.
    private func inputs(_ catalogue: Catalogue, keeping filter: AreaFilter?) throws -> Dataset {
        let ranked = catalogue.publishedSources.rankedAreas(of: DeprivationLSOALoader.format)
        try FileLoader.checkEachOnce(iodFiles + population)
        let data = Dataset()
        for file in iodFiles {
            try load(file, into: data, as: [DeprivationLSOALoader.format], ranked: ranked, keeping: filter)
        }
        for file in population {
            let own = Dataset()
            try load(
                file, into: own, as: [DeprivationLSOALoader.format, CensusWideLoader.format], ranked: ranked,
                keeping: filter)
            try Self.checkGivesPopulations(own, file)
            try data.add(contentsOf: own)
        }
        return data
    }

    /// Refuses a `--population` file that gives no LSOA's population (a census table of another topic, or by
    /// authority), which would leave every LSOA weighing the same without a word.
    /// - Throws: `ToolkitError` naming the file.
    static func checkGivesPopulations(_ data: Dataset, _ file: String) throws {
        let gives = data.observations.contains { figure in
            (figure.indicator == CensusWideLoader.usualResidents
                || DeprivationLSOALoader.isTotalPopulation(figure.indicator)) && figure.value != nil
                && data.areas[figure.area]?.level == .lsoa
        }
        guard !gives else { return }
        throw ToolkitError(
            file: file,
            "--population: no LSOA's total population in this file: give the IoD population denominators (File 6) "
                + "or Census 2021 TS007A by LSOA")
    }

    /// The ward figures as normalised observations, CSV or JSON.
    /// - Throws: `ToolkitError` when standard output cannot be written.
    private func write(_ wards: Dataset) throws {
        let writer = ObservationWriter(json: format == .json)
        for area in wards.areas.values { writer.add(area) }
        for indicator in wards.indicators.values { writer.add(indicator) }
        for observation in wards.observations { try writer.add(observation) }
        writer.finish()
    }

    /// Loads a file given to an option, which must be one of `formats`, printing its notes; IoD ranks are checked
    /// against the number of LSOAs each edition ranks (`ranked`), and only the rows `filter` keeps are read.
    /// - Throws: `ToolkitError` naming the file when it cannot be read or is of another format.
    private func load(
        _ file: String, into data: Dataset, as formats: [String], ranked: [String: Int], keeping filter: AreaFilter?
    ) throws {
        var options = input.readingOptions(for: file)
        options.rankedAreas = ranked
        options.areas = filter
        let result = try FileLoader.load(file, options: options, into: data)
        guard formats.contains(result.format) else {
            throw ToolkitError(file: file, "this is a \(result.format), not \(formats.joined(separator: " or "))")
        }
        for warning in result.outcome.warnings { printError("\(file): note: \(warning)") }
    }

    /// Wards ranked by the overall index of the newest edition, most deprived first (a `county`'s across its
    /// districts, by average rank); with an older edition, each ward's decile in it and the move.
    private func table(_ wards: Dataset, lsoas: Int, edition: String, change: EditionChange?, county: Bool) -> String {
        let prefix = "iod-ward:index-of-multiple-deprivation:"
        var values: [String: [String: Double]] = [:]  // ward → measure → the edition's value
        for figure in wards.observations where figure.period == edition && figure.indicator.hasPrefix(prefix) {
            values[figure.area, default: [:]][String(figure.indicator.dropFirst(prefix.count))] = figure.value
        }
        func value(_ ward: String, _ measure: String) -> Double? { values[ward]?[measure] }
        // One authority's wards by their rank in it; a county's, across its districts, by their average rank.
        let key = county ? "average-rank" : "rank-in-authority"
        let ordered = wards.areas.values.sorted {
            (value($0.code, key) ?? .infinity, $0.code) < (value($1.code, key) ?? .infinity, $1.code)
        }
        let rank = key == "average-rank" ? "rank in district" : "rank"
        var header = [rank, "ward", "code", "authority", "avg IMD rank", "avg decile", "% pop in 10% most deprived"]
        if let change { header += ["avg decile IoD\(change.older)", "change"] }
        var text = TextTable(header: header, numeric: [0, 4, 5, 6, 7, 8])
        for ward in ordered {
            var row = [
                value(ward.code, "rank-in-authority").written(.plain), ward.name, ward.code, ward.parent ?? "",
                value(ward.code, "average-rank").map { $0.rounded() }.written(.plain),
                value(ward.code, "average-decile").map { ($0 * 10).rounded() / 10 }.written(.plain),
                value(ward.code, "population-in-most-deprived-decile").map { ($0 * 10).rounded() / 10 }
                    .written(.plain),
            ]
            if let change {
                let move = change.move(of: ward.code)
                row += [(move?.from).written(.shortScore), (move?.change).written(.signedScore)]
            }
            text.rows.append(row)
        }
        var out =
            "Index of Multiple Deprivation \(edition) by ward (\(text.rows.count) wards from \(lsoas) LSOAs; "
            + "all domains in --format csv|json)\n" + text.render()
        if let change {
            out +=
                "\nChange since IoD\(change.older): a change of position among England's LSOAs, not a measured "
                + "change (MHCLG: ranks are relative, and IoD\(change.newer) changed its data, methods and LSOAs).\n"
        }
        return out
    }
}
