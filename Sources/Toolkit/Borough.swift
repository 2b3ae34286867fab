import Catalogue
import Core
import Evidence
import Geography
import Loaders
import NeedsAnalysis
import Recommender
import Reports

/// A borough's evidence, read once: its needs analysis, the catalogue and policy, the equality action plan's
/// gaps, the ward maps and the inputs' provenance. `svtk report`, `svtk recommend`, `svtk profile` and the
/// workspace all answer from one of these (``recommend(_:file:)``, ``report(_:contract:)``, ``profile(of:)``), so
/// they give the same answer for the same contract.
///
/// Nothing in it changes once loaded, so a server's requests share it without locks.
public struct Borough: @unchecked Sendable {
    // @unchecked: NeedsAnalysis holds only values and a profile cache that locks itself; it is read-only here.
    /// The borough's needs analysis.
    public let analysis: NeedsAnalysis
    /// The catalogue: measures, proxy values, taxonomy, CPV vocabulary and the workspace's limits.
    public let catalogue: Catalogue
    /// The policy parameters the recommendations follow.
    public let policy: Policy
    /// The equality action plan's gaps, as loaded; empty without a plan.
    public let equalityGaps: [EqualityGap]
    /// The gaps placed in the data: their wards and the size of each group there.
    public let equalityNeeds: [EqualityNeed]
    /// The borough's need profiles, shared by every page.
    public let view: BoroughView
    /// The ward maps, no ward outlined; nil when there are no boundaries for the borough's wards.
    public let maps: ReportMaps?
    /// How the wards' deprivation moved between two IoD editions; nil unless both are loaded.
    public let editionChange: EditionChange?
    /// The data files (with their SHA-256), the catalogue and the svtk that made every page.
    public let provenance: Provenance
    /// What each file's reading left out, converted or could not tell (`file: warning`).
    public let warnings: [String]
    /// How the data were prepared (roll-ups, duplicates, conversions, wards of other vintages left out).
    public let notes: [String]

    /// Reads the inputs once: the data through their loaders and roll-ups, the analysis, the action plan's gaps
    /// (placed in the data), the maps and the provenance.
    /// - Throws: `ToolkitError` for a file that cannot be read, an authority the data do not cover, an action
    ///   plan naming a ward the borough does not have, or boundaries holding none of its wards.
    public init(loading inputs: BoroughInputs) throws {
        let catalogue = inputs.catalogue
        let (analysis, warnings, notes) = try Self.analyse(inputs)
        let view = analysis.boroughView()
        let gaps = try inputs.actionPlan.map {
            try EqualityActionPlanLoader.load($0, characteristics: catalogue.taxonomy.characteristics)
        }
        let others = inputs.boundaries.map { [($0, SourceRegister.boundaries)] } ?? []
        try self.init(
            analysis: analysis, catalogue: catalogue, policy: try Policy.load(for: catalogue), equalityGaps: gaps ?? [],
            maps: try BoroughMaps.maps(analysis, view: view, boundaries: inputs.boundaries), view: view,
            provenance: try ReportProvenance.gather(
                data: inputs.dataFiles + [inputs.actionPlan].compactMap { $0 }, others: others,
                dataset: analysis.dataset, catalogue: catalogue, options: inputs.loadOptions, reading: inputs.reading,
                toolkit: inputs.toolkit),
            warnings: warnings, notes: notes)
    }

    /// The needs analysis of the inputs' data alone (no maps, gaps or checksums), with what each file's reading
    /// left out or converted (`warnings`) and how the data were prepared (`notes`).
    /// - Throws: `ToolkitError` for a file that cannot be read or an authority the data do not cover.
    public static func analyse(_ inputs: BoroughInputs) throws -> (
        analysis: NeedsAnalysis, warnings: [String], notes: [String]
    ) {
        let built = try DatasetBuilder(
            files: inputs.dataFiles.filter { !EqualityActionPlanLoader.isActionPlan($0) },
            authority: inputs.authority, reading: inputs.reading, options: inputs.loadOptions)
        let analysis = try NeedsAnalysis(
            dataset: built.dataset, taxonomy: inputs.catalogue.taxonomy, bands: inputs.catalogue.needBands,
            borough: inputs.authority)
        return (analysis, built.warnings, built.notes + vintageNote(analysis))
    }

    /// A borough from its parts, placing the equality gaps in the analysis once.
    /// - Throws: `ToolkitError` naming the action plan's line when a gap names a ward the borough does not have.
    init(
        analysis: NeedsAnalysis, catalogue: Catalogue, policy: Policy, equalityGaps: [EqualityGap],
        maps: ReportMaps?, view: BoroughView, provenance: Provenance, warnings: [String] = [], notes: [String]
    ) throws {
        self.analysis = analysis
        self.catalogue = catalogue
        self.policy = policy
        self.equalityGaps = equalityGaps
        self.equalityNeeds = try analysis.equalityNeeds(equalityGaps)
        self.view = view
        self.maps = maps
        editionChange = EditionChange(analysis.dataset)
        self.provenance = provenance
        self.warnings = warnings
        self.notes = notes
    }

    /// What each file's reading and the data's preparation say, warnings first, as a recommendation keeps them.
    var readingNotes: [String] { warnings + notes }

    /// `151 ward(s) of North Yorkshire of other vintages or none (e.g. …) are left out: …`, when there are any.
    static func vintageNote(_ analysis: NeedsAnalysis) -> [String] {
        let older = analysis.wardsOfOtherVintages
        guard !older.isEmpty, let vintage = analysis.wards.first?.vintage else { return [] }
        return [
            "\(older.count) ward(s) of \(analysis.borough.name) of other vintages or none (e.g. \(older[0].name), "
                + "\(older[0].code)) are left out: the analysis uses the newest ward vintage of the lookups, \(vintage)"
        ]
    }
}
