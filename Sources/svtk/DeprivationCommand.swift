import ArgumentParser
import CSV
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

            LSOAs reach wards through ONS lookups: an LSOA11→ward lookup, or LSOA11→LSOA21 plus LSOA21→ward for \
            today's wards (a split LSOA shares its population equally among its pieces). An LSOA the lookups do not \
            place is an error naming it.

            Examples:
              svtk deprivation --iod Datasets/demo/iod2019_domains_rotherham.csv \\
                  --population Datasets/demo/iod2019_population_rotherham.csv \\
                  --lookup Datasets/demo/lookup_lsoa11_lsoa21_rotherham.csv \\
                  --lookup Datasets/demo/lookup_lsoa21_ward22_rotherham.csv \\
                  --authority Rotherham
              svtk deprivation --iod Datasets/demo/iod2019_domains_rotherham.csv \\
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

    @Option(help: ArgumentHelp("IoD population denominators (File 6) for population weights.", valueName: "file"))
    var population: String?

    @Option(
        name: .customLong("lookup"), help: ArgumentHelp("ONS lookup file(s) from LSOAs to wards.", valueName: "file"))
    var lookups: [String]

    @Option(help: ArgumentHelp("Local authority code or name: only its LSOAs and wards.", valueName: "code|name"))
    var authority: String?

    @Option(
        help: ArgumentHelp(
            "Ward vintage, e.g. WD19 or WD22 (default: the newest in the lookups).", valueName: "vintage"))
    var wards: String?

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @OptionGroup var input: InputOptions

    func validate() throws {
        if iodFiles.isEmpty { throw ValidationError("give at least one --iod file") }
        if lookups.isEmpty { throw ValidationError("give at least one --lookup file") }
    }

    func run() throws {
        let data = Dataset()
        for file in iodFiles + (population.map { [$0] } ?? []) {
            let result = try FileLoader.load(file, options: input.loadOptions(for: file), into: data)
            guard result.format == DeprivationLSOALoader.format else {
                throw ToolkitError(file: file, "this is a \(result.format), not an IoD LSOA file")
            }
            for warning in result.outcome.warnings { printError("\(file): note: \(warning)") }
        }
        let vintage = DeprivationLSOALoader.lsoaVintage(edition: data.observations.first?.period ?? "")
        let lookup = try WardLookup(files: lookups, from: vintage, to: wards)
        let rollUp = try DeprivationRollUp(data: data, lookup: lookup, authority: authority)
        if !input.quiet { for note in rollUp.notes { printError("note: \(note)") } }
        switch format {
        case .table: print(table(rollUp.wards, lsoas: rollUp.lsoaCount))
        case .csv, .json:
            let writer = ObservationWriter(json: format == .json)
            for area in rollUp.wards.areas.values { writer.add(area) }
            for indicator in rollUp.wards.indicators.values { writer.add(indicator) }
            for observation in rollUp.wards.observations { try writer.add(observation) }
            writer.finish()
        }
    }

    /// Wards ranked by the overall index, most deprived first.
    private func table(_ wards: Dataset, lsoas: Int) -> String {
        let prefix = "iod-ward:index-of-multiple-deprivation:"
        func value(_ ward: String, _ measure: String) -> Double? {
            wards.observations.first { $0.area == ward && $0.indicator == prefix + measure }?.value
        }
        let ordered = wards.areas.values.sorted {
            (value($0.code, "rank-in-authority") ?? .infinity, $0.code) < (
                value($1.code, "rank-in-authority") ?? .infinity, $1.code
            )
        }
        var text = TextTable(
            header: ["rank", "ward", "code", "authority", "avg IMD rank", "avg decile", "% pop in 10% most deprived"],
            numeric: [0, 4, 5, 6])
        for ward in ordered {
            text.rows.append([
                value(ward.code, "rank-in-authority").written(.plain), ward.name, ward.code, ward.parent ?? "",
                value(ward.code, "average-rank").map { $0.rounded() }.written(.plain),
                value(ward.code, "average-decile").map { ($0 * 10).rounded() / 10 }.written(.plain),
                value(ward.code, "population-in-most-deprived-decile").map { ($0 * 10).rounded() / 10 }
                    .written(.plain),
            ])
        }
        return "Index of Multiple Deprivation by ward (\(wards.areas.count) wards from \(lsoas) LSOAs; "
            + "all domains in --format csv|json)\n" + text.render()
    }
}
