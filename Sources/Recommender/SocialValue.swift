import Formatting

/// SLEVA (social, local and economic value added): a quantity × its proxy value × the years it counts for, rounded
/// to the pound (`policy/README.md`), the one formula the recommendation, the commissioner's changed targets, bid
/// evaluation and delivery monitoring all value commitments with.
public struct SocialValue: Equatable, Sendable {
    /// The value in pounds.
    public let pounds: Double
    /// The arithmetic: `18 people × £2,500 × 2 years = £90,000`.
    public let working: String

    /// Values a quantity of a unit at a proxy value, counted for `years`.
    public init(_ quantity: Double, unit: String, proxy: Double, years: Double) {
        pounds = Self.pounds(quantity, proxy: proxy, years: years)
        working =
            "\(quantity.written(.quantity(unit))) × £\(proxy.written(.working))"
            + (years == 1 ? "" : " × \(years.written(.working)) years") + " = \(pounds.written(.money))"
    }

    /// The value in pounds alone.
    public static func pounds(_ quantity: Double, proxy: Double, years: Double) -> Double {
        (quantity * proxy * years).rounded()
    }
}
