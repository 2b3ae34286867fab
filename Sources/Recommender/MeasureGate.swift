import Catalogue
import Formatting

/// What the gates say of one measure for one contract: left out (with the code and reason), or let through
/// with its relevance and any caveats. Need never closes a gate.
enum GateResult {
    case excluded(ExclusionCode, String)
    case through(Relevance, caveats: [String])
}

extension Recommender {
    /// Relevance to the subject matter, the core of the contract, safeguarding and duration, in that order. On
    /// short capital works only the measures `policy/short_works.csv` lists are deliverable.
    func gate(
        _ measure: Measure, contract: ContractProfile, matter: SubjectMatter, description: Words,
        codes: [CPVVocabulary.Code],
        shortWorks: Bool
    ) -> GateResult {
        let relevance = catalogue.relevance(of: measure, in: matter)
        guard relevance.strength != .none else {
            return .excluded(
                measure.categories.contains(contract.category) ? .notConnected : .category, relevance.reason)
        }
        let key = catalogue.linkKey(measure)
        if let core = catalogue.taxonomy.coreRule(for: key, cpv: codes, description: description) {
            return .excluded(
                .core,
                "the contract's core, not social value: \(core.reason) (taxonomy/core_measures.csv, CPV "
                    + "\(core.prefix)…)"
            )
        }
        let safeguarding = catalogue.taxonomy.safeguarding(for: key, cpv: codes, description: description)
        if let bar = safeguarding.first(where: { $0.action == .exclude }) {
            return .excluded(.safeguarding, "\(bar.caveat) (\(bar.source))")
        }
        let rule = policy.targets[measure.policyRef]
        if let months = rule?.minimumMonths, contract.durationMonths < months {
            return .excluded(
                .tooShort,
                "the contract runs \(contract.durationMonths.written(.working)) months, shorter than the "
                    + "\(months.written(.working)) months the measure needs to be delivered (\(rule!.location))")
        }
        if shortWorks, policy.shortWorksMeasures[measure.policyRef] == nil {
            return .excluded(
                .tooShort,
                "short capital works (\(contract.durationMonths.written(.working)) months) leave no time to "
                    + "deliver it: only what policy/short_works.csv lists is asked for (commissioning toolkit 3.1)")
        }
        return .through(relevance, caveats: safeguarding.map { "\($0.caveat) (\($0.source))" })
    }
}
