import Catalogue
import Formatting

/// A measure's rank score and its working, each part naming the policy row behind it (`policy/ranking.csv`,
/// `policy/priorities.csv`).
struct RankScore {
    var score: Double
    var working: String

    init(
        policy: Policy, relevance: RelevanceStrength, need: NeedReading, gap: Bool, priority: CouncilPriority?,
        sleva: Double?, valueReference: Double
    ) {
        var parts: [(Double, String)] = []
        let strength = policy.weight(relevance == .strong ? "relevance_strong" : "relevance_possible")
        parts.append((strength.weight, "\(relevance.rawValue) relevance [\(strength.location)]"))
        if let strongest = need.strongest {
            let w = policy.weight(strongest < 0 ? "need_below_average" : "need")
            let cap = policy.weight("need").cap ?? .infinity
            let part = max(-cap, min(cap, strongest * w.weight))
            parts.append(
                (part, "need \(strongest.written(.score)), \(need.strongestWhere ?? "") [\(w.location)]"))
        } else {
            let w = policy.weight("need_unknown")
            parts.append(
                (w.weight, "need unknown: no data on the needs it answers in the delivery areas [\(w.location)]"))
        }
        if gap {
            let w = policy.weight("equality_gap")
            parts.append((w.weight, "equality gap [\(w.location)]"))
        }
        if let priority {
            let w = policy.weight("council_priority")
            parts.append((priority.weight * w.weight, "council priority [\(priority.location)]"))
        }
        let v = policy.weight("value")
        let valuePart = min(v.cap ?? .infinity, (sleva ?? 0) / valueReference) * v.weight
        parts.append((valuePart, (sleva == nil ? "value: no proxy" : "value") + " [\(v.location)]"))
        score = parts.map(\.0).reduce(0, +).roundedScore
        working =
            parts.map { $0.0.written(.score) + " (\($0.1))" }.joined(separator: " + ") + " = "
            + score.written(.score)
    }
}
