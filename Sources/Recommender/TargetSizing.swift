import Catalogue
import Formatting

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
        let a = ambition == 1 ? "" : " × \(ambition.written(.working)) ambition"
        let f = "\(fte.written(.working)) FTE\(workforce.estimated ? " (estimated)" : "")"
        let raw: Double
        var working: String
        switch rule.kind {
        case .wholeWorkforce:
            raw = fte
            working = "the whole workforce: \(f)"
        case .workforceShare:
            raw = min(fte * rule.rate * ambition, fte)
            working = "\(f) × \(rule.rate.written(.working))\(a)"
        case .workforceWeeks, .workforceHours:
            raw = fte * rule.rate * years * ambition
            working =
                "\(f) × \(rule.rate.written(.working)) \(rule.kind == .workforceWeeks ? "weeks" : "hours") a year × "
                + "\(years.written(.working)) years\(a)"
        case .perMillion:
            raw = base / 1_000_000 * rule.rate * ambition
            working = "£\((base / 1_000_000).written(.working))m × \(rule.rate.written(.working)) per £1m\(a)"
        case .valueShare:
            raw = base * rule.rate * ambition
            working = "\(base.written(.money)) × \((rule.rate * 100).written(.working))%\(a)"
        case .supplyShare:
            let supply = base * (1 - workforce.labourShare)
            raw = supply * rule.rate * ambition
            working =
                "\(base.written(.money)) × (1 − \((workforce.labourShare * 100).written(.working))% labour share, "
                + "\(workforce.labourShareKey)) "
                + "× \((rule.rate * 100).written(.working))%\(a)"
        case .share:
            return .success(Target(quantity: rule.rate, working: "\(rule.basis) (\(rule.location))"))
        case .commitment:
            return .success(Target(quantity: 1, working: "a commitment: \(rule.basis)"))
        }
        let amount = raw.rounded()
        let exact = raw.written(.working)
        let whole = amount.written(.whole)
        working +=
            " = \(exact)" + (exact == whole ? "" : ", rounded to \(whole)") + " (\(rule.basis); \(rule.location))"
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
                    reason: "too small to monitor: \(amount.written(.quantity(measure.unit))) is under the floor of "
                        + "\(floor.minimum.written(.quantity(measure.unit))) (\(floor.location)); \(working)"))
        }
        return .success(Target(quantity: amount, working: working))
    }
}
