import Catalogue
import Evidence
import Loaders

/// What the catalogue says about reading a borough's data: the populations deprivation domains are weighed by,
/// how many LSOAs each IoD edition ranks, which third parties' aggregates to read (none unless asked for), and
/// which authorities have been replaced since the lookups were published.
public struct DataReading: Sendable {
    /// The deprivation domains weighed by another population than the total.
    public var weights: DeprivationWeights
    /// The files known to be third parties' aggregates.
    public var unofficial: UnofficialSources
    /// True to read those files too, their figures labelled unofficial.
    public var includeUnofficial: Bool
    /// Each IoD edition → the number of LSOAs it ranks: a rank above it is an error.
    public var rankedAreas: [String: Int]
    /// Authorities replaced since the lookups were published: their areas are read as their successors'.
    public var authorityChanges: AuthorityChanges

    /// Settings for a reading; by default every domain is weighed by the total population, ranks are checked only
    /// to be whole and 1 or more, and no file is known to be unofficial.
    public init(
        weights: DeprivationWeights = DeprivationWeights(), unofficial: UnofficialSources = UnofficialSources(),
        includeUnofficial: Bool = false, rankedAreas: [String: Int] = [:],
        authorityChanges: AuthorityChanges = AuthorityChanges()
    ) {
        self.weights = weights
        self.unofficial = unofficial
        self.includeUnofficial = includeUnofficial
        self.rankedAreas = rankedAreas
        self.authorityChanges = authorityChanges
    }

    /// The catalogue's settings, reading unofficial files only when `includeUnofficial`.
    public init(_ catalogue: Catalogue, includeUnofficial: Bool = false) {
        self.init(
            weights: catalogue.deprivationWeights, unofficial: catalogue.unofficialSources,
            includeUnofficial: includeUnofficial,
            rankedAreas: catalogue.publishedSources.rankedAreas(of: DeprivationLSOALoader.format),
            authorityChanges: catalogue.authorityChanges)
    }
}
