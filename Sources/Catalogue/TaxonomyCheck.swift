import Evidence

/// The integrity check of a catalogue and taxonomy (`svtk taxonomy check`).
///
/// Errors: a measure no need, characteristic or subject reaches; a need domain with no measure; an
/// indicator of the checked data that is neither linked nor marked unlinked (with a proposed domain); a CPV
/// division with no subject. Warnings: a domain no indicator feeds, a subject no CPV code reaches, a
/// framework theme with no measure, a polarity that disagrees with the indicator's source.
public struct TaxonomyCheck: Sendable {
    /// Problems that fail the check, one sentence each.
    public var errors: [String] = []
    /// Problems reported without failing the check, one sentence each.
    public var warnings: [String] = []
    /// Label → figure, in order, for the summary.
    public var summary: [(String, String)] = []
    /// Indicators of the checked data with a proposed domain, for review.
    public var proposals: [(indicator: String, domain: String, keyword: String)] = []

    /// True when there are no errors (warnings do not fail the check).
    public var passed: Bool { errors.isEmpty }

    /// Checks a catalogue, and the links of the indicators found in data files.
    public init(catalogue: Catalogue, indicators: [Indicator]) {
        let taxonomy = catalogue.taxonomy
        checkMeasuresReached(catalogue)
        checkDomains(taxonomy)
        let counts = checkIndicatorLinks(indicators, taxonomy: taxonomy)
        checkCPVDivisions(catalogue)
        checkSubjectsReached(taxonomy)
        checkThemes(catalogue)
        summarise(catalogue, indicators: indicators, linked: counts.linked, unlinked: counts.unlinked)
    }

    /// An error for each measure that no need domain, characteristic or subject relevance rule reaches.
    private mutating func checkMeasuresReached(_ catalogue: Catalogue) {
        let taxonomy = catalogue.taxonomy
        var reached: Set<String> = []
        for links in taxonomy.domainMeasures.values { for link in links { reached.insert(link.measure) } }
        for links in taxonomy.characteristicMeasures.values { for link in links { reached.insert(link.measure) } }
        for rule in taxonomy.relevanceRules where rule.strength != .none { reached.insert(rule.measure) }
        for measure in catalogue.measures where !reached.contains(catalogue.linkKey(measure)) {
            errors.append(
                "measure \(measure.key) (\(measure.title)) is reached by no need domain, characteristic or subject")
        }
    }

    /// An error for each need domain that links to no measure; a warning for each that no indicator feeds.
    private mutating func checkDomains(_ taxonomy: Taxonomy) {
        for domain in taxonomy.domains {
            if (taxonomy.domainMeasures[domain.id] ?? []).isEmpty {
                errors.append("need domain \(domain.id) links to no measure")
            }
            if !taxonomy.indicatorLinks.contains(where: { $0.domain == domain.id }) {
                warnings.append("need domain \(domain.id) is fed by no indicator link")
            }
        }
    }

    /// Checks each indicator of the checked data, in id order: an error (with any proposed domain) for one not in
    /// the taxonomy, and a warning for each link whose polarity disagrees with the indicator's source.
    /// - Returns: How many indicators are linked to a domain, and how many are marked unlinked.
    private mutating func checkIndicatorLinks(_ indicators: [Indicator], taxonomy: Taxonomy)
        -> (linked: Int, unlinked: Int)
    {
        var linked = 0
        var unlinked = 0
        for indicator in indicators.sorted(by: { $0.id < $1.id }) {
            let links = taxonomy.links(for: indicator.id)
            if links.isEmpty {
                reportNotInTaxonomy(indicator, taxonomy: taxonomy)
            } else if links.allSatisfy({ $0.domain == nil }) {
                unlinked += 1
            } else {
                linked += 1
                checkPolarities(of: indicator, links: links)
            }
        }
        return (linked, unlinked)
    }

    /// An error for an indicator the taxonomy does not hold, proposing a domain (kept for review) when its name
    /// suggests one.
    private mutating func reportNotInTaxonomy(_ indicator: Indicator, taxonomy: Taxonomy) {
        if let proposal = taxonomy.proposedDomain(for: indicator) {
            proposals.append((indicator.id, proposal.domain.id, proposal.keyword))
            errors.append(
                "indicator \(indicator.id) (\(indicator.name)) is not in the taxonomy; proposed: "
                    + "\(proposal.domain.id) (name mentions \"\(proposal.keyword)\"), not used until accepted")
        } else {
            errors.append(
                "indicator \(indicator.id) (\(indicator.name)) is not in the taxonomy and no domain can be "
                    + "proposed"
            )
        }
    }

    /// A warning for each link that gives an indicator a polarity its source contradicts.
    private mutating func checkPolarities(of indicator: Indicator, links: [IndicatorLink]) {
        for link in links {
            if let polarity = link.polarity, indicator.polarity != .unknown, indicator.polarity != polarity {
                warnings.append(
                    "indicator \(indicator.id): the taxonomy (\(link.location)) says \(polarity.rawValue), "
                        + "its source says \(indicator.polarity.rawValue); the taxonomy is used")
            }
        }
    }

    /// An error for each CPV division that no subject covers.
    private mutating func checkCPVDivisions(_ catalogue: Catalogue) {
        for division in catalogue.cpv.divisions where catalogue.taxonomy.subject(for: division) == nil {
            errors.append("CPV division \(division.division) (\(division.description)) has no subject")
        }
    }

    /// A warning for each specific subject (not goods, services, works or any) that no CPV code reaches.
    private mutating func checkSubjectsReached(_ taxonomy: Taxonomy) {
        let generic: Set<String> = ["goods", "services", "works", "any"]
        for subject in taxonomy.subjects
        where !generic.contains(subject.id) && !taxonomy.cpvRules.contains(where: { $0.subject == subject.id }) {
            warnings.append("subject \(subject.id) is reached by no CPV code")
        }
    }

    /// A warning for each theme of a framework that has no measure.
    private mutating func checkThemes(_ catalogue: Catalogue) {
        for framework in catalogue.frameworks {
            for theme in catalogue.themes[framework.id] ?? []
            where !catalogue.measures.contains(where: { $0.framework == framework.id && $0.theme == theme }) {
                warnings.append("framework \(framework.id) has no measure in theme \(theme)")
            }
        }
    }

    /// The summary's figures: measures and proxy values per framework, the taxonomy's sizes, and how the checked
    /// indicators are linked.
    private mutating func summarise(_ catalogue: Catalogue, indicators: [Indicator], linked: Int, unlinked: Int) {
        let taxonomy = catalogue.taxonomy
        for framework in catalogue.frameworks {
            let measures = catalogue.measures(in: framework.id)
            summary.append(
                (
                    "framework \(framework.id)",
                    "\(measures.count) measures, "
                        + "\(measures.filter { $0.proxy != nil }.count) with an open proxy value"
                ))
        }
        summary.append(
            ("open proxy values", "\(catalogue.proxies.count) from \(catalogue.openValues.count) open figures"))
        summary.append(("need domains", "\(taxonomy.domains.count)"))
        summary.append(("indicator links", "\(taxonomy.indicatorLinks.count)"))
        summary.append(("domain → measure links", "\(taxonomy.domainMeasures.values.map(\.count).reduce(0, +))"))
        summary.append(
            ("characteristic → measure links", "\(taxonomy.characteristicMeasures.values.map(\.count).reduce(0, +))"))
        summary.append(
            (
                "subject relevance rules",
                "\(taxonomy.relevanceRules.count) over \(taxonomy.subjects.count) subjects; "
                    + "\(taxonomy.cpvRules.count) CPV prefixes"
            ))
        summary.append(
            (
                "indicators checked",
                "\(indicators.count): \(linked) linked, \(unlinked) marked unlinked, "
                    + "\(indicators.count - linked - unlinked) not in the taxonomy"
            ))
    }
}
