import Evidence

/// How a measure relates to a contract's subject matter, and why.
public struct Relevance: Hashable, Codable, Sendable {
    /// How strongly the measure is connected.
    public var strength: RelevanceStrength
    /// Why, in words a commissioner reads: the deciding subject and the rule's reason.
    public var reason: String
    /// The subject (or category default) whose rule decided it.
    public var subject: String
    /// The CPV code it was judged for, if any.
    public var cpv: String?
    /// True when a reviewed rule decided it (false when no rule covers the measure for this contract).
    public var reviewed: Bool
}

extension Taxonomy {
    /// The links of the most specific patterns covering an indicator id (several when it feeds several domains).
    public func links(for indicator: String) -> [IndicatorLink] {
        let matching = indicatorLinks.filter { $0.matches(indicator) }
        guard let best = matching.map(\.specificity).max() else { return [] }
        return matching.filter { $0.specificity == best }
    }

    /// A domain proposed for an indicator the taxonomy does not cover, from keywords in its name.
    /// Proposals are shown for review and never used for a recommendation until written into the file.
    public func proposedDomain(for indicator: Indicator) -> (domain: NeedDomain, keyword: String)? {
        let name = indicator.name.lowercased()
        for domain in domains {
            if let keyword = keywords[domain.id]?.first(where: { name.contains($0) }) { return (domain, keyword) }
        }
        return nil
    }

    /// The subject a CPV code is about: the rule with the longest matching prefix.
    public func subject(for code: CPVVocabulary.Code) -> (subject: Subject, rule: CPVSubjectRule)? {
        guard
            let rule = cpvRules.filter({ code.code.hasPrefix($0.prefix) }).max(by: { $0.prefix.count < $1.prefix.count }
            ),
            let subject = subjects.first(where: { $0.id == rule.subject })
        else { return nil }
        return (subject, rule)
    }

    /// Subjects a contract description's words suggest, with the word that suggested each.
    public func subjects(inDescription words: Words) -> [(subject: Subject, word: String)] {
        subjects.compactMap { subject in
            subjectKeywords[subject.id]?.first { words.contains($0) }.map { (subject, $0.text) }
        }
    }

    /// The subjects a description refines a CPV code's subject to: narrower subjects of it (`construction works`
    /// → `housing construction` for "homes"). A description never adds a subject beside the code's, nor moves
    /// it sideways (a school build on a "housing growth site" stays a school build), nor turns goods into the
    /// service of using them (food for school kitchens is not school catering): a narrower subject of another
    /// category than the contract's is not a refinement.
    public func refinements(of subject: String, description: Words, category: ContractCategory)
        -> [(subject: Subject, word: String)]
    {
        subjects(inDescription: description).filter { found in
            found.subject.id != subject && lineage(of: found.subject.id).contains(subject)
                && (found.subject.category == nil || found.subject.category == category)
        }
    }

    /// The reviewed rule for a measure (as `framework:ref`) under a list of subjects, most specific first.
    func rule(for measure: String, subjects: [String]) -> RelevanceRule? {
        for subject in subjects {
            if let rule = relevanceRules.first(where: { $0.subject == subject && $0.measure == measure }) {
                return rule
            }
        }
        return nil
    }
}

extension Catalogue {
    /// How relevant a measure is to a contract with these CPV codes, category and description (see
    /// ``relevance(of:in:)``; to judge many measures, build the ``SubjectMatter`` once).
    public func relevance(
        of measure: Measure, cpv codes: [CPVVocabulary.Code], category: ContractCategory,
        description: Words = Words("")
    ) -> Relevance {
        relevance(
            of: measure, in: SubjectMatter(taxonomy: taxonomy, cpv: codes, category: category, description: description)
        )
    }

    /// How relevant a measure is to a contract's subject matter: for each CPV code its subjects are tried most
    /// specific first and the first reviewed rule decides; the strongest result over the codes wins. A measure
    /// with no reviewed rule is not connected to the subject matter.
    public func relevance(of measure: Measure, in matter: SubjectMatter) -> Relevance {
        let category = matter.category
        guard measure.categories.contains(category) else {
            return Relevance(
                strength: .none,
                reason: "not connected: the measure fits "
                    + measure.categories.map(\.rawValue).joined(separator: " and ")
                    + " contracts, not \(category.rawValue)",
                subject: category.rawValue, cpv: nil, reviewed: true)
        }
        let key = linkKey(measure)
        var best: Relevance?
        for (code, chain, words) in matter.chains {
            let found: Relevance
            if let rule = taxonomy.rule(for: key, subjects: chain) {
                let name = taxonomy.subjects.first { $0.id == rule.subject }?.name ?? rule.subject
                let via =
                    words[rule.subject].map { " (the description's \"\($0)\" refines \(code ?? "the CPV code"))" } ?? ""
                found = Relevance(
                    strength: rule.strength, reason: "\(name)\(via): \(rule.reason)", subject: rule.subject, cpv: code,
                    reviewed: true)
            } else {
                let name = taxonomy.subjects.first { $0.id == chain[0] }?.name ?? chain[0]
                found = Relevance(
                    strength: .none, reason: "not connected to the subject matter (\(name)): no reviewed link",
                    subject: chain[0], cpv: code, reviewed: false)
            }
            if best == nil || found.strength > best!.strength
                || (found.strength == best!.strength && found.reviewed && !best!.reviewed)
            {
                best = found
            }
        }
        return best!
    }

    /// Domain → measure links for a framework's measures (council measures inherit those of their open base).
    public func measures(forDomain domain: String, framework: String) -> [(measure: Measure, link: MeasureLink)] {
        links(taxonomy.domainMeasures[domain] ?? [], framework: framework)
    }

    /// Protected characteristic → measure links for a framework's measures.
    public func measures(forCharacteristic characteristic: String, framework: String) -> [(
        measure: Measure, link: MeasureLink
    )] {
        guard let canonical = taxonomy.characteristics.canonical(characteristic) else { return [] }
        return links(taxonomy.characteristicMeasures[canonical] ?? [], framework: framework)
    }

    private func links(_ links: [MeasureLink], framework: String) -> [(measure: Measure, link: MeasureLink)] {
        measures(in: framework).flatMap { measure in
            links.filter { $0.measure == linkKey(measure) }.map { (measure, $0) }
        }
    }
}

/// A contract's subject matter as relevance reads it, built once per contract: for each CPV code, the subjects to
/// try, most specific first (a narrower subject the description's words refine the code to, the code's subject
/// and its broader subjects, the category's default, then `any`), and the word that refined each.
public struct SubjectMatter: Sendable {
    /// The contract's category.
    public let category: ContractCategory
    /// Per CPV code (nil when there is none): the subjects to try and, by subject, the refining word.
    let chains: [(code: String?, subjects: [String], words: [String: String])]

    /// Works out the subjects to try for each CPV code (only the category's defaults when there are none).
    public init(taxonomy: Taxonomy, cpv codes: [CPVVocabulary.Code], category: ContractCategory, description: Words) {
        self.category = category
        let defaults = [category.rawValue, "any"]
        chains =
            codes.isEmpty
            ? [(nil, defaults, [:])]
            : codes.map { code in
                guard let subject = taxonomy.subject(for: code)?.subject.id else { return (code.full, defaults, [:]) }
                let refined = taxonomy.refinements(of: subject, description: description, category: category)
                let words = Dictionary(refined.map { ($0.subject.id, $0.word) }, uniquingKeysWith: { a, _ in a })
                return (code.full, refined.map(\.subject.id) + taxonomy.lineage(of: subject) + defaults, words)
            }
    }
}
