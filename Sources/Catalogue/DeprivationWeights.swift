import Core

/// The population a domain's LSOAs are weighed by where it is not the total population: MHCLG weighs the
/// Employment domain by working-age adults. Read from `policy/deprivation_weights.csv`
/// (`edition,domain,weight,source`), where a weight is a sum of indicators, each optionally times a fraction
/// (`census2021:age:aged-15-to-19-years*0.4 census2021:age:aged-20-to-24-years …`).
public struct DeprivationWeights: Sendable {
    /// One indicator of a weight, and the fraction of it counted.
    public struct Term: Sendable, Equatable {
        /// The indicator's id.
        public var indicator: String
        /// The fraction of its figure counted (1 for all of it).
        public var fraction: Double
    }

    /// A domain's weight in one edition, and where it comes from.
    public struct Weight: Sendable {
        /// The indicators summed.
        public var terms: [Term]
        /// The publisher's definition the weight follows.
        public var source: String
    }

    /// Edition → domain id → weight.
    private let byEdition: [String: [String: Weight]]

    /// No domain weighed apart: every domain by the total population.
    public init() { byEdition = [:] }

    /// Reads the weights of a policy folder.
    /// - Throws: `ToolkitError` at the file, line and column of a missing column, an empty cell or a fraction that
    ///   is not a number above 0 and at most 1.
    public init(folder: String) throws {
        var weights: [String: [String: Weight]] = [:]
        let table = try DataTable(
            path: folder + "/deprivation_weights.csv", required: ["edition", "domain", "weight", "source"])
        try table.forEachRow { row in
            let terms = try row.required("weight").split(separator: " ").map { term in
                let parts = term.split(separator: "*", maxSplits: 1)
                let fraction = parts.count == 2 ? Double(parts[1]) : 1
                guard let fraction, fraction > 0, fraction <= 1 else {
                    throw row.error("weight", "\(term): a fraction after * is a number above 0 and at most 1")
                }
                return Term(indicator: String(parts[0]), fraction: fraction)
            }
            weights[try row.required("edition"), default: [:]][try row.required("domain")] = Weight(
                terms: terms, source: try row.required("source"))
        }
        byEdition = weights
    }

    /// The domains of an edition weighed by another population than the total, by domain id.
    public func weights(of edition: String) -> [String: Weight] { byEdition[edition] ?? [:] }
}
