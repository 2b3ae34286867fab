import Catalogue
import Geography
import Loaders

/// What a user gives to look at a borough: the data files (lookups and an equality action plan among them or
/// apart), the authority, whether third parties' aggregates are read, the ward boundaries for maps, and how
/// each file is read. ``Borough/init(loading:)`` reads them once for every answer.
public struct BoroughInputs {
    /// The catalogue the evidence is read and the contracts recommended with.
    public var catalogue: Catalogue
    /// Data files of any supported format, ONS lookups included; an action plan among them is read as one.
    public var dataFiles: [String]
    /// The borough, by code or name; nil for the one authority the data's wards belong to.
    public var authority: String?
    /// True to read third parties' aggregates, labelled unofficial (they are left out with a note otherwise).
    public var includeUnofficial: Bool
    /// The equality action plan (its gaps raise the measures that answer them), if any.
    public var actionPlan: String?
    /// Ward boundaries (GeoJSON) for the maps; nil for the shipped boundaries of the demo borough, if they fit.
    public var boundaries: String?
    /// The svtk that reads them, as the provenance names it (`svtk 0.12.0 (commit 1a2b3c4)`).
    public var toolkit: String
    /// How each data file is read (its delimiter, a metadata sidecar, progress on a terminal).
    public var loadOptions: @Sendable (String) -> LoadOptions

    /// The inputs for a borough; only the catalogue, the data files and the toolkit's name are required.
    public init(
        catalogue: Catalogue, dataFiles: [String], authority: String? = nil, includeUnofficial: Bool = false,
        actionPlan: String? = nil, boundaries: String? = nil, toolkit: String,
        loadOptions: @escaping @Sendable (String) -> LoadOptions = { _ in LoadOptions() }
    ) {
        self.catalogue = catalogue
        self.dataFiles = dataFiles
        self.authority = authority
        self.includeUnofficial = includeUnofficial
        self.actionPlan = actionPlan
        self.boundaries = boundaries
        self.toolkit = toolkit
        self.loadOptions = loadOptions
    }

    /// How the data are read: the catalogue's weights, editions and authority changes, and whether third parties'
    /// aggregates are read.
    public var reading: DataReading { DataReading(catalogue, includeUnofficial: includeUnofficial) }
}
