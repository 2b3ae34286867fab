/// An open government figure that proxy values are computed from (`catalogues/open_values.csv`).
public struct OpenValue: Hashable, Codable, Sendable {
    /// The figure's id, used in proxy formulas, e.g. `gmca_v14_EE1.0_economic`.
    public var id: String
    /// What the figure measures, in words.
    public var quantity: String
    /// The figure, 0 or more, in ``unit``.
    public var value: Double
    /// The unit of the value, e.g. `GBP per claimant per year`.
    public var unit: String
    /// The price year as the source gives it, e.g. `2012/13`.
    public var priceYear: String
    /// The title of the publication it comes from.
    public var sourceTitle: String
    /// Where the source can be read, as the file gives it (usually a web address).
    var sourceAddress: String
    /// The licence the figure is published under, e.g. `CC BY 4.0`.
    public var licence: String
}

/// A measure's open proxy value: a formula over open figures, computed, with its working shown.
public struct ProxyValue: Hashable, Codable, Sendable {
    /// The proxy's id, named in a measure's `proxy` column, e.g. `job_long_term_unemployed`.
    public var id: String
    /// The formula as written in `proxies.csv`, e.g. `gmca_v14_EE1.0_economic + gmca_v14_EE1.0.2_health`.
    public var formula: String
    /// Its value in £ per unit, in the catalogue's price year (``PriceBase``).
    public var value: Double
    /// What one unit of the value is, e.g. `GBP per person per year`.
    public var unit: String
    /// The price year of `value`: the catalogue's, or `n/a` for a pound given.
    public var priceYear: String
    /// What it stands for.
    public var basis: String
    /// The formula with each figure's value substituted, e.g. `14044 + 566 = 14610`.
    public var working: String
    /// The open figures it uses.
    public var inputs: [String]
    /// The formula's value in its sources' price year, before re-basing.
    public var sourceValue: Double
    /// The sources' price year.
    public var sourcePriceYear: String
}
