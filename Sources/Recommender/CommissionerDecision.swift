import Catalogue
import Core
import Formatting

/// What the commissioner decided about one recommended measure: keep it as recommended, drop it, or ask for a
/// different target. A drop or a change needs a reason, which goes into the tender pack's working.
public struct CommissionerDecision: Codable, Sendable, Equatable {
    /// What the commissioner did with the measure.
    public enum Action: String, Codable, Sendable, CaseIterable {
        case accept, drop, change
    }

    /// The measure's reference as recommended (`J2`, `G1`).
    public var measure: String
    /// Whether the commissioner accepted, dropped or changed the measure.
    public var action: Action
    /// The target asked for instead, for a change.
    public var target: Double?
    /// Why the measure was dropped or changed, in the commissioner's words; it goes into the tender pack's working.
    public var reason: String

    /// A decision on one measure; give `target` for a change, and a reason for a drop or a change.
    public init(measure: String, action: Action, target: Double? = nil, reason: String) {
        self.measure = measure
        self.action = action
        self.target = target
        self.reason = reason
    }

    /// Why the decision cannot stand, in words for the form, or `nil` when it can: a drop or change needs a
    /// reason of at most the limits' length, and a change a target that is finite, not negative and under the
    /// limit on contract values (`policy/contract_limits.csv`).
    public func problem(limits: ContractLimits) -> String? {
        let reason = reason.trimmingSpaces
        if action != .accept, reason.isEmpty { return "give the reason for the decision; it goes into the tender pack" }
        if reason.count > limits.reasonCharactersMaximum {
            return
                "a reason is at most \(Double(limits.reasonCharactersMaximum).written(.whole)) characters "
                + "(policy/contract_limits.csv)"
        }
        guard action == .change else { return nil }
        guard let target else { return "give the target you want instead" }
        guard target.isFinite, target >= 0, target < limits.valueBelow else {
            return
                "a target is a number from 0 to under \(limits.valueBelow.written(.whole)), "
                + "not \(target.written(.asGiven))"
        }
        return nil
    }
}

extension Recommendation {
    /// The recommendation with the commissioner's decisions applied: dropped measures move to the excluded list
    /// with the reason, changed targets replace the recommended ones (their SLEVA scaled with the target, the
    /// working saying by whom and why), measures are ranked again and the total recomputed.
    ///
    /// Decisions on measures the recommendation no longer holds are ignored; they stay on record.
    /// - Complexity: O(*m* + *d*) for *m* measures and *d* decisions.
    public func applying(_ decisions: [CommissionerDecision]) -> Recommendation {
        let byMeasure = Dictionary(decisions.map { ($0.measure, $0) }, uniquingKeysWith: { _, last in last })
        var decided = self
        decided.measures = []
        for var measure in measures {
            switch byMeasure[measure.ref] {
            case let decision? where decision.action == .drop:
                decided.excluded.insert(
                    ExcludedMeasure(
                        ref: measure.ref, title: measure.title, code: .commissioner,
                        reason: "dropped by the commissioner: \(decision.reason)"), at: 0)
                continue
            case let decision? where decision.action == .change:
                if let target = decision.target { measure.changeTarget(to: target, reason: decision.reason) }
            default: break
            }
            measure.rank = decided.measures.count + 1
            decided.measures.append(measure)
        }
        decided.totalSleva = decided.measures.compactMap(\.sleva).reduce(0, +)
        return decided
    }
}

extension RecommendedMeasure {
    /// Sets the target the commissioner asked for and values it as the recommendation did (target × proxy × the
    /// years it counts for); a snapshot made before the years were kept scales its value with the target.
    mutating func changeTarget(to quantity: Double, reason: String) {
        let recommended = target.quantity
        if let proxy = proxyValue, let years = valuedYears {
            let value = SocialValue(quantity, unit: unit, proxy: proxy, years: years)
            sleva = value.pounds
            slevaWorking = value.working + ", the commissioner's target"
        } else if let value = sleva {
            sleva = recommended > 0 ? (value * quantity / recommended).rounded() : nil
            slevaWorking =
                recommended > 0
                ? (slevaWorking ?? "")
                    + "; × \(quantity.written(.working)) ÷ \(recommended.written(.working)) "
                    + "for the commissioner's target"
                : "not valued: the recommended target was 0, so the value cannot be scaled to the new one"
        }
        target = Target(
            quantity: quantity,
            working: "set by the commissioner to \(quantity.written(.quantity(unit))) "
                + "(recommended \(recommended.written(.quantity(unit))): \(target.working)): \(reason)")
    }
}
