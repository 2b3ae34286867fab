import Catalogue
import Core
import Formatting
import Hummingbird
import Recommender

/// A posted decision on a recommended measure (accept, drop or change its target, with a reason), read and
/// checked: a form no page of the workspace would send is a 400; a decision the commissioner can correct (a
/// target in words, a missing reason) keeps its ``problem`` to show beside the measure.
struct DecisionForm {
    /// The decision as posted.
    let decision: CommissionerDecision
    /// The version of the decisions the page was showing, for the optimistic check when saving.
    let version: Int
    /// What the commissioner must correct, if anything.
    let problem: String?

    /// Reads the form against the recommendation it was posted from.
    /// - Throws: `HTTPError` 400 for a measure not recommended, an unknown action or no version.
    init(_ form: FormData, _ recommendation: Recommendation, limits: ContractLimits) throws {
        guard let measure = recommendation.measures.first(where: { $0.ref == form["measure"] }) else {
            throw HTTPError(
                .badRequest,
                message: "The measure \(ToolkitError.quoted(form["measure"], limit: 40)) is not recommended for this "
                    + "contract; reload the page.")
        }
        guard let action = CommissionerDecision.Action(rawValue: form["action"]) else {
            throw HTTPError(.badRequest, message: "Choose accept, drop or change for \(measure.ref).")
        }
        guard let version = Int(form["version"]), version >= 0 else {
            throw HTTPError(.badRequest, message: "The form has no decision version; reload the page.")
        }
        let typed = form["target"]
        let target = typed.isEmpty ? nil : FigureReading.number(typed)
        decision = CommissionerDecision(
            measure: measure.ref, action: action, target: action == .change ? target : nil, reason: form["reason"])
        self.version = version
        problem =
            target == nil && !typed.isEmpty && action == .change
            ? "\(ToolkitError.quoted(typed, limit: 40)) is not a number; write the target in figures"
            : decision.problem(limits: limits)
    }
}
