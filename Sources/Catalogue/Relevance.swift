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
    /// category than the contract's is not a refinement. Nor does a passing mention: a description naming a
    /// specific code's own subject (one that itself refines another) in more of its words than the narrower one's
    /// ("public health", "school nursing" against "mental health support") keeps the code's subject. A broad
    /// subject's words are too general to count against a narrower one ("construction" and "demolition" against
    /// "homes").
    public func refinements(of subject: String, description: Words, category: ContractCategory)
        -> [(subject: Subject, word: String)]
    {
        let isSpecific = subjects.first { $0.id == subject }?.parent != nil
        let own = isSpecific ? wordsNaming(subject, in: description) : 0
        return subjects(inDescription: description).filter { found in
            found.subject.id != subject && lineage(of: found.subject.id).contains(subject)
                && (found.subject.category == nil || found.subject.category == category)
                && wordsNaming(found.subject.id, in: description) >= own
        }
    }

    /// How many of a subject's keywords the description contains.
    func wordsNaming(_ subject: String, in description: Words) -> Int {
        subjectKeywords[subject]?.count { description.contains($0) } ?? 0
    }

    /// A code's subject after the narrower subjects a description refines it to, most specific first.
    public func refined(_ subject: Subject, description: Words, category: ContractCategory) -> [Subject] {
        refinements(of: subject.id, description: description, category: category).map(\.subject) + [subject]
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

extension Taxonomy {
    /// The measures that decide for a subject (its own rules, then its broader subjects', its category's and
    /// `any`'s), each measure once, by the most specific rule, in file order: what relevance gives a contract whose
    /// codes are all of this subject.
    public func rules(deciding subject: Subject) -> [RelevanceRule] {
        let chain = lineage(of: subject.id) + [subject.category?.rawValue, "any"].compactMap { $0 }
        var decided: Set<String> = []
        return chain.flatMap { id in relevanceRules.filter { $0.subject == id } }.filter {
            decided.insert($0.measure).inserted
        }
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
        let key = linkKey(measure)
        var best: Relevance?
        for chain in matter.chains {
            let found = relevance(of: measure, key: key, in: chain)
            if best == nil || found.strength > best!.strength
                || (found.strength == best!.strength && found.reviewed && !best!.reviewed)
            {
                best = found
            }
        }
        return best!
    }

    /// How relevant a measure is to one CPV code's subjects: not connected when the measure does not fit the code's
    /// category; else the first reviewed rule of the subjects, most specific first, decides.
    func relevance(of measure: Measure, key: String, in chain: SubjectMatter.Chain) -> Relevance {
        guard measure.categories.contains(chain.category) else {
            return Relevance(
                strength: .none,
                reason: "not connected: the measure fits "
                    + measure.categories.map(\.rawValue).joined(separator: " and ")
                    + " contracts, not \(chain.category.rawValue)",
                subject: chain.category.rawValue, cpv: chain.code, reviewed: true)
        }
        guard let rule = taxonomy.rule(for: key, subjects: chain.subjects) else {
            let name = taxonomy.subjects.first { $0.id == chain.subjects[0] }?.name ?? chain.subjects[0]
            return Relevance(
                strength: .none, reason: "not connected to the subject matter (\(name)): no reviewed link",
                subject: chain.subjects[0], cpv: chain.code, reviewed: false)
        }
        let name = taxonomy.subjects.first { $0.id == rule.subject }?.name ?? rule.subject
        let via =
            chain.words[rule.subject].map { " (the description's \"\($0)\" refines \(chain.code ?? "the CPV code"))" }
            ?? ""
        return Relevance(
            strength: rule.strength, reason: "\(name)\(via): \(rule.reason)", subject: rule.subject, cpv: chain.code,
            reviewed: true)
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
///
/// A contract whose codes are of more than one category (devices with a service desk) is judged part by part: each
/// code by its own category, so the service part supports the measures a service supports. When no code is of the
/// contract's category, every code is judged by the contract's category, as given.
public struct SubjectMatter: Sendable {
    /// The subjects to try for one CPV code.
    struct Chain {
        /// The code (nil for a contract without one).
        let code: String?
        /// The category the code is judged by.
        let category: ContractCategory
        /// The subjects, most specific first.
        let subjects: [String]
        /// By subject, the description's word that refined the code to it.
        let words: [String: String]
    }

    /// The contract's category.
    public let category: ContractCategory
    /// One chain per CPV code (one of the category's defaults when there are none).
    let chains: [Chain]

    /// Works out the subjects to try for each CPV code (only the category's defaults when there are none).
    public init(taxonomy: Taxonomy, cpv codes: [CPVVocabulary.Code], category: ContractCategory, description: Words) {
        self.category = category
        let mixed = codes.contains { $0.category == category }
        chains =
            codes.isEmpty
            ? [Chain(code: nil, category: category, subjects: [category.rawValue, "any"], words: [:])]
            : codes.map { code in
                let judgedAs = mixed ? code.category : category
                let defaults = [judgedAs.rawValue, "any"]
                guard let subject = taxonomy.subject(for: code)?.subject.id else {
                    return Chain(code: code.full, category: judgedAs, subjects: defaults, words: [:])
                }
                let refined = taxonomy.refinements(of: subject, description: description, category: judgedAs)
                let words = Dictionary(refined.map { ($0.subject.id, $0.word) }, uniquingKeysWith: { a, _ in a })
                return Chain(
                    code: code.full, category: judgedAs,
                    subjects: refined.map(\.subject.id) + taxonomy.lineage(of: subject) + defaults, words: words)
            }
    }
}
