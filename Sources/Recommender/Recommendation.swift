import Catalogue
import Evidence
import Formatting

/// What the recommender says about one contract: the rules, the measures with targets and value, and what
/// it left out and why. Every number carries its working.
public struct Recommendation: Codable, Sendable {
    /// The contract profile the recommendation is for.
    public var contract: ContractProfile
    /// The contract's subjects from its CPV codes (and description), as `name (CPV code)`.
    public var subjects: [String]
    /// The wards the contract is delivered in, resolved once from the profile's codes or names (none for a
    /// borough-wide contract): what every report, page and map of the recommendation reads.
    public var deliveryWards: [DeliveryWard]
    /// The contract's workforce in FTE, as given or estimated, with the working.
    public var workforce: WorkforceEstimate
    /// The value band that sets how many measures and how ambitious.
    public var band: String
    /// The commissioning toolkit's rules for the contract: commitments, weighting, evidence and the living wage test.
    public var rules: ProcurementRules
    /// Contract conditions (pass/fail, not scored): the living wage where in scope, and supply-chain good practice.
    public var conditions: [ContractCondition]
    /// The recommended measures in rank order, each with its target, value and evidence.
    public var measures: [RecommendedMeasure]
    /// The measures left out, each with the reason.
    public var excluded: [ExcludedMeasure]
    /// Total SLEVA (social, local and economic value added) of the recommended measures, in £; unvalued measures add 0.
    public var totalSleva: Double
    /// The base targets were sized on: the supplier-controlled value and how it was found.
    public var targetBase: String
    /// The price year and valuation basis of every money value.
    public var valuation: String
    /// Whose policy the priorities, weights and thresholds come from, and whether it is the borough's own.
    public var policy: String
    /// True when the policy is another authority's pack, applied as a default: said wherever the answer is shown.
    public var policyIsDefault: Bool
    /// Warnings about the contract profile (e.g. a category that contradicts a CPV division).
    public var warnings: [String]
    /// What the commissioner should answer for the targets to be sized on the contract itself (shown first).
    public var questions: [Question]
    /// How the data were prepared (roll-ups, duplicates).
    public var notes: [String]
}

extension Recommendation {
    /// Decodes a recommendation, one saved in a workspace before `deliveryWards`, `policyIsDefault` and
    /// `questions` existed among them (they read as none, false and none).
    /// - Throws: `DecodingError` when a field is missing or of the wrong type.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        contract = try values.decode(ContractProfile.self, forKey: .contract)
        subjects = try values.decode([String].self, forKey: .subjects)
        deliveryWards = try values.decodeIfPresent([DeliveryWard].self, forKey: .deliveryWards) ?? []
        workforce = try values.decode(WorkforceEstimate.self, forKey: .workforce)
        band = try values.decode(String.self, forKey: .band)
        rules = try values.decode(ProcurementRules.self, forKey: .rules)
        conditions = try values.decode([ContractCondition].self, forKey: .conditions)
        measures = try values.decode([RecommendedMeasure].self, forKey: .measures)
        excluded = try values.decode([ExcludedMeasure].self, forKey: .excluded)
        totalSleva = try values.decode(Double.self, forKey: .totalSleva)
        targetBase = try values.decode(String.self, forKey: .targetBase)
        valuation = try values.decode(String.self, forKey: .valuation)
        policy = try values.decode(String.self, forKey: .policy)
        policyIsDefault = try values.decodeIfPresent(Bool.self, forKey: .policyIsDefault) ?? false
        warnings = try values.decode([String].self, forKey: .warnings)
        questions = try values.decodeIfPresent([Question].self, forKey: .questions) ?? []
        notes = try values.decode([String].self, forKey: .notes)
    }
}

/// A ward a contract is delivered in: its code (which maps and evidence match) and its name.
public struct DeliveryWard: Codable, Sendable, Hashable {
    /// The ward's GSS code, e.g. `E05013010`.
    public var code: String
    /// The ward's name, e.g. `Rotherham East`.
    public var name: String

    /// A delivery ward.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// The contract's workforce, given or estimated.
public struct WorkforceEstimate: Codable, Sendable {
    /// The workforce in full-time equivalents (FTE); an estimate is rounded to one decimal place.
    public var fte: Double
    /// True when estimated from the contract value, false when given in the contract profile.
    public var estimated: Bool
    /// How the figure was found, with the arithmetic and the policy files used.
    public var working: String
    /// The share of the contract's value spent on labour, and the row of `policy/labour_shares.csv` it came from.
    var labourShare: Double
    /// The subject or category row of `policy/labour_shares.csv` the labour share came from.
    var labourShareKey: String

    /// The workforce given in the profile, or estimated as value × labour share ÷ cost per FTE ÷ years, the labour
    /// share being the contract subject's (or its category's) in `policy/labour_shares.csv`.
    public init(_ contract: ContractProfile, subject: String?, policy: Policy) {
        let key = subject.flatMap { policy.labourShares[$0] != nil ? $0 : nil } ?? contract.category.rawValue
        let share = policy.labourShares[key] ?? 0
        labourShare = share
        labourShareKey = key
        if let fte = contract.workforce?.fte {
            self.fte = fte
            estimated = false
            working = "\(fte.written(.working)) FTE, as given in the contract profile"
            return
        }
        let cost = policy.rules.costPerFte
        let base = contract.controlledValue.value
        fte = (base * share / cost / contract.years * 10).rounded() / 10
        estimated = true
        working =
            "estimated: \(base.written(.money)) × \((share * 100).written(.working))% labour share (\(key)) ÷ "
            + "\(cost.written(.money)) per FTE a year ÷ \(contract.years.written(.working)) years = "
            + "\(fte.written(.working)) FTE (policy/labour_shares.csv, policy/rules.csv)"
    }
}

/// A recommended measure.
public struct RecommendedMeasure: Codable, Sendable {
    /// The measure's position in the recommendation, from 1.
    public var rank: Int
    /// The measure's reference in its framework (`J2`, `G1`).
    public var ref: String
    /// The framework the measure comes from (`open` unless the contract profile names another).
    public var framework: String
    /// The measure's theme; each measure of the same theme ranked above lowers its rank score a little.
    public var theme: String
    /// The measure's title, as the catalogue gives it.
    public var title: String
    /// The unit the target is counted in (`people`, `hours`, `GBP`).
    public var unit: String
    /// `strong` or `possible`.
    public var relevance: String
    /// Why the measure is relevant to the contract's subject matter.
    public var relevanceReason: String
    /// The local needs the measure answers in the delivery areas (at most five, strongest first), then any council
    /// priority.
    public var needs: [NeedEvidence]
    /// Gaps in the council's equality action plan that the measure answers in the delivery areas.
    public var equalityGaps: [GapEvidence]
    /// The target asked of the supplier, in the measure's unit, and how it was sized.
    public var target: Target
    /// £ per unit, when an open proxy is sourced.
    public var proxyValue: Double?
    /// The open proxy behind `proxyValue`, with its formula, sources and price year; nil when none is sourced.
    public var proxy: ProxyValue?
    /// Target × proxy value (× years where the value recurs), in £.
    public var sleva: Double?
    /// The arithmetic behind `sleva`, or why it could not be valued; nil when no open proxy is sourced.
    public var slevaWorking: String?
    /// The rank score: relevance, need, equality gap, council priority and value (`policy/ranking.csv`).
    public var rankScore: Double
    /// The rank score's arithmetic, each part naming the policy row behind it.
    public var rankWorking: String
    /// `formal` commitment or non-binding `aspiration`.
    public var commitment: CommitmentKind
    /// `need shown` (a need at or above the policy's level in a delivery area), `no need shown` (the data show
    /// none) or `unknown` (no data on the needs the measure answers).
    public var needStatus: String
    /// Conditions the law or the council attaches to the measure for this contract (safeguarding).
    public var caveats: [String]
    /// The years the value counts for (the contract's, where the value recurs each year; else 1), when valued.
    var valuedYears: Double? = nil
}

/// A contract condition: pass/fail terms, not scored and with no money value.
public struct ContractCondition: Codable, Sendable {
    /// The reference of the measure the condition stands for, in the contract's framework.
    public var ref: String
    /// The measure's title, or the living wage's name (`Real Living Wage`, `London Living Wage`).
    public var title: String
    /// Required, an option subject to affordability, or questions to answer before the tender.
    public var kind: ConditionTerms
    /// The condition's wording for the contract or, for the living wage, the scope test's result in words.
    public var text: String
    /// Where the condition comes from (the law or policy; for the living wage, also the rate's source).
    public var source: String
}

/// A local need a measure answers, with the figures behind it.
public struct NeedEvidence: Codable, Sendable {
    /// The GSS code of the area the need is in (the borough's, for a council priority).
    public var area: String
    /// The area's name.
    public var areaName: String
    /// The need domain's id (`council-priority` for a council priority).
    public var domain: String
    /// The need domain's name.
    public var domainName: String
    /// The need score (positive = worse), or the priority's weight for a council priority.
    public var score: Double
    /// The need level (`high need`, `above-average need`, …), or `council priority`.
    public var level: String
    /// Why the measure answers this need (the taxonomy's link), or why the council gives it priority.
    public var reason: String
    /// Indicator figures: value, England and parent area, significance, rank among siblings.
    public var figures: [String]
}

/// An equality gap a measure answers.
public struct GapEvidence: Codable, Sendable {
    /// The action the equality action plan commits to.
    public var action: String
    /// The protected characteristic concerned (e.g. `disability`, `carers`).
    public var characteristic: String
    /// The names of the areas the gap is in (the borough, when the plan says borough-wide).
    public var places: [String]
    /// Why the measure answers the gap for this characteristic.
    public var reason: String
    /// Where the gap is recorded: the action plan's `file:line`.
    public var source: String
}

/// A target quantity and the arithmetic that sized it.
public struct Target: Codable, Sendable {
    /// The target, in the measure's unit.
    public var quantity: Double
    /// How it was sized, with the policy rows used (or who changed it and why).
    public var working: String
}

/// A measure left out, and why.
public struct ExcludedMeasure: Codable, Sendable {
    /// The measure's reference in its framework.
    public var ref: String
    /// The measure's title.
    public var title: String
    /// Why it was left out, in words for the commissioner.
    public var reason: String
    /// The kind of reason, for grouping: see ``ExclusionCode``.
    public var code: String

    /// A measure left out, with the kind of reason (`code`) and the reason in words.
    public init(ref: String, title: String, code: ExclusionCode, reason: String) {
        self.ref = ref
        self.title = title
        self.reason = reason
        self.code = code.rawValue
    }
}

/// Why a measure is left out. A measure is never left out for lack of local data: need only ranks.
public enum ExclusionCode: String, Codable, Sendable, CaseIterable {
    /// True for a measure left out after its target was sized: relevant and allowed, but too small, beyond the cap
    /// or too weakly connected.
    var wasSized: Bool { [.nothingToDeliver, .belowFloor, .beyondCap, .weakConnection].contains(self) }

    /// Its categories exclude the contract's category (goods, services, works).
    case category
    /// No reviewed link to the contract's subject matter, or a reviewed `none`.
    case notConnected = "not-connected"
    /// It restates what the contract buys: the core, not social value.
    case core
    /// Safeguarding or suitability rules bar it for this contract.
    case safeguarding
    /// The contract is shorter than the measure needs (an apprenticeship lasts 12 months).
    case tooShort = "too-short"
    /// Its target rounds to nothing the contract can deliver.
    case nothingToDeliver = "nothing-to-deliver"
    /// Its target is under the policy's floor for monitoring.
    case belowFloor = "below-floor"
    /// Ranked below the number of measures proportionate to the contract.
    case beyondCap = "beyond-cap"
    /// Its score is under the policy's minimum: too weakly connected to ask for (`policy/ranking.csv`).
    case weakConnection = "weak-connection"
    /// The commissioner dropped it, with a reason (the workspace's decisions).
    case commissioner
}
