import Catalogue
import Core
import Formatting
import Hummingbird
import Recommender
import Workspace

/// A supplier's posted offer: a quantity for each of the tender's measures it offers (a blank box is a measure not
/// offered), its written response, whether to submit, and the version it was read at. Quantities that are not
/// figures, or are beyond what can be monitored, keep their problem to show beside their box.
struct OfferForm {
    /// The commitments, in the tender's order of measures.
    let lines: [SupplierOffer.Line]
    /// The written response.
    let statement: String
    /// Whether to submit the offer (otherwise it is saved as a draft).
    let submit: Bool
    /// The version of the offer the page showed (0 for none yet).
    let version: Int
    /// Each box's text as typed, by measure key, to show again with a problem.
    let typed: [String: String]
    /// What to correct, by measure key (or `statement`).
    let problems: [String: String]

    /// The name of the box for a measure's quantity.
    static func field(_ line: OfferGuide.Line) -> String { "q-" + line.ref }

    /// Reads the form against the tender's guide.
    /// - Throws: `HTTPError` 400 for a form no page of the workspace would send (no version, no action).
    init(_ form: FormData, guide: OfferGuide, contractLimits: ContractLimits, statementLimit: Int) throws {
        guard let version = Int(form["version"]), version >= 0 else {
            throw HTTPError(.badRequest, message: "The form has no offer version; reload the page.")
        }
        guard ["save", "submit"].contains(form["action"]) else {
            throw HTTPError(.badRequest, message: "Choose to save the offer as a draft or to submit it.")
        }
        var (lines, typed, problems) = ([SupplierOffer.Line](), [String: String](), [String: String]())
        for line in guide.lines {
            let text = form[Self.field(line)]
            typed[line.measure] = text
            guard !text.isEmpty else { continue }
            guard let quantity = FigureReading.number(text) else {
                problems[line.measure] = "\(ToolkitError.quoted(text, limit: 40)) is not a number; write it in figures"
                continue
            }
            if let problem = contractLimits.problem(withQuantity: quantity) {
                problems[line.measure] = "\(problem), not \(ToolkitError.quoted(text, limit: 40))"
                continue
            }
            if quantity > 0 { lines.append(SupplierOffer.Line(measure: line.measure, quantity: quantity)) }
        }
        statement = form["statement"]
        if statement.count > statementLimit {
            problems["statement"] =
                "\(statement.count) characters: the written response has at most \(statementLimit) "
                + "(policy/workspace_limits.csv)"
        }
        (self.lines, self.typed, self.problems, self.version) = (lines, typed, problems, version)
        submit = form["action"] == "submit"
    }
}
