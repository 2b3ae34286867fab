import Catalogue
import Core
import Evidence

/// One weight of the rank score (`policy/ranking.csv`), with the row it came from.
public struct RankingWeight: Codable, Sendable {
    /// The component's weight: added to the score, or multiplying the need, priority or value it scores; for
    /// `minimum_score`, the minimum itself.
    public var weight: Double
    /// The most the component can add, if capped.
    public var cap: Double?
    /// `policy/ranking.csv:LINE`.
    public var location: String
}

/// A standing priority of the council's policy (`policy/priorities.csv`).
public struct CouncilPriority: Codable, Sendable {
    /// How much the priority raises the measure's rank (× the `council_priority` weight of `policy/ranking.csv`).
    public var weight: Double
    /// Why the council's policy gives the measure priority.
    public var reason: String
    /// The policy document the priority comes from.
    public var source: String
    /// `policy/priorities.csv:LINE`.
    public var location: String
}

/// A measure that is good practice for every supply chain and so a standard contract condition, not a scored
/// measure (`policy/conditions.csv`).
public struct StandardCondition: Codable, Sendable {
    /// The open measure reference that is a condition rather than a scored measure.
    public var measure: String
    /// Good practice for every supply chain, or the living wage (decided by the scope test).
    public var kind: ConditionKind
    /// Every contract, or contracts with formal commitments only.
    public var applies: ConditionScope
    /// The condition's wording for the contract.
    public var condition: String
    /// The law or guidance the condition comes from.
    public var source: String
}

/// A living wage rate and the authorities it applies to (`policy/living_wage.csv`).
public struct LivingWageRate: Codable, Sendable {
    /// The rate's name (`Real Living Wage`, `London Living Wage`).
    public var name: String
    /// GSS code prefix of the authorities it applies to; empty for everywhere else.
    var authorityPrefix: String
    /// The rate in £ an hour.
    public var hourlyRate: Double
    /// The year the rate applies to, as written (`2025/26`).
    public var rateYear: String
    /// Who announced the rate, and when.
    public var source: String
}

/// Whose policy a pack encodes (`policy/pack.csv`), so another borough's output never presents it as its own.
public struct PolicyPack: Codable, Sendable {
    /// The GSS code of the authority whose policy this is.
    public var authorityCode: String
    /// The authority's name.
    var authorityName: String
    /// The title of the policy documents the pack encodes.
    public var title: String
}

extension Policy {
    static func readRanking(_ path: String) throws -> [String: RankingWeight] {
        var weights: [String: RankingWeight] = [:]
        try DataTable(path: path, required: ["component", "weight", "cap"]).forEachRow { row in
            let weight = try finite(row, "weight")
            let cap = row["cap"].isEmpty ? nil : try finite(row, "cap")
            weights[try row.required("component")] = RankingWeight(weight: weight, cap: cap, location: row.citation)
        }
        let needed = [
            "relevance_strong", "relevance_possible", "need", "need_unknown", "equality_gap", "council_priority",
            "value",
            "value_reference_share", "same_theme", "same_outcome",
            "need_below_average", "minimum_score",
        ]
        let missing = needed.filter { weights[$0] == nil }
        guard missing.isEmpty else {
            throw ToolkitError(file: path, "missing component(s): \(missing.joined(separator: ", "))")
        }
        return weights
    }

    static func readPriorities(_ path: String) throws -> [String: CouncilPriority] {
        var priorities: [String: CouncilPriority] = [:]
        try DataTable(path: path, required: ["measure", "weight", "reason", "source"]).forEachRow { row in
            priorities[try row.required("measure")] = CouncilPriority(
                weight: try finite(row, "weight"), reason: try row.required("reason"),
                source: try row.required("source"), location: row.citation)
        }
        return priorities
    }

    static func readShortWorks(_ path: String) throws -> [String: String] {
        var wins: [String: String] = [:]
        try DataTable(path: path, required: ["measure", "reason", "source"]).forEachRow { row in
            wins[try row.required("measure")] =
                "\(try row.required("reason")) (\(try row.required("source")); \(row.citation))"
        }
        return wins
    }

    static func readConditions(_ path: String) throws -> [StandardCondition] {
        try DataTable(path: path, required: ["measure", "kind", "applies", "condition", "source"]).rows().map { row in
            guard let kind = ConditionKind(rawValue: try row.required("kind")) else {
                throw row.error("kind", "kind must be standard or living-wage")
            }
            guard let applies = ConditionScope(rawValue: try row.required("applies")) else {
                throw row.error("applies", "applies must be always or formal")
            }
            return StandardCondition(
                measure: try row.required("measure"), kind: kind, applies: applies,
                condition: try row.required("condition"), source: try row.required("source"))
        }
    }

    static func readFloors(_ path: String) throws -> [String: (minimum: Double, location: String)] {
        var floors: [String: (Double, String)] = [:]
        try DataTable(path: path, required: ["unit", "minimum"]).forEachRow { row in
            let minimum = try finite(row, "minimum")
            guard minimum >= 0 else { throw row.error("minimum", "a floor cannot be negative") }
            let measure = row["measure"]
            floors[measure.isEmpty ? try row.required("unit") : "measure:" + measure] = (minimum, row.citation)
        }
        return floors
    }

    static func readLivingWages(_ path: String) throws -> [LivingWageRate] {
        let rates = try DataTable(
            path: path, required: ["name", "authority_prefix", "hourly_rate", "rate_year", "source"]
        ).rows().map { row in
            LivingWageRate(
                name: try row.required("name"), authorityPrefix: row["authority_prefix"],
                hourlyRate: try finite(row, "hourly_rate"),
                rateYear: try row.required("rate_year"), source: try row.required("source"))
        }
        guard rates.contains(where: { $0.authorityPrefix.isEmpty }) else {
            throw ToolkitError(file: path, "no rate for everywhere (a row with an empty authority_prefix)")
        }
        return rates
    }

    static func readPack(_ path: String) throws -> PolicyPack {
        var values: [String: String] = [:]
        try DataTable(path: path, required: ["parameter", "value"]).forEachRow { row in
            values[try row.required("parameter")] = row["value"]
        }
        guard let code = values["authority_code"], let name = values["authority_name"], let title = values["title"]
        else {
            throw ToolkitError(file: path, "needs authority_code, authority_name and title")
        }
        return PolicyPack(authorityCode: code, authorityName: name, title: title)
    }

    private static func finite(_ row: DataRow, _ column: String) throws -> Double {
        let value = try row.number(column)
        guard value.isFinite else { throw row.error(column, "\(column) must be a finite number, not \(row[column])") }
        return value
    }
}
