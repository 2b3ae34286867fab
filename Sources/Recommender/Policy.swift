import Catalogue
import CSV
import Foundation

/// The policy parameters of `Datasets/policy/`: procurement rules, proportionality bands, labour shares,
/// target sizing, evaluation and monitoring parameters.
public struct Policy: Sendable {
    public let folder: String
    /// Named parameters of `rules.csv`, `evaluation.csv` and `monitoring.csv`, with their sources.
    public let parameters: [String: (value: Double, source: String)]
    public let bands: [Band]
    public let labourShares: [String: Double]
    public let targets: [String: TargetRule]
    /// Standing council priorities: open measure ref → (need score it counts as, reason, source).
    public let priorities: [String: (weight: Double, reason: String, source: String)]

    /// A contract value band.
    public struct Band: Sendable {
        public var from: Double
        public var to: Double?
        public var maxMeasures: Int
        public var ambition: Double
        public var label: String
    }

    /// How one measure's target is sized (see `Datasets/policy/README.md`).
    public struct TargetRule: Sendable {
        public enum Kind: String, Sendable {
            case wholeWorkforce = "whole_workforce", workforceShare = "workforce_share", workforceWeeks = "workforce_weeks", workforceHours = "workforce_hours"
            case perMillion = "per_million", valueShare = "value_share", share, commitment
        }
        public var kind: Kind
        public var rate: Double
        /// True when the proxy value accrues each year of the contract.
        public var everyYear: Bool
        public var basis: String
    }

    public init(folder: String) throws {
        self.folder = folder
        var parameters: [String: (Double, String)] = [:]
        for file in ["rules.csv", "evaluation.csv", "monitoring.csv"] {
            let table = try DataTable(path: "\(folder)/\(file)", required: ["parameter", "value"])
            try table.forEachRow { row in
                parameters[try row.required("parameter")] = (try row.number("value"), row["source"])
            }
        }
        self.parameters = parameters
        var bands: [Band] = []
        try DataTable(path: folder + "/proportionality.csv", required: ["value_from", "max_measures", "ambition"]).forEachRow { row in
            bands.append(Band(from: try row.number("value_from"), to: row["value_to"].isEmpty ? nil : try row.number("value_to"),
                              maxMeasures: Int(try row.number("max_measures")), ambition: try row.number("ambition"),
                              label: row["label"]))
        }
        self.bands = bands.sorted { $0.from < $1.from }
        var shares: [String: Double] = [:]
        try DataTable(path: folder + "/labour_shares.csv", required: ["subject", "labour_share"]).forEachRow { row in
            shares[try row.required("subject")] = try row.number("labour_share")
        }
        labourShares = shares
        var targets: [String: TargetRule] = [:]
        try DataTable(path: folder + "/targets.csv", required: ["measure", "rule", "rate", "proxy_years", "basis"]).forEachRow { row in
            let kindText = try row.required("rule")
            guard let kind = TargetRule.Kind(rawValue: kindText) else {
                throw row.error("rule", "unknown rule \"\(kindText)\": use whole_workforce, workforce_share, workforce_weeks, workforce_hours, "
                                + "per_million, value_share, share or commitment")
            }
            let years = try row.required("proxy_years")
            guard years == "one" || years == "contract" else { throw row.error("proxy_years", "proxy_years must be one or contract") }
            targets[try row.required("measure")] = TargetRule(kind: kind, rate: try row.number("rate"), everyYear: years == "contract",
                                                          basis: try row.required("basis"))
        }
        self.targets = targets
        var priorities: [String: (Double, String, String)] = [:]
        try DataTable(path: folder + "/priorities.csv", required: ["measure", "weight", "reason", "source"]).forEachRow { row in
            priorities[try row.required("measure")] = (try row.number("weight"), try row.required("reason"), try row.required("source"))
        }
        self.priorities = priorities
    }

    /// A named parameter (the files are validated to hold every one the toolkit uses).
    public func value(_ name: String) -> Double { parameters[name]?.value ?? .nan }

    /// The band a contract value falls in.
    public func band(for value: Double) -> Band {
        bands.last { value >= $0.from } ?? bands[0]
    }

    static let requiredParameters = ["formal_commitments_from", "social_value_weighting", "quantitative_share", "qualitative_share",
                                     "delivery_plan_above", "local_quotation_below", "rlw_minimum_age", "rlw_minimum_hours_per_week",
                                     "rlw_minimum_consecutive_weeks", "cost_per_fte", "qualitative_mark_maximum",
                                     "implausible_factor", "green_from", "amber_from"]

    /// Loads the policy folder a catalogue points to, checking that every parameter is there.
    public static func load(for catalogue: Catalogue) throws -> Policy {
        let policy = try Policy(folder: catalogue.sources["policy"]!)
        let missing = requiredParameters.filter { policy.parameters[$0] == nil }
        guard missing.isEmpty else {
            throw InputError(file: policy.folder, "missing policy parameter(s): \(missing.joined(separator: ", "))")
        }
        return policy
    }
}
