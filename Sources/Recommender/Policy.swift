import Catalogue
import Core
import Foundation

/// The policy parameters of `Datasets/policy/`: procurement rules, proportionality bands, labour shares,
/// target sizing, evaluation and monitoring parameters.
public struct Policy: Sendable {
    /// The policy folder the parameters were read from.
    public let folder: String
    /// Named parameters of `rules.csv`, `evaluation.csv` and `monitoring.csv`, with their sources.
    public let parameters: [String: (value: Double, source: String)]
    /// The parameters the toolkit uses, by name.
    public let rules: PolicyRules
    /// The contract value bands, lowest first (`proportionality.csv`).
    public let bands: [Band]
    /// Share of a contract's value spent on labour, by subject or category (`labour_shares.csv`).
    let labourShares: [String: Double]
    /// How each open measure's target is sized, by measure reference (`targets.csv`).
    public let targets: [String: TargetRule]
    /// Standing council priorities: open measure ref → weight, reason, source.
    public let priorities: [String: CouncilPriority]
    /// The weights of the rank score (`ranking.csv`).
    public let ranking: [String: RankingWeight]
    /// Measures that are standard contract conditions, not scored measures (`conditions.csv`).
    public let conditions: [StandardCondition]
    /// The smallest target worth monitoring, by unit, or by `measure:REF` for one measure (`floors.csv`).
    public let floors: [String: (minimum: Double, location: String)]
    /// Living wage rates (`living_wage.csv`).
    let livingWages: [LivingWageRate]
    /// The measures short capital works can deliver: open measure ref → reason and source (`short_works.csv`).
    let shortWorksMeasures: [String: String]
    /// Whose policy this is (`pack.csv`).
    public let pack: PolicyPack

    /// A contract value band.
    public struct Band: Sendable {
        /// The value in £ the band starts above.
        public var from: Double
        /// The value in £ the band runs up to (inclusive); nil for no upper limit.
        public var to: Double?
        /// The most measures to recommend for a contract in the band.
        var maxMeasures: Int
        /// The multiplier on targets for the band (1 for the full rate).
        var ambition: Double
        /// The band in words (`over £250k to £1m`).
        public var label: String
    }

    /// How one measure's target is sized (see `Datasets/policy/README.md`).
    public struct TargetRule: Sendable {
        /// The sizing rules of `targets.csv`: what the rate multiplies (see `Datasets/policy/README.md`).
        public enum Kind: String, Sendable {
            case wholeWorkforce = "whole_workforce"
            case workforceShare = "workforce_share"
            case workforceWeeks = "workforce_weeks"
            case workforceHours = "workforce_hours"
            case perMillion = "per_million"
            case valueShare = "value_share"
            case supplyShare = "supply_share"
            case share, commitment
        }
        /// The rule that sizes the target.
        public var kind: Kind
        /// The rule's rate: per FTE, per £1m or a share of value, or the target itself for `share`.
        public var rate: Double
        /// True when the proxy value accrues each year of the contract.
        var everyYear: Bool
        /// The rule in words, as `targets.csv` gives it; it ends the target's working.
        public var basis: String
        /// The shortest contract, in months, that can deliver the measure (an apprenticeship lasts 12 months).
        var minimumMonths: Double?
        /// `targets.csv:LINE`.
        public var location: String
    }

    /// Reads and checks the policy files in a folder, every parameter the toolkit uses among them.
    /// - Throws: `ToolkitError` at the file, line and column of the first missing file or column or invalid value;
    ///   naming every missing parameter, or the evaluation's shares when they do not add up to 1.
    public init(folder: String) throws {
        self.folder = folder
        parameters = try Self.readParameters(in: folder)
        rules = try PolicyRules(parameters, folder: folder)
        bands = try Self.readBands(folder + "/proportionality.csv")
        labourShares = try Self.readLabourShares(folder + "/labour_shares.csv")
        targets = try Self.readTargets(folder + "/targets.csv")
        priorities = try Self.readPriorities(folder + "/priorities.csv")
        ranking = try Self.readRanking(folder + "/ranking.csv")
        conditions = try Self.readConditions(folder + "/conditions.csv")
        floors = try Self.readFloors(folder + "/floors.csv")
        livingWages = try Self.readLivingWages(folder + "/living_wage.csv")
        pack = try Self.readPack(folder + "/pack.csv")
        shortWorksMeasures = try Self.readShortWorks(folder + "/short_works.csv")
    }

    /// The named parameters of `rules.csv`, `evaluation.csv` and `monitoring.csv` in a policy folder, each checked.
    /// - Throws: `ToolkitError` at the row of a parameter set twice or out of range, or for an unreadable file.
    static func readParameters(in folder: String) throws -> [String: (value: Double, source: String)] {
        var parameters: [String: (Double, String)] = [:]
        for file in ["rules.csv", "evaluation.csv", "monitoring.csv"] {
            let table = try DataTable(path: "\(folder)/\(file)", required: ["parameter", "value"])
            try table.forEachRow { row in
                let name = try row.required("parameter")
                let value = try row.number("value")
                guard parameters[name] == nil else { throw row.error("parameter", "\(name) is set twice") }
                try Self.check(name, value, unit: row["unit"], row: row)
                parameters[name] = (value, row["source"])
            }
        }
        return parameters
    }

    /// The contract value bands of `proportionality.csv`, lowest first, checked to follow on from 0.
    /// - Throws: `ToolkitError` at the row of an invalid value, or for no bands or bands with gaps or overlaps.
    static func readBands(_ path: String) throws -> [Band] {
        var bands: [Band] = []
        var bandLines: [Int] = []
        try DataTable(path: path, required: ["value_from", "max_measures", "ambition"])
            .forEachRow { row in
                let most = try row.number("max_measures")
                guard most >= 0, most <= 1000, most == most.rounded() else {
                    throw row.error(
                        "max_measures", "max_measures must be a whole number from 0 to 1000, not \(row["max_measures"])"
                    )
                }
                let ambition = try row.number("ambition")
                guard ambition.isFinite, ambition >= 0 else {
                    throw row.error("ambition", "ambition must be a finite number of 0 or more")
                }
                bandLines.append(row.line)
                bands.append(
                    Band(
                        from: try row.number("value_from"),
                        to: row["value_to"].isEmpty ? nil : try row.number("value_to"),
                        maxMeasures: Int(most), ambition: ambition,
                        label: row["label"]))
            }
        guard !bands.isEmpty else { throw ToolkitError(file: path, "no value bands") }
        try Self.checkBands(bands, lines: bandLines, file: path)
        return bands.sorted { $0.from < $1.from }
    }

    /// The share of a contract's value spent on labour, by subject or category (`labour_shares.csv`).
    /// - Throws: `ToolkitError` at the row of an empty subject or a share that is not a number.
    static func readLabourShares(_ path: String) throws -> [String: Double] {
        var shares: [String: Double] = [:]
        try DataTable(path: path, required: ["subject", "labour_share"]).forEachRow { row in
            shares[try row.required("subject")] = try row.number("labour_share")
        }
        return shares
    }

    /// How each open measure's target is sized, by measure reference (`targets.csv`).
    /// - Throws: `ToolkitError` at the row of an unknown rule, a bad `proxy_years` or rate, or an empty cell.
    static func readTargets(_ path: String) throws -> [String: TargetRule] {
        var targets: [String: TargetRule] = [:]
        try DataTable(path: path, required: ["measure", "rule", "rate", "proxy_years", "basis"])
            .forEachRow { row in
                let kindText = try row.required("rule")
                guard let kind = TargetRule.Kind(rawValue: kindText) else {
                    throw row.error(
                        "rule",
                        "unknown rule \"\(kindText)\": use whole_workforce, workforce_share, workforce_weeks, "
                            + "workforce_hours, "
                            + "per_million, value_share, supply_share, share or commitment")
                }
                let years = try row.required("proxy_years")
                guard years == "one" || years == "contract" else {
                    throw row.error("proxy_years", "proxy_years must be one or contract")
                }
                let rate = try row.number("rate")
                guard rate.isFinite, rate >= 0 else {
                    throw row.error("rate", "rate must be a finite number of 0 or more")
                }
                targets[try row.required("measure")] = TargetRule(
                    kind: kind, rate: rate, everyYear: years == "contract",
                    basis: try row.required("basis"),
                    minimumMonths: row["minimum_months"].isEmpty ? nil : try row.number("minimum_months"),
                    location: row.citation)
            }
        return targets
    }

    /// The years a quantity of `measure` counts for in SLEVA: the contract's years where its target rule recurs every
    /// year (`targets.csv`, `years` = `contract`), otherwise 1.
    public func valueYears(of measure: Measure, in contract: ContractProfile) -> Double {
        targets[measure.policyRef]?.everyYear == true ? contract.years : 1
    }

    /// The contract condition a measure is, if it is one (`conditions.csv`).
    public func condition(for measure: Measure) -> StandardCondition? {
        conditions.first { $0.measure == measure.policyRef }
    }

    /// The subject whose labour share applies: the most specific of a subject's lineage that `labour_shares.csv` lists.
    func labourSubject(_ subject: String?, in taxonomy: Taxonomy) -> String? {
        subject.flatMap { taxonomy.lineage(of: $0).first { labourShares[$0] != nil } }
    }

    /// A weight of the rank score (the file is validated to hold every one).
    public func weight(_ component: String) -> RankingWeight { ranking[component]! }

    /// The living wage that applies in an authority: the rate for its GSS code prefix, else the general one.
    public func livingWage(authority code: String) -> LivingWageRate {
        livingWages.first { !$0.authorityPrefix.isEmpty && code.hasPrefix($0.authorityPrefix) }
            ?? livingWages.first { $0.authorityPrefix.isEmpty }!
    }

    /// The band a contract value falls in: the last whose lower bound it exceeds (the commissioning toolkit's
    /// thresholds are "exceeds": £100,000 exactly is in the band up to £100k).
    public func band(for value: Double) -> Band {
        bands.last { value > $0.from } ?? bands[0]
    }

    /// The value bands must run upwards from 0 without gaps or overlaps: each starts where the last ended.
    static func checkBands(_ bands: [Band], lines: [Int], file: String) throws {
        guard bands[0].from == 0 else {
            throw ToolkitError(
                file: file, line: lines[0], column: 1, "the first band must start at 0, not \(bands[0].from)")
        }
        for (i, band) in bands.enumerated() {
            if let to = band.to, to <= band.from {
                throw ToolkitError(
                    file: file, line: lines[i], "value_to (\(to)) must be above value_from (\(band.from))")
            }
            guard i > 0 else { continue }
            guard let previous = bands[i - 1].to, previous == band.from else {
                throw ToolkitError(
                    file: file, line: lines[i], column: 1,
                    "this band starts at \(band.from) but the one on "
                        + "line \(lines[i - 1]) ends at \(bands[i - 1].to.map { "\($0)" } ?? "no limit"): bands must "
                        + "follow on, "
                        + "without gaps or overlaps")
            }
        }
    }

    /// Every parameter is 0 or more; shares (a `_share`, `_weighting` or `_from` of monitoring, or a unit
    /// starting "share") are at most 1.
    static func check(_ name: String, _ value: Double, unit: String, row: DataRow) throws {
        guard value >= 0 else { throw row.error("value", "\(name) must be 0 or more, not \(value)") }
        if positiveParameters.contains(name) && value == 0 {
            throw row.error("value", "\(name) must be above 0 (it divides or scales every figure that uses it)")
        }
        let isShare =
            unit.hasPrefix("share") || name.hasSuffix("_share") || name.hasSuffix("_weighting")
            || name == "green_from" || name == "amber_from"
        if isShare && value > 1 {
            throw row.error("value", "\(name) is a share from 0 to 1 (0.2 is 20%), not \(value)")
        }
        if name.hasSuffix("max_measures") && !(value == value.rounded() && value <= 1000) {
            throw row.error("value", "\(name) is a whole number of measures from 0 to 1000, not \(value)")
        }
    }

    /// Parameters that divide or scale: 0 would make every figure that uses them meaningless.
    static let positiveParameters: Set = [
        "cost_per_fte", "qualitative_mark_maximum", "implausible_factor", "extra_measure_every_years",
        "extra_measure_every_fte",
    ]

    /// Loads the policy folder a catalogue points to.
    /// - Throws: `ToolkitError` as ``init(folder:)``.
    public static func load(for catalogue: Catalogue) throws -> Policy {
        try Policy(folder: catalogue.sources["policy"]!)
    }
}
