import Catalogue
import Formatting

/// What suppliers' social value offers are for a contract: formal commitments, scored and written into the
/// contract, or non-binding aspirations, asked for but not scored (commissioning toolkit 2.3).
public enum CommitmentKind: String, Codable, Sendable, CaseIterable {
    case formal, aspirations
}

/// The commissioning toolkit's rules as they apply to one contract.
public struct ProcurementRules: Codable, Sendable {
    /// `formal` from the threshold, else `aspirations` (non-binding, not scored at award).
    public var commitments: CommitmentKind
    /// Why only aspirations are sought (the value is under the threshold, or the council is a conduit); nil for
    /// formal commitments.
    public var aspirationsReason: String?
    /// Share of the overall evaluation given to social value (nil for aspirations: not scored).
    public var socialValueWeighting: Double?
    /// Share of the social value score given to the quantitative offer (nil for aspirations: not scored).
    public var quantitativeShare: Double?
    /// Share of the social value score given to the qualitative offer (nil for aspirations: not scored).
    public var qualitativeShare: Double?
    /// `delivery plan` above the delivery-plan threshold, `milestone tracker` below, nil for aspirations.
    public var qualitativeEvidence: String?
    /// True up to the quotation threshold: at least one quotation must be sought from a local organisation.
    public var localQuotation: Bool
    /// The Real Living Wage scope test for the contract's workforce: a contract condition, an option or questions.
    public var realLivingWage: RealLivingWageTest
    /// The rules in words, each with its source.
    public var notes: [String]

    /// The Real Living Wage scope test: in scope when every criterion is met.
    public struct RealLivingWageTest: Codable, Sendable {
        /// True, false, or nil when the profile does not say enough to decide.
        public var inScope: Bool?
        /// `condition` (in scope), `option` (out of scope: subject to affordability) or `questions` (undecided).
        public var treatment: ConditionTerms
        /// The rate that applies where the contract is delivered (the London Living Wage in London).
        public var wage: LivingWageRate
        /// The scope criteria, each with the contract profile's answer.
        public var criteria: [Criterion]
        /// The result in words: the condition to set, the option subject to affordability, or the questions to answer.
        public var note: String
    }

    /// One criterion of the Real Living Wage scope test and whether the contract meets it.
    public struct Criterion: Codable, Sendable {
        /// The criterion in words, e.g. `aged 18 or over`.
        public var criterion: String
        /// `yes`, `no` or `not known`.
        public var answer: String
        /// True when met, false when not, nil when the contract profile does not say.
        public var met: Bool?
    }

    /// The rules for a contract delivered in an authority (its GSS code picks the living wage); `servesPeople`
    /// when the contract is a service to people (care, education), which the council co-produces.
    public init(contract: ContractProfile, policy: Policy, authority: String, servesPeople: Bool) {
        let conduit = contract.councilIsConduit ?? false
        let formal = contract.value > policy.rules.formalCommitmentsFrom && !conduit
        let threshold = policy.rules.formalCommitmentsFrom.written(.money)
        commitments = formal ? .formal : .aspirations
        aspirationsReason =
            formal
            ? nil
            : conduit
                ? "the council only passes the funds through and has no leverage over how they are spent "
                    + "(commissioning toolkit 2.3)"
                : "the value, \(contract.value.written(.money)), does not exceed \(threshold) "
                    + "(commissioning toolkit 2.3)"
        socialValueWeighting = formal ? contract.socialValueWeighting ?? policy.rules.socialValueWeighting : nil
        quantitativeShare = formal ? policy.rules.quantitativeShare : nil
        qualitativeShare = formal ? policy.rules.qualitativeShare : nil
        qualitativeEvidence =
            formal
            ? (contract.value > policy.rules.deliveryPlanAbove ? "delivery plan" : "milestone tracker") : nil
        localQuotation = contract.value <= policy.rules.localQuotationUpTo
        realLivingWage = Self.livingWage(contract.workforce, policy, wage: policy.livingWage(authority: authority))
        var notes = ["Social value applies to all procurements, direct awards and exemptions included."]
        if formal {
            notes += Self.formalNotes(
                threshold: threshold, weighting: socialValueWeighting!,
                setForContract: contract.socialValueWeighting != nil, quantitative: quantitativeShare!,
                qualitative: qualitativeShare!, evidence: qualitativeEvidence!,
                deliveryPlanAbove: policy.rules.deliveryPlanAbove)
        } else {
            notes += Self.aspirationNotes(threshold: threshold, conduit: conduit)
        }
        self.notes = notes + Self.commonNotes(localQuotation: localQuotation, servesPeople: servesPeople)
    }

    /// The notes for formal commitments: the threshold the value exceeds, the weighting of social value
    /// (`setForContract` when the contract profile sets it) and its split, the qualitative evidence asked for
    /// (a delivery plan above `deliveryPlanAbove`) and how the commitments are monitored.
    static func formalNotes(
        threshold: String, weighting: Double, setForContract: Bool, quantitative: Double, qualitative: Double,
        evidence: String, deliveryPlanAbove: Double
    ) -> [String] {
        [
            "Formal commitments are sought (the value exceeds \(threshold)): social value is "
                + "\(weighting.written(.share)) of the overall evaluation"
                + (setForContract ? " (set for this contract)" : " (the usual weighting; set per contract)")
                + ", split \(quantitative.written(.share)) quantitative offer and \(qualitative.written(.share)) "
                + "qualitative offer.",
            "Qualitative evidence: a \(evidence) (a delivery plan above "
                + "\(deliveryPlanAbove.written(.money)), a milestone tracker below).",
            "Commitments are monitored over the contract's life against evidence, reported quarterly; "
                + "under-delivery can lead to recovery of costs.",
        ]
    }

    /// The notes for non-binding aspirations: why (the council is a `conduit` for the funds, or the value does not
    /// exceed the `threshold`), and that they are reported on but not contractual.
    static func aspirationNotes(threshold: String, conduit: Bool) -> [String] {
        [
            conduit
                ? "The council is a conduit for funds it has no leverage over: only non-binding aspirations, which "
                    + "cannot be scored when awarding the contract."
                : "The value does not exceed \(threshold): only non-binding aspirations, which cannot be scored "
                    + "when awarding the contract.",
            "Aspirations are agreed with the provider and reported on, but they are not contractual: no cost "
                + "recovery for under-delivery.",
        ]
    }

    /// The notes that close every contract's rules: a local quotation (up to the quotation threshold), no
    /// local-only labour, social value over and above the core, and co-production for a service to people.
    static func commonNotes(localQuotation: Bool, servesPeople: Bool) -> [String] {
        var notes: [String] = []
        if localQuotation {
            notes.append(
                "When seeking quotations, at least one must come from a local organisation; keep a record where that "
                    + "is not possible."
            )
        }
        notes.append(
            "Local-only labour may not be required (it would discriminate); suppliers may be invited to commit to "
                + "reducing worklessness and long-term unemployment.")
        notes.append(
            "Social value is over and above the core: what the contract itself buys is not counted as social value.")
        if servesPeople {
            notes.append(
                "A service to people: co-design the specification and co-produce the service with the people who use "
                    + "it, "
                    + "their families and the organisations that represent them (commissioning toolkit 2.7).")
        }
        return notes
    }

    static func livingWage(_ workforce: ContractProfile.Workforce?, _ policy: Policy, wage: LivingWageRate)
        -> RealLivingWageTest
    {
        func criterion(_ text: String, _ value: Bool?) -> Criterion {
            Criterion(criterion: text, answer: value.map { $0 ? "yes" : "no" } ?? "not known", met: value)
        }
        let w = workforce
        let places = [w?.onCouncilPremises, w?.onCouncilProperty, w?.onCouncilLand]
        let onCouncilPlace: Bool? = places.contains(true) ? true : places.contains(nil) ? nil : false
        let criteria = [
            criterion("aged \(policy.rules.rlwMinimumAge.written(.whole)) or over", w?.aged18Plus),
            criterion("contracted or sub-contracted by the supplier", w == nil ? nil : w?.contracted ?? true),
            criterion(
                "\(policy.rules.rlwMinimumHoursPerWeek.written(.whole)) or more hours of work a week",
                w?.hoursPerWeek.map { $0 >= policy.rules.rlwMinimumHoursPerWeek }),
            criterion(
                "for \(policy.rules.rlwMinimumConsecutiveWeeks.written(.whole)) or more consecutive weeks "
                    + "in a year",
                w?.consecutiveWeeks.map { $0 >= policy.rules.rlwMinimumConsecutiveWeeks }),
            criterion(
                "on council premises, property the council owns or occupies, or land it maintains or works on",
                onCouncilPlace),
        ]
        let inScope: Bool? =
            criteria.contains { $0.met == false } ? false : criteria.contains { $0.met == nil } ? nil : true
        let rate = "\(wage.name) (\(wage.hourlyRate.written(.pence)) an hour, \(wage.rateYear) rate)"
        let note: String
        let treatment: ConditionTerms
        switch inScope {
        case true?:
            treatment = .condition
            note =
                "In scope: a contract condition (pass/fail, whatever the value), not a scored measure: the supplier "
                + "must pay at least the "
                + "\(rate) to every employee and subcontractor working on the contract."
        case false?:
            treatment = .option
            note =
                "Not in scope: the council may still require the \(rate) as an optional requirement, subject to "
                + "affordability "
                + "(the budget must allow it); it is not scored."
        case nil:
            treatment = .questions
            note =
                "Cannot be decided yet: answer "
                + criteria.filter { $0.met == nil }.map { "\"\($0.criterion)?\"" }.joined(separator: ", ")
                + " in the contract profile's workforce; if every answer is yes, paying the \(rate) is a contract "
                + "condition."
        }
        return RealLivingWageTest(inScope: inScope, treatment: treatment, wage: wage, criteria: criteria, note: note)
    }
}
