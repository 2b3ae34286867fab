import Catalogue

extension Recommender {
    /// A measure's target: on what the contract handles where a rule of its subjects sizes the measure on a quantity
    /// the profile gives (`taxonomy/quantity_targets.csv`), else on what the supplier controls (`policy/targets.csv`).
    /// A quantity rule whose quantity is not given falls back to the policy rule, labelled, with the quantity to ask.
    func sizedTarget(
        _ measure: Measure, rule: Policy.TargetRule?, contract: ContractProfile, sizing: TargetSizing,
        subjects: [Subject]
    ) -> (target: Result<Target, Shortfall>, missing: ContractQuantity?) {
        guard let quantityRule = quantityRule(for: measure, subjects: subjects),
            let quantity = catalogue.taxonomy.quantity(quantityRule.quantity)
        else { return (sizing.target(for: measure, rule: rule), nil) }
        if let given = contract.quantities?[quantity.id] {
            return (sizing.target(for: measure, on: quantityRule, quantity: given, named: quantity.name), nil)
        }
        let fallback = sizing.target(for: measure, rule: rule).map { target in
            Target(
                quantity: target.quantity,
                working: "fallback, as the contract's \(quantity.name) are not given (quantities.\(quantity.id) "
                    + "would size it on them): \(target.working)")
        }
        return (fallback, quantity)
    }

    /// The first rule of the contract's subjects (each with its broader subjects) that sizes a measure on a quantity.
    func quantityRule(for measure: Measure, subjects: [Subject]) -> QuantityTarget? {
        let key = catalogue.linkKey(measure)
        for subject in subjects {
            if let rule = catalogue.taxonomy.quantityTarget(for: key, subject: subject.id) { return rule }
        }
        return nil
    }
}
