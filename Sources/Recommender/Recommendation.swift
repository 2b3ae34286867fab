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
    public var measures: [RecommendedMeasure]
    public var excluded: [ExcludedMeasure]
    public var totalSleva: Double
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

    /// The workforce given in the profile, or estimated as value × labour share ÷ cost per FTE ÷ years, the labour
    /// share being the contract subject's (or its category's) in `policy/labour_shares.csv`.
    public init(_ contract: ContractProfile, subject: String?, policy: Policy) {
        if let fte = contract.workforce?.fte {
            self.fte = fte
            estimated = false
            working = "\(number(fte)) FTE, as given in the contract profile"
            return
        }
        let key = subject.flatMap { policy.labourShares[$0] != nil ? $0 : nil } ?? contract.category.rawValue
        let share = policy.labourShares[key] ?? 0
        let cost = policy.value("cost_per_fte")
        fte = (contract.value * share / cost / contract.years * 10).rounded() / 10
        estimated = true
        working = "estimated: £\(grouped(contract.value)) × \(number(share * 100))% labour share (\(key)) ÷ £\(grouped(cost)) "
            + "per FTE a year ÷ \(number(contract.years)) years = \(number(fte)) FTE (policy/labour_shares.csv, policy/rules.csv)"
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
    public var commitment: String
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
}
