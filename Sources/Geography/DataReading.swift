import Catalogue
import Loaders

/// What the catalogue says about reading a borough's data: the populations deprivation domains are weighed by,
/// how many LSOAs each IoD edition ranks, and which third parties' aggregates to read (none unless asked for).
public struct DataReading: Sendable {
    /// The deprivation domains weighed by another population than the total.
    public var weights: DeprivationWeights
    /// The files known to be third parties' aggregates.
    public var unofficial: UnofficialSources
    /// True to read those files too, their figures labelled unofficial.
    public var includeUnofficial: Bool
    /// Each IoD edition → the number of LSOAs it ranks: a rank above it is an error.
    public var rankedAreas: [String: Int]

    /// Settings for a reading; by default every domain is weighed by the total population, ranks are checked only
    /// to be whole and 1 or more, and no file is known to be unofficial.
    public init(
        weights: DeprivationWeights = DeprivationWeights(), unofficial: UnofficialSources = UnofficialSources(),
        includeUnofficial: Bool = false, rankedAreas: [String: Int] = [:]
    ) {
        self.weights = weights
        self.unofficial = unofficial
        self.includeUnofficial = includeUnofficial
        self.rankedAreas = rankedAreas
    }

    /// The catalogue's settings, reading unofficial files only when `includeUnofficial`.
    public init(_ catalogue: Catalogue, includeUnofficial: Bool = false) {
        self.init(
            weights: catalogue.deprivationWeights, unofficial: catalogue.unofficialSources,
            includeUnofficial: includeUnofficial,
            rankedAreas: catalogue.publishedSources.rankedAreas(of: DeprivationLSOALoader.format))
    }
}
