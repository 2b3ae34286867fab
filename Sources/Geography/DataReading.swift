import Catalogue

/// What the catalogue says about reading a borough's data: the populations deprivation domains are weighed by,
/// and which third parties' aggregates to read (none unless asked for).
public struct DataReading: Sendable {
    /// The deprivation domains weighed by another population than the total.
    public var weights: DeprivationWeights
    /// The files known to be third parties' aggregates.
    public var unofficial: UnofficialSources
    /// True to read those files too, their figures labelled unofficial.
    public var includeUnofficial: Bool

    /// Settings for a reading; by default every domain is weighed by the total population and no file is known
    /// to be unofficial.
    public init(
        weights: DeprivationWeights = DeprivationWeights(), unofficial: UnofficialSources = UnofficialSources(),
        includeUnofficial: Bool = false
    ) {
        self.weights = weights
        self.unofficial = unofficial
        self.includeUnofficial = includeUnofficial
    }

    /// The catalogue's settings, reading unofficial files only when `includeUnofficial`.
    public init(_ catalogue: Catalogue, includeUnofficial: Bool = false) {
        self.init(
            weights: catalogue.deprivationWeights, unofficial: catalogue.unofficialSources,
            includeUnofficial: includeUnofficial)
    }
}
