import Catalogue
import Formatting

/// Why a measure's target cannot be recommended, with the figure it was sized to and the floor it fell under.
struct Shortfall: Error {
    var code: ExclusionCode
    var reason: String
    /// The figure before rounding and its working.
    var raw: Double
    var working: String
    /// The floor for monitoring the measure's unit, when there is one.
    var floor: (minimum: Double, location: String)?

    /// Below the floor: the target it would have had.
    var underFloor: Target? { code == .belowFloor ? Target(quantity: raw.rounded(), working: working) : nil }
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
        return checked(raw, working: working, basis: "\(rule.basis); \(rule.location)", for: measure)
    }

    /// A target sized on what the contract handles: the quantity × the rule's share × its conversion to the
    /// measure's unit.
    func target(for measure: Measure, on rule: QuantityTarget, quantity: Double, named name: String)
        -> Result<Target, Shortfall>
    {
        let raw = quantity * rule.share * rule.perUnit
        let conversion = rule.perUnit == 1 ? "" : " × \(rule.perUnit.written(.working)) \(measure.unit) each"
        let working =
            "\(quantity.written(.working)) \(name) × \((rule.share * 100).written(.working))%\(conversion)"
        return checked(raw, working: working, basis: "\(rule.basis); \(rule.source); \(rule.location)", for: measure)
    }

    /// The raw figure rounded to a whole target with its working, or why it cannot be one: nothing to deliver, or
    /// under the floor for monitoring its unit.
    func checked(_ raw: Double, working: String, basis: String, for measure: Measure) -> Result<Target, Shortfall> {
        let amount = raw.rounded()
        let exact = raw.written(.working)
        let whole = amount.written(.whole)
        let working = working + " = \(exact)" + (exact == whole ? "" : ", rounded to \(whole)") + " (\(basis))"
        let floor = floors["measure:" + measure.policyRef] ?? floors[measure.unit]
        guard amount > 0 else {
            return .failure(
                Shortfall(
                    code: .nothingToDeliver, reason: "beyond what the contract can deliver: \(working)", raw: raw,
                    working: working, floor: floor))
        }
        if let floor, amount < floor.minimum {
            return .failure(
                Shortfall(
                    code: .belowFloor,
                    reason: "too small to monitor: \(amount.written(.quantity(measure.unit))) is under the floor of "
                        + "\(floor.minimum.written(.quantity(measure.unit))) (\(floor.location)); \(working)",
                    raw: raw, working: working, floor: floor))
        }
        return .success(Target(quantity: amount, working: working))
    }

    /// A natural measure's target that sized under the floor for monitoring its unit (or to nothing), but to at
    /// least `share` of it, raised to that floor: the smallest commitment worth monitoring, as a natural measure of
    /// the subject is not dropped for falling just short of it. Nil further below, or with no floor.
    func raisedToFloor(_ measure: Measure, _ shortfall: Shortfall, from share: Double) -> Target? {
        guard let floor = shortfall.floor, shortfall.raw >= share * floor.minimum, shortfall.raw > 0 else { return nil }
        return Target(
            quantity: floor.minimum,
            working: "\(shortfall.working); raised to the floor of \(floor.minimum.written(.quantity(measure.unit))) "
                + "(\(floor.location)): the smallest commitment worth monitoring, asked for as a natural measure of "
                + "the subject")
    }
}
