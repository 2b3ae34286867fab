import ArgumentParser
import CSV
import Catalogue
import Evidence
import Geography
import Loaders
import NeedsAnalysis
import Reports

/// Options of the commands that analyse need: the data, the borough, the areas, the catalogue.
struct AnalysisOptions: ParsableArguments {
    @Option(
        name: .customLong("data"), parsing: .upToNextOption,
        help: ArgumentHelp(
            "Data files of any supported format, ONS lookups included (lookups let deprivation and "
                + "census LSOA figures roll up to wards).", valueName: "file"))
    var dataFiles: [String] = []

    @Option(
        help: ArgumentHelp(
            "The borough: a local authority code or name (default: the one the data's wards belong to).",
            valueName: "code|name"))
    var authority: String?

    @OptionGroup var unofficial: UnofficialOption

    @OptionGroup var catalogueOptions: CatalogueOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if dataFiles.isEmpty {
            throw ValidationError("give the data with --data FILE... (e.g. --data Datasets/demo/*.csv)")
        }
    }

    /// Loads the data and the catalogue and sets up the analysis; what the reading left out or converted goes
    /// to stderr, notes on how the data were prepared too unless `--quiet`, and both are returned for reports.
    func analysis() throws -> (NeedsAnalysis, Catalogue, [String]) {
        let catalogue = try catalogueOptions.load()
        let (analysis, notes) = try analysis(catalogue: catalogue)
        return (analysis, catalogue, notes)
    }

    /// The analysis of the data against a catalogue already loaded, and the notes on the data.
    func analysis(catalogue: Catalogue) throws -> (NeedsAnalysis, [String]) {
        let files = dataFiles.filter { !EqualityActionPlanLoader.isActionPlan($0) }
        let built = try DatasetBuilder(
            files: files, authority: authority, reading: unofficial.reading(catalogue),
            options: input.loadOptions(for:))
        let analysis = try NeedsAnalysis(
            dataset: built.dataset, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: authority)
        var notes = built.notes
        let older = analysis.wardsOfOtherVintages
        if !older.isEmpty, let vintage = analysis.wards.first?.vintage {
            notes.append(
                "\(older.count) ward(s) of \(analysis.borough.name) of other vintages or none (e.g. \(older[0].name), "
                    + "\(older[0].code)) are left out: the analysis uses the newest ward vintage of the lookups, "
                    + "\(vintage)")
        }
        for warning in built.warnings { printError("note: \(warning)") }
        if !input.quiet { for note in notes { printError("note: \(note)") } }
        return (analysis, built.warnings + notes)
    }

    /// The area codes asked for, resolved against the data (an unknown one is an error).
    func selectedAreas(_ analysis: NeedsAnalysis, _ areas: String?) throws -> [Area] {
        guard let areas else { return [analysis.borough] + analysis.wards }
        return try areas.split(separator: ",").map { String($0).trimmingSpaces }.map { wanted in
            if let area = analysis.dataset.areas[wanted]
                ?? analysis.dataset.areas.values.filter({ $0.name.caseInsensitiveCompare(wanted) == .orderedSame })
                .min(by: { $0.level > $1.level })
            {
                return area
            }
            throw ToolkitError(
                setting: "areas",
                "no area \"\(wanted)\" in the data; wards of \(analysis.borough.name): "
                    + analysis.wards.map(\.name).joined(separator: ", "))
        }
    }
}

/// The `--eaap FILE` option of the commands that place equality gaps.
struct EqualityPlanOption: ParsableArguments {
    @Option(help: ArgumentHelp("An Equality Analysis action plan (template in Datasets/README.md).", valueName: "file"))
    var eaap: String?

    /// The plan's gaps, or none when no plan is given.
    func gaps(_ catalogue: Catalogue) throws -> [EqualityGap] {
        try eaap.map { try EqualityActionPlanLoader.load($0, characteristics: catalogue.taxonomy.characteristics) }
            ?? []
    }
}
