import Catalogue
import Foundation

/// Why a measure's target cannot be recommended.
struct Shortfall: Error {
    var code: ExclusionCode
    var reason: String
}

/// Sizes a measure's target for a contract from its rule in `policy/targets.csv`, on the value the supplier
/// controls, showing the arithmetic; a target under the floor for its unit (`policy/floors.csv`) is too small
/// to monitor.
struct TargetSizing {
    let contract: ContractProfile
    /// The supplier-controlled value targets sized on value use.
    let base: Double
    let workforce: WorkforceEstimate
    let ambition: Double
    let floors: [String: (minimum: Double, location: String)]

    /// The target, or why there is none worth monitoring.
    func target(for measure: Measure, rule: Policy.TargetRule?) -> Result<Target, Shortfall> {
        guard let rule else {
            return .success(Target(quantity: 1, working: "a commitment (no sizing rule in policy/targets.csv)"))
        }
        let fte = workforce.fte
        let years = contract.years
        let a = ambition == 1 ? "" : " × \(number(ambition)) ambition"
        let f = "\(number(fte)) FTE\(workforce.estimated ? " (estimated)" : "")"
        let raw: Double
        var working: String
        switch rule.kind {
        case .wholeWorkforce:
            raw = fte
            working = "the whole workforce: \(f)"
        case .workforceShare:
            raw = min(fte * rule.rate * ambition, fte)
            working = "\(f) × \(number(rule.rate))\(a)"
        case .workforceWeeks, .workforceHours:
            raw = fte * rule.rate * years * ambition
            working =
                "\(f) × \(number(rule.rate)) \(rule.kind == .workforceWeeks ? "weeks" : "hours") a year × "
                + "\(number(years)) years\(a)"
        case .perMillion:
            raw = base / 1_000_000 * rule.rate * ambition
            working = "£\(number(base / 1_000_000))m × \(number(rule.rate)) per £1m\(a)"
        case .valueShare:
            raw = base * rule.rate * ambition
            working = "£\(grouped(base)) × \(number(rule.rate * 100))%\(a)"
        case .supplyShare:
            let supply = base * (1 - workforce.labourShare)
            raw = supply * rule.rate * ambition
            working =
                "£\(grouped(base)) × (1 − \(number(workforce.labourShare * 100))% labour share, "
                + "\(workforce.labourShareKey)) "
                + "× \(number(rule.rate * 100))%\(a)"
        case .share:
            return .success(Target(quantity: rule.rate, working: "\(rule.basis) (\(rule.location))"))
        case .commitment:
            return .success(Target(quantity: 1, working: "a commitment: \(rule.basis)"))
        }
        let amount = raw.rounded()
        working +=
            " = \(number(raw))" + (number(raw) == grouped(amount) ? "" : ", rounded to \(grouped(amount))")
            + " (\(rule.basis); \(rule.location))"
        guard amount > 0 else {
            return .failure(
                Shortfall(code: .nothingToDeliver, reason: "beyond what the contract can deliver: \(working)"))
        }
        if let floor = floors["measure:" + measure.policyRef] ?? floors[measure.unit], rule.kind != .share,
            amount < floor.minimum
        {
            return .failure(
                Shortfall(
                    code: .belowFloor,
                    reason: "too small to monitor: \(Recommender.describe(amount, measure.unit)) is under the floor of "
                        + "\(Recommender.describe(floor.minimum, measure.unit)) (\(floor.location)); \(working)"))
        }
        return .success(Target(quantity: amount, working: working))
    }
}

/// A number in working: up to two decimals, no trailing zeros.
func number(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
    if value == value.rounded() { return grouped(value) }
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text.grouped
}

extension Recommender {
    /// A quantity with its unit as a cabinet member reads it: `£3,000`, `1 person`, `5 people`, `24 hours`,
    /// `1 hour`, `90% of workforce`, `2 tCO2e`.
    public static func describe(_ value: Double, _ unit: String) -> String {
        let n = number(value)
        let one = value == 1
        switch unit {
        case "GBP": return "£" + n
        case "people (FTE)": return n + (one ? " person (FTE)" : " people (FTE)")
        case "people": return n + (one ? " person" : " people")
        case "commitment": return "a commitment"
        case _ where unit.hasPrefix("%"): return n + unit
        case "tCO2e": return n + " tCO2e"
        default:
            guard one, unit.hasSuffix("s") else { return n + " " + unit }
            return n + " " + (unit.hasSuffix("ies") ? String(unit.dropLast(3)) + "y" : String(unit.dropLast()))
        }
    }
}
