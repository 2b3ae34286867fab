import Catalogue
import Formatting

/// Something the recommendation needs the commissioner to answer before its targets can be trusted: a quantity the
/// description mentions but the profile does not give, or the supplier's fee on a contract whose money mostly passes
/// through. Shown first, with the answer.
public struct Question: Codable, Sendable, Hashable {
    /// What is asked: `ask-quantity:<id>` or `ask-pass-through`.
    public var topic: String
    /// The question in words, naming the profile field that answers it.
    public var text: String
}

extension Recommender {
    /// The questions for a contract: each quantity its subjects use that the profile does not give, where the
    /// description mentions it or a recommended target fell back for want of it; and the supplier's fee where the
    /// subject or the description signals money passing through and neither the fee nor the share passed through is
    /// given (unless the council is only a conduit: aspirations only).
    func questions(
        _ contract: ContractProfile, subjects: [Subject], description: Words, measures: [RecommendedMeasure]
    ) -> [Question] {
        quantityQuestions(contract, subjects: subjects, description: description, measures: measures)
            + (passThroughQuestion(contract, subjects: subjects, description: description).map { [$0] } ?? [])
    }

    /// The quantities to ask for, in `taxonomy/quantities.csv` order.
    func quantityQuestions(
        _ contract: ContractProfile, subjects: [Subject], description: Words, measures: [RecommendedMeasure]
    ) -> [Question] {
        let taxonomy = catalogue.taxonomy
        let used = Set(subjects.flatMap { taxonomy.quantities(asked: $0.id).map(\.quantity) })
        let fellBack = Set(
            measures.compactMap { m in
                catalogue.measure(m.ref, framework: m.framework).flatMap { quantityRule(for: $0, subjects: subjects)?.quantity }
            })
        return taxonomy.quantities.compactMap { quantity in
            guard contract.quantities?[quantity.id] == nil else { return nil }
            let word = quantity.keywords.first { description.contains($0) }
            guard fellBack.contains(quantity.id) || (word != nil && used.contains(quantity.id)) else { return nil }
            let why = word.map { "The description mentions \"\($0.text)\"" } ?? "Targets are sized on it"
            return Question(
                topic: "ask-quantity:\(quantity.id)",
                text: "\(why): how many \(quantity.name)? Give quantities.\(quantity.id) so that reuse, recycling, "
                    + "donation and waste targets are sized on what the contract handles (until then they are sized "
                    + "on its value, as a fallback).")
        }
    }

    /// The supplier's fee, asked where money passing through is signalled and not accounted for.
    func passThroughQuestion(_ contract: ContractProfile, subjects: [Subject], description: Words) -> Question? {
        guard contract.supplierFee == nil, contract.passThroughShare == nil, contract.councilIsConduit != true else {
            return nil
        }
        let taxonomy = catalogue.taxonomy
        let subject = subjects.first { s in
            taxonomy.lineage(of: s.id).contains { id in taxonomy.subjects.first { $0.id == id }?.passThrough == true }
        }
        let why: String
        if let subject {
            why = "\(subject.name) usually passes much of its value through the supplier"
        } else if let signal = taxonomy.passThroughSignal(in: description) {
            why = "The description mentions \"\(signal.word)\": \(signal.reason.lowercasedFirst)"
        } else {
            return nil
        }
        return Question(
            topic: "ask-pass-through",
            text: "\(why). What is the supplier's own fee or margin? Give supplierFee (in £) or passThroughShare (the "
                + "share of the value passed through, 0 to 1): targets sized on value are then sized on what the "
                + "supplier controls, not on \(contract.value.written(.money)).")
    }
}

extension String {
    /// The text with its first letter in lower case, to follow a colon.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
