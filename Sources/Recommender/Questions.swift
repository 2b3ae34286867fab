import Catalogue
import Formatting

/// Something the recommendation needs the commissioner to answer before its targets can be trusted: a quantity the
/// description mentions but the profile does not give, or the supplier's fee on a contract whose money mostly passes
/// through. Shown first, with the answer.
public struct Question: Codable, Sendable, Hashable {
    /// What is asked: `ask-quantity:<id>`, `ask-pass-through` or `ask-workforce`.
    public var topic: String
    /// The question in words, naming the profile field that answers it.
    public var text: String
}

extension Recommender {
    /// The questions for a contract: each quantity the profile does not give that the description mentions (so
    /// it is never read out of the prose silently) or that a target fell back for want of; the supplier's fee where
    /// the subject or the description signals money passing through and neither the fee nor the share passed
    /// through is given (unless the council is only a conduit: aspirations only); and, for a contract mixing goods
    /// and services, its workforce when not given.
    func questions(
        _ contract: ContractProfile, subjects: [Subject], description: Words, sized refs: [String], mixed: Bool
    ) -> [Question] {
        quantityQuestions(contract, subjects: subjects, description: description, sized: refs)
            + (passThroughQuestion(contract, subjects: subjects, description: description).map { [$0] } ?? [])
            + (mixed && contract.workforce?.fte == nil ? [workforceQuestion(subjects)] : [])
    }

    /// The workforce of a contract whose CPV codes are of more than one category (devices with a service desk): its
    /// estimate from the first subject's labour share cannot see the other part's staff.
    func workforceQuestion(_ subjects: [Subject]) -> Question {
        Question(
            topic: "ask-workforce",
            text: "The contract mixes "
                + Set(subjects.compactMap { $0.category?.rawValue }).sorted().joined(separator: " and ")
                + " (\(subjects.map(\.name).joined(separator: "; "))): how many full-time equivalents will work on it? "
                + "Give workforce.fte so that jobs and skills targets are sized on the people the service part "
                + "employs (until then they are estimated from the first subject's labour share).")
    }

    /// The quantities to ask for, in `taxonomy/quantities.csv` order, each naming the targets (of the measures
    /// that got as far as sizing, `refs`) that fell back for want of it.
    func quantityQuestions(
        _ contract: ContractProfile, subjects: [Subject], description: Words, sized refs: [String]
    ) -> [Question] {
        var fellBack: [String: [String]] = [:]
        let framework = contract.framework ?? "open"
        for ref in refs {
            guard let measure = catalogue.measure(ref, framework: framework),
                let rule = catalogue.taxonomy.quantityTarget(for: catalogue.linkKey(measure), subjects: subjects)
            else { continue }
            fellBack[rule.quantity, default: []].append(ref)
        }
        return catalogue.taxonomy.quantities.compactMap { quantity in
            guard contract.quantities?[quantity.id] == nil else { return nil }
            let word = quantity.keywords.first { description.contains($0) }
            let refs = fellBack[quantity.id] ?? []
            guard word != nil || !refs.isEmpty else { return nil }
            let why = word.map { "The description mentions \"\($0.text)\"" } ?? "Targets are sized on it"
            let use =
                refs.isEmpty
                ? "figures are never read out of the description, so the scale of what the contract handles is "
                    + "recorded only when given"
                : "the targets of \(refs.joined(separator: ", ")) are then sized on it (until then on the contract's "
                    + "value, as a fallback)"
            return Question(
                topic: "ask-quantity:\(quantity.id)",
                text: "\(why): how many \(quantity.name)? Give quantities.\(quantity.id): \(use).")
        }
    }

    /// The supplier's fee, asked where money passing through is signalled and not accounted for.
    func passThroughQuestion(_ contract: ContractProfile, subjects: [Subject], description: Words) -> Question? {
        guard contract.supplierFee == nil, contract.passThroughShare == nil, contract.councilIsConduit != true else {
            return nil
        }
        let taxonomy = catalogue.taxonomy
        let why: String
        if let subject = taxonomy.first(of: subjects, inheriting: \.passThrough) {
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
