import Catalogue
import Evidence

/// What the recommender says about one contract: the rules, the measures with targets and value, and what
/// it left out and why. Every number carries its working.
public struct Recommendation: Codable, Sendable {
    public var contract: ContractProfile
    /// The contract's subjects from its CPV codes (and description), as `name (CPV code)`.
    public var subjects: [String]
    public var workforce: WorkforceEstimate
    /// The value band that sets how many measures and how ambitious.
    public var band: String
    public var rules: ProcurementRules
    /// Contract conditions (pass/fail, not scored): the living wage where in scope, and supply-chain good practice.
    public var conditions: [ContractCondition]
    public var measures: [RecommendedMeasure]
    public var excluded: [ExcludedMeasure]
    public var totalSleva: Double
    /// The base targets were sized on: the supplier-controlled value and how it was found.
    public var targetBase: String
    /// The price year and valuation basis of every money value.
    public var valuation: String
    /// Whose policy the priorities, weights and thresholds come from, and whether it is the borough's own.
    public var policy: String
    /// Warnings about the contract profile (e.g. a category that contradicts a CPV division).
    public var warnings: [String]
    /// How the data were prepared (roll-ups, duplicates).
    public var notes: [String]
}

/// The contract's workforce, given or estimated.
public struct WorkforceEstimate: Codable, Sendable {
    public var fte: Double
    public var estimated: Bool
    public var working: String
    /// The share of the contract's value spent on labour, and the row of `policy/labour_shares.csv` it came from.
    public var labourShare: Double
    public var labourShareKey: String

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
            working = "\(number(fte)) FTE, as given in the contract profile"
            return
        }
        let cost = policy.value("cost_per_fte")
        let base = contract.controlledValue.value
        fte = (base * share / cost / contract.years * 10).rounded() / 10
        estimated = true
        working =
            "estimated: £\(grouped(base)) × \(number(share * 100))% labour share (\(key)) ÷ £\(grouped(cost)) "
            + "per FTE a year ÷ \(number(contract.years)) years = \(number(fte)) FTE (policy/labour_shares.csv, "
            + "policy/rules.csv)"
    }
}

/// A recommended measure.
public struct RecommendedMeasure: Codable, Sendable {
    public var rank: Int
    public var ref: String
    public var framework: String
    public var theme: String
    public var title: String
    public var unit: String
    /// `strong` or `possible`.
    public var relevance: String
    public var relevanceReason: String
    public var needs: [NeedEvidence]
    public var equalityGaps: [GapEvidence]
    public var target: Target
    /// £ per unit, when an open proxy is sourced.
    public var proxyValue: Double?
    public var proxy: ProxyValue?
    /// Target × proxy value (× years where the value recurs), in £.
    public var sleva: Double?
    public var slevaWorking: String?
    public var rankScore: Double
    public var rankWorking: String
    /// `formal` commitment or non-binding `aspiration`.
    public var commitment: CommitmentKind
    /// `need shown` (a need at or above the policy's level in a delivery area), `no need shown` (the data show
    /// none) or `unknown` (no data on the needs the measure answers).
    public var needStatus: String
    /// Conditions the law or the council attaches to the measure for this contract (safeguarding).
    public var caveats: [String]
    /// The years the value counts for (the contract's, where the value recurs each year; else 1), when valued.
    public var valuedYears: Double? = nil
}

/// A contract condition: pass/fail terms, not scored and with no money value.
public struct ContractCondition: Codable, Sendable {
    public var ref: String
    public var title: String
    /// `condition` (required), `option` (subject to affordability) or `questions` (to answer before tender).
    public var kind: String
    public var text: String
    public var source: String
}

/// A local need a measure answers, with the figures behind it.
public struct NeedEvidence: Codable, Sendable {
    public var area: String
    public var areaName: String
    public var domain: String
    public var domainName: String
    public var score: Double
    public var level: String
    public var reason: String
    /// Indicator figures: value, England and parent area, significance, rank among siblings.
    public var figures: [String]
}

/// An equality gap a measure answers.
public struct GapEvidence: Codable, Sendable {
    public var action: String
    public var characteristic: String
    public var places: [String]
    public var reason: String
    public var source: String
}

/// A target quantity and the arithmetic that sized it.
public struct Target: Codable, Sendable {
    public var quantity: Double
    public var working: String
}

/// A measure left out, and why.
public struct ExcludedMeasure: Codable, Sendable {
    public var ref: String
    public var title: String
    public var reason: String
    /// The kind of reason, for grouping: see ``ExclusionCode``.
    public var code: String

    public init(ref: String, title: String, code: ExclusionCode, reason: String) {
        self.ref = ref
        self.title = title
        self.reason = reason
        self.code = code.rawValue
    }
}

/// Why a measure is left out. A measure is never left out for lack of local data: need only ranks.
public enum ExclusionCode: String, Codable, Sendable, CaseIterable {
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
