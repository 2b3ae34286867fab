import ArgumentParser
import Catalogue
import Evidence
import Loaders
import Reports
import Toolkit

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List what an answer rests on: every file, its publisher, edition, coverage, licence and checksum.",
        discussion: """
            For each file: what it is, its publisher and licence (Datasets/policy/sources.csv), the periods of its \
            figures, the areas it covers, its size and SHA-256, and a warning where an edition it holds is \
            superseded by one the toolkit knows of (IoD2019 by IoD2025, Datasets/policy/editions.csv), where a \
            Fingertips period is more than two years old, or where the file is a third party's aggregate that \
            analyses leave out. Then the attribution lines the licences ask for. Reports carry the same register \
            in their provenance.

            Examples:
              svtk sources --data Datasets/demo/*.csv
              svtk sources --data Datasets/demo/iod2019_domains_rotherham.csv --format json
            """)

    @Option(
        name: .customLong("data"), parsing: .upToNextOption,
        help: ArgumentHelp("Data files of any supported format, lookups and action plans included.", valueName: "file"))
    var dataFiles: [String] = []

    @Option(help: "Output format: table or json.")
    var format: ListingFormat = .table

    @OptionGroup var catalogueOptions: CatalogueOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if dataFiles.isEmpty {
            throw ValidationError("give the files with --data FILE... (e.g. --data Datasets/demo/*.csv)")
        }
    }

    func run() throws {
        let catalogue = try catalogueOptions.load()
        let reads = try dataFiles.map { file in try read(file, unofficial: catalogue.unofficialSources) }
        let register = try SourceRegister(reads, known: catalogue.publishedSources, year: ReportProvenance.year())
        print(format == .json ? try JSON.encoded(register) : register.text)
        if register.warned > 0, !input.quiet { printError("note: \(register.warned) file(s) with a warning") }
    }

    /// What reading one file gives the register: its format, periods and areas (an action plan is listed as read).
    private func read(_ file: String, unofficial: UnofficialSources) throws -> SourceRegister.Read {
        if EqualityActionPlanLoader.isActionPlan(file) {
            return SourceRegister.Read(path: file, format: EqualityActionPlanLoader.format, periods: [], areas: [:])
        }
        let options = try input.loadOptions(for: file)
        let statistics = LoadStatistics()
        let table = try FileLoader.table(file, options: options)
        let result =
            try table.map { try FileLoader.load($0, options: options, into: statistics) }
            ?? FileLoader.load(file, options: options, into: statistics)
        let header = table?.header ?? []
        let notes = unofficial.source(of: header).map {
            ["unofficial: \($0.what), made by \($0.who); analyses leave it out unless --unofficial"]
        }
        return SourceRegister.Read(
            path: file, format: result.format, periods: statistics.periods, areas: statistics.areasByLevel,
            notes: notes ?? [])
    }
}
