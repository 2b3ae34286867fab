import Catalogue
import Foundation

/// Sizes a measure's target for a contract from its rule in `policy/targets.csv`, showing the arithmetic.
struct TargetSizing {
    let contract: ContractProfile
    let workforce: WorkforceEstimate
    let ambition: Double

    /// The target, or nil with the working when it rounds to nothing the contract can deliver.
    func target(for measure: Measure, rule: Policy.TargetRule?) -> (target: Target, deliverable: Bool) {
        guard let rule else {
            return (Target(quantity: 1, working: "a commitment (no sizing rule in policy/targets.csv)"), true)
        }
        let fte = workforce.fte
        let years = contract.years
        let a = ambition == 1 ? "" : " × \(number(ambition)) ambition"
        let raw: Double
        var working: String
        switch rule.kind {
        case .wholeWorkforce:
            raw = fte
            working = "the whole workforce: \(number(fte)) FTE\(workforce.estimated ? " (estimated)" : "")"
        case .workforceShare:
            raw = min(fte * rule.rate * ambition, fte)
            working = "\(number(fte)) FTE\(workforce.estimated ? " (estimated)" : "") × \(number(rule.rate))\(a)"
        case .workforceWeeks, .workforceHours:
            raw = fte * rule.rate * years * ambition
            working = "\(number(fte)) FTE × \(number(rule.rate)) \(rule.kind == .workforceWeeks ? "weeks" : "hours") a year × \(number(years)) years\(a)"
        case .perMillion:
            raw = contract.value / 1_000_000 * rule.rate * ambition
            working = "£\(number(contract.value / 1_000_000))m × \(number(rule.rate)) per £1m\(a)"
        case .valueShare:
            raw = contract.value * rule.rate * ambition
            working = "£\(grouped(contract.value)) × \(number(rule.rate * 100))%\(a)"
        case .share:
            raw = rule.rate
            working = "\(number(rule.rate))%"
        case .commitment:
            return (Target(quantity: 1, working: "a commitment: \(rule.basis)"), true)
        }
        let quantity = raw.rounded()
        working += " = \(number(raw))" + (quantity == raw ? "" : ", rounded to \(grouped(quantity))") + " (\(rule.basis))"
        return (Target(quantity: quantity, working: working), quantity > 0)
    }
}

/// A number in working: up to two decimals, no trailing zeros.
func number(_ value: Double) -> String {
    if value == value.rounded() { return grouped(value) }
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
