import Evidence

/// How a measure relates to a contract's subject matter, and why.
public struct Relevance: Hashable, Codable, Sendable {
    public var strength: RelevanceStrength
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
        guard let rule = cpvRules.filter({ code.code.hasPrefix($0.prefix) }).max(by: { $0.prefix.count < $1.prefix.count }),
              let subject = subjects.first(where: { $0.id == rule.subject }) else { return nil }
        return (subject, rule)
    }

    /// Subjects a contract description's words suggest, with the word that suggested each.
    public func subjects(inDescription text: String) -> [(subject: Subject, word: String)] {
        let words = " " + text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }.reduce(into: "") { $0.append($1) } + " "
        return subjects.compactMap { subject in
            subjectKeywords[subject.id]?.first { words.contains(" \($0) ") }.map { (subject, $0) }
        }
    }

    /// The reviewed rule for a measure (as `framework:ref`) under a list of subjects, most specific first.
    func rule(for measure: String, subjects: [String]) -> RelevanceRule? {
        for subject in subjects {
            if let rule = relevanceRules.first(where: { $0.subject == subject && $0.measure == measure }) { return rule }
        }
        return nil
    }
}

extension Catalogue {
    /// How relevant a measure is to a contract with these CPV codes and category. Each code's subject is
    /// tried first, then the category's default, then the default for any contract; the strongest result
    /// over the codes wins. A measure with no reviewed rule is not connected to the subject matter.
    public func relevance(of measure: Measure, cpv codes: [CPVVocabulary.Code], category: ContractCategory) -> Relevance {
        guard measure.categories.contains(category) else {
            return Relevance(strength: .none, reason: "not connected: the measure fits "
                             + measure.categories.map(\.rawValue).joined(separator: " and ") + " contracts, not \(category.rawValue)",
                             subject: category.rawValue, cpv: nil, reviewed: true)
        }
        let key = linkKey(measure)
        var best: Relevance?
        let chains: [(String?, [String])] = codes.isEmpty
            ? [(nil, [category.rawValue, "any"])]
            : codes.map { code in (code.full, [taxonomy.subject(for: code)?.subject.id, category.rawValue, "any"].compactMap { $0 }) }
        for (code, chain) in chains {
            let found: Relevance
            if let rule = taxonomy.rule(for: key, subjects: chain) {
                let name = taxonomy.subjects.first { $0.id == rule.subject }?.name ?? rule.subject
                found = Relevance(strength: rule.strength, reason: "\(name): \(rule.reason)", subject: rule.subject, cpv: code,
                                  reviewed: true)
            } else {
                let name = taxonomy.subjects.first { $0.id == chain[0] }?.name ?? chain[0]
                found = Relevance(strength: .none, reason: "not connected to the subject matter (\(name)): no reviewed link",
                                  subject: chain[0], cpv: code, reviewed: false)
            }
            if best == nil || found.strength > best!.strength || (found.strength == best!.strength && found.reviewed && !best!.reviewed) {
                best = found
            }
        }
        return best!
    }

    /// Relevance from the CPV codes and category, raised to at most `possible` by a subject the description's
    /// words suggest (the recommendation names the word), and only for a measure that fits the contract's category.
    public func relevance(of measure: Measure, cpv codes: [CPVVocabulary.Code], category: ContractCategory,
                          description: String) -> Relevance {
        var best = relevance(of: measure, cpv: codes, category: category)
        guard best.strength == .none, !best.reviewed else { return best }
        for (subject, word) in taxonomy.subjects(inDescription: description) {
            guard let rule = taxonomy.rule(for: linkKey(measure), subjects: [subject.id]), rule.strength != .none else { continue }
            best = Relevance(strength: .possible, reason: "the description mentions \"\(word)\" (\(subject.name)): \(rule.reason)",
                             subject: subject.id, cpv: nil, reviewed: true)
            break
        }
        return best
    }

    /// Domain → measure links for a framework's measures (council measures inherit those of their open base).
    public func measures(forDomain domain: String, framework: String) -> [(measure: Measure, link: MeasureLink)] {
        links(taxonomy.domainMeasures[domain] ?? [], framework: framework)
    }

    /// Protected characteristic → measure links for a framework's measures.
    public func measures(forCharacteristic characteristic: String, framework: String) -> [(measure: Measure, link: MeasureLink)] {
        guard let canonical = taxonomy.characteristics.canonical(characteristic) else { return [] }
        return links(taxonomy.characteristicMeasures[canonical] ?? [], framework: framework)
    }

    private func links(_ links: [MeasureLink], framework: String) -> [(measure: Measure, link: MeasureLink)] {
        measures(in: framework).flatMap { measure in
            links.filter { $0.measure == linkKey(measure) }.map { (measure, $0) }
        }
    }
}
