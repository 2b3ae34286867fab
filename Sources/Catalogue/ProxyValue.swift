/// An open government figure that proxy values are computed from (`catalogues/open_values.csv`).
public struct OpenValue: Hashable, Codable, Sendable {
    public var id: String
    public var quantity: String
    public var value: Double
    public var unit: String
    public var priceYear: String
    public var sourceTitle: String
    public var sourceAddress: String
    public var licence: String
}

/// A measure's open proxy value: a formula over open figures, computed, with its working shown.
public struct ProxyValue: Hashable, Codable, Sendable {
    public var id: String
    /// The formula as written in `proxies.csv`, e.g. `gmca_v14_EE1.0_economic + gmca_v14_EE1.0.2_health`.
    public var formula: String
    /// Its value in £ per unit, in the catalogue's price year (``PriceBase``).
    public var value: Double
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
