import Catalogue

extension Recommender {
    /// A measure's target: on what the contract handles where a rule of its subjects sizes the measure on a quantity
    /// the profile gives (`taxonomy/quantity_targets.csv`), else on what the supplier controls (`policy/targets.csv`).
    /// A quantity rule whose quantity is not given falls back to the policy rule, labelled as a fallback.
    func sizedTarget(
        _ measure: Measure, rule: Policy.TargetRule?, contract: ContractProfile, sizing: TargetSizing,
        subjects: [Subject]
    ) -> Result<Target, Shortfall> {
        guard let quantityRule = catalogue.taxonomy.quantityTarget(for: catalogue.linkKey(measure), subjects: subjects),
            let quantity = catalogue.taxonomy.quantity(quantityRule.quantity)
        else { return sizing.target(for: measure, rule: rule) }
        if let given = contract.quantities?[quantity.id] {
            return sizing.target(for: measure, on: quantityRule, quantity: given, named: quantity.name)
        }
        return sizing.target(for: measure, rule: rule).map { target in
            Target(
                quantity: target.quantity,
                working: "fallback, as the contract's \(quantity.name) are not given (quantities.\(quantity.id) "
                    + "would size it on them): \(target.working)")
        }
    }

    /// The target a measure is asked at, and whether as a commitment or an aspiration: sized as ``sizedTarget``; a
    /// quick win under the floor asked as a non-binding aspiration; a natural measure (strong relevance) just under
    /// the floor raised to it; else what sizing said.
    func askedTarget(
        _ measure: Measure, rule: Policy.TargetRule?, relevance: Relevance, rules: ProcurementRules,
        contract: ContractProfile, sizing: TargetSizing, subjects: [Subject]
    ) -> (target: Result<Target, Shortfall>, commitment: CommitmentKind) {
        let sized = sizedTarget(measure, rule: rule, contract: contract, sizing: sizing, subjects: subjects)
        guard case .failure(let shortfall) = sized else { return (sized, rules.commitments) }
        if let quickWin = quickWin(measure, shortfall: shortfall, rules: rules) {
            return (.success(quickWin), .aspirations)
        }
        if relevance.strength == .strong,
            let raised = sizing.raisedToFloor(measure, shortfall, from: policy.rules.raiseToFloorFrom)
        {
            return (.success(raised), rules.commitments)
        }
        return (sized, rules.commitments)
    }
}
