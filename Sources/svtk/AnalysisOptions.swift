import ArgumentParser
import Catalogue
import Core
import Evidence
import Geography
import Loaders
import NeedsAnalysis
import Reports
import Toolkit

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
            "The borough: a local authority or shire county code or name (default: the one the data's wards "
                + "belong to).",
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

    /// The analysis of the data against a catalogue already loaded, and the notes on the data (printed).
    func analysis(catalogue: Catalogue) throws -> (NeedsAnalysis, [String]) {
        let (analysis, warnings, notes) = try Borough.analyse(inputs(catalogue))
        show(warnings: warnings, notes: notes)
        return (analysis, warnings + notes)
    }

    /// The borough's evidence read once, with its action plan and boundaries, for recommendations, reports and
    /// the workspace; the notes on the data are printed.
    func borough(_ catalogue: Catalogue, actionPlan: String? = nil, boundaries: String? = nil) throws -> Borough {
        let borough = try Borough(loading: inputs(catalogue, actionPlan: actionPlan, boundaries: boundaries))
        show(warnings: borough.warnings, notes: borough.notes)
        return borough
    }

    /// What the options ask to be read.
    func inputs(_ catalogue: Catalogue, actionPlan: String? = nil, boundaries: String? = nil) -> BoroughInputs {
        let input = self.input
        return BoroughInputs(
            catalogue: catalogue, dataFiles: dataFiles, authority: authority, includeUnofficial: unofficial.unofficial,
            actionPlan: actionPlan, boundaries: boundaries, toolkit: "svtk \(Version.text)",
            loadOptions: { input.readingOptions(for: $0) })
    }

    /// Prints what each file's reading left out or converted, and how the data were prepared unless `--quiet`.
    private func show(warnings: [String], notes: [String]) {
        for warning in warnings { printError("note: \(warning)") }
        if !input.quiet { for note in notes { printError("note: \(note)") } }
    }

    /// The area codes asked for, resolved against the data (an unknown one is an error).
    func selectedAreas(_ analysis: NeedsAnalysis, _ areas: String?) throws -> [Area] {
        guard let areas else { return [analysis.borough] + analysis.wards }
        let names = areas.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw ToolkitError(setting: "areas", "names no area: give area codes or names, separated by commas")
        }
        return try names.map { try analysis.area($0, setting: "areas") }
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
