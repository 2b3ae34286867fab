/// A quantity a contract handles, which targets can be sized on (`taxonomy/quantities.csv`): old devices taken
/// back, vehicles part-exchanged, street-light lanterns replaced, tonnes stripped out, people served.
public struct ContractQuantity: Hashable, Sendable {
    /// The key a contract profile gives it under, e.g. `devicesCollected`.
    public var id: String
    /// What it counts, in words, e.g. `old IT devices taken back`.
    public var name: String
    /// Words in a contract's description that show the contract handles it; found with the quantity not given, the
    /// recommendation asks for it.
    public var keywords: [Words]
}

/// A quantity a subject's contracts should give (`taxonomy/subject_quantities.csv`), and why.
public struct SubjectQuantity: Hashable, Codable, Sendable {
    /// The subject's id.
    public var subject: String
    /// The quantity's id.
    public var quantity: String
    /// Why contracts of the subject should give it.
    public var reason: String
}

/// A target sized on what the contract handles (`taxonomy/quantity_targets.csv`):
/// quantity × `share` × `perUnit`, in the measure's unit, for contracts of a subject (and its narrower subjects).
public struct QuantityTarget: Hashable, Codable, Sendable {
    /// The subject's id.
    public var subject: String
    /// The quantity's id.
    public var quantity: String
    /// `framework:REF` of the measure it sizes.
    public var measure: String
    /// The share of the quantity asked for, 0 to 1.
    public var share: Double
    /// The measure's units per unit of the quantity (1 when both count the same thing).
    public var perUnit: Double
    /// The basis in words, e.g. `10% of the devices taken back refurbished and given to residents`.
    public var basis: String
    /// Where the share and the conversion come from.
    public var source: String
    /// `file:line` of the rule.
    public var location: String
}

/// Words in a contract's description that signal money passing through the supplier without its control (a unitary
/// charge, grants passed on), with why (`taxonomy/pass_through.csv`).
public struct PassThroughSignal: Hashable, Sendable {
    /// The words, any of which signals it.
    public var keywords: [Words]
    /// Why the words signal pass-through money.
    public var reason: String
}

extension Taxonomy {
    /// A quantity by id.
    public func quantity(_ id: String) -> ContractQuantity? { quantities.first { $0.id == id } }

    /// The quantities contracts of a subject (or of a broader subject it belongs to) should give, most specific
    /// subject first, each once.
    public func quantities(asked subject: String) -> [SubjectQuantity] {
        var seen: Set<String> = []
        return lineage(of: subject).flatMap { id in subjectQuantities.filter { $0.subject == id } }
            .filter { seen.insert($0.quantity).inserted }
    }

    /// The rule sizing a measure (`framework:REF`) on a quantity for a contract's subjects: the first subject's
    /// (each with its broader subjects, most specific first) that has one.
    public func quantityTarget(for measure: String, subjects: [Subject]) -> QuantityTarget? {
        for id in subjects.flatMap({ lineage(of: $0.id) }) {
            if let rule = quantityTargets.first(where: { $0.subject == id && $0.measure == measure }) { return rule }
        }
        return nil
    }

    /// The first word of a description that signals money passing through the supplier, with its reason.
    public func passThroughSignal(in description: Words) -> (word: String, reason: String)? {
        for signal in passThroughSignals {
            if let word = signal.keywords.first(where: { description.contains($0) }) {
                return (word.text, signal.reason)
            }
        }
        return nil
    }
}
