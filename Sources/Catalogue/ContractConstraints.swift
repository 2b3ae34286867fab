/// A measure that restates what contracts with some CPV codes buy: the contract's core deliverable, which is
/// not social value over and above it (`taxonomy/core_measures.csv`).
public struct CoreMeasureRule: Hashable, Sendable {
    /// CPV codes starting with this prefix ("" for any code: then the keywords decide).
    public var prefix: String
    /// Words of which the description must contain one; empty: any description.
    public var keywords: [Words]
    /// `open:REF`.
    public var measure: String
    /// Why the measure is the contract's core deliverable, for the commissioner.
    public var reason: String
}

/// A safeguarding or suitability constraint on a measure for contracts with some CPV codes
/// (`taxonomy/safeguarding.csv`): the measure is not proposed, or proposed only with the caveat the law requires.
public struct SafeguardingRule: Hashable, Sendable {
    /// What the rule does: `exclude` leaves the measure out; `caveat` proposes it with ``caveat``.
    public enum Action: String, Codable, Sendable { case exclude, caveat }
    /// CPV codes starting with this prefix ("" for any code).
    public var prefix: String
    /// Words of which the description must contain one; empty: any description.
    public var keywords: [Words]
    /// `open:REF`.
    public var measure: String
    /// Whether the measure is left out or proposed with the caveat.
    public var action: Action
    /// The constraint in words, shown with the measure or as the reason it is left out.
    public var caveat: String
    /// The law or guidance behind it.
    public var source: String
}

extension Taxonomy {
    /// The rule saying a measure (as `open:REF`) is the core of a contract with these codes and description, if any.
    public func coreRule(for measure: String, cpv codes: [CPVVocabulary.Code], description: Words) -> CoreMeasureRule? {
        coreRules.first { rule in
            rule.measure == measure && codes.contains { $0.code.hasPrefix(rule.prefix) }
                && (rule.keywords.isEmpty || rule.keywords.contains { description.contains($0) })
        }
    }

    /// The safeguarding rules for a measure (as `open:REF`) under these codes and description, exclusions first.
    public func safeguarding(for measure: String, cpv codes: [CPVVocabulary.Code], description: Words)
        -> [SafeguardingRule]
    {
        safeguardingRules.filter { rule in
            rule.measure == measure && codes.contains { $0.code.hasPrefix(rule.prefix) }
                && (rule.keywords.isEmpty || rule.keywords.contains { description.contains($0) })
        }
        .sorted { $0.action == .exclude && $1.action != .exclude }
    }

    /// True when an equality action's text is about what a measure (as `open:REF`) does: it contains one of the
    /// measure's words in `action_keywords.csv`. A protected characteristic alone never links an action to a measure.
    public func action(_ text: Words, isAbout measure: String) -> Bool {
        actionKeywords[measure]?.contains { text.contains($0) } ?? false
    }

    /// The first of some subjects that is, or belongs to a broader subject that is, marked by `flag` (serving
    /// people, passing money through).
    public func first(of subjects: [Subject], inheriting flag: KeyPath<Subject, Bool>) -> Subject? {
        subjects.first { subject in
            lineage(of: subject.id).contains { id in self.subjects.first { $0.id == id }?[keyPath: flag] == true }
        }
    }

    /// A subject and its broader subjects, most specific first (`civil-engineering`, `construction-works`).
    public func lineage(of subject: String) -> [String] {
        var chain: [String] = []
        var next: String? = subject
        while let id = next, !chain.contains(id) {
            chain.append(id)
            next = subjects.first { $0.id == id }?.parent
        }
        return chain
    }
}
