import Catalogue

extension Recommender {
    /// The contract conditions: the living wage as the scope test decides (a condition, an option subject to
    /// affordability, or the questions to answer), and the supply-chain good practice every contract carries.
    /// None is scored or valued. A condition marked `formal` applies only where formal commitments are sought.
    func conditions(rules: ProcurementRules, framework: String) -> [ContractCondition] {
        policy.conditions.filter { $0.applies == .always || rules.commitments == .formal }.map { row in
            let title = catalogue.measure(row.measure, framework: "open")?.title ?? row.measure
            let ref = catalogue.measures(in: framework).first { $0.policyRef == row.measure }?.ref ?? row.measure
            guard row.kind == .livingWage else {
                return ContractCondition(
                    ref: ref, title: title, kind: .condition, text: row.condition, source: row.source)
            }
            let test = rules.realLivingWage
            return ContractCondition(
                ref: ref, title: test.wage.name, kind: test.treatment, text: test.note,
                source: row.source + "; rate: " + test.wage.source)
        }
    }

    /// True when a measure is a contract condition rather than a scored measure.
    func isCondition(_ measure: Measure) -> Bool { policy.condition(for: measure) != nil }
}
