import Catalogue
import Core
import Evidence
import Formatting
import Foundation
import NeedsAnalysis

/// Recommends relevant, proportionate social value measures for a contract.
///
/// 1. Gates (``gate(_:contract:codes:)``): relevance to the subject matter (CPV codes at the level that
///    distinguishes the work, refined but never extended by the description), the contract's core (a measure that
///    restates what is bought is not social value), safeguarding, and the duration a measure needs.
/// 2. Conditions: the living wage (as the scope test decides) and supply-chain good practice
///    (`policy/conditions.csv`) are contract conditions, never scored measures.
/// 3. Targets are sized on what the supplier controls (`policy/targets.csv`, scaled by the value band's ambition)
///    and dropped when under the floor for monitoring (`policy/floors.csv`).
/// 4. Need ranks and never vetoes: the rank score (`policy/ranking.csv`) adds relevance, the strongest need the
///    measure answers in the delivery areas (local or against England; unknown when there are no data), an
///    equality gap, the council's standing priority (`policy/priorities.csv`) and value, less a little for each
///    measure of the same theme or outcome ranked above it; the band's number of measures is kept (fewer on
///    short capital works).
public struct Recommender {
    /// The measures, taxonomy, proxy values and CPV codes recommendations draw on.
    public let catalogue: Catalogue
    /// The council's policy parameters (`Datasets/policy/`).
    public let policy: Policy
    /// The borough's needs analysis: local need ranks the measures.
    public let analysis: NeedsAnalysis
    /// The gaps in the council's equality action plan; a measure answering one in the delivery areas ranks higher.
    public let equalityGaps: [EqualityGap]
    /// Open measure key → the need domains it answers.
    let measureDomains: [String: Set<String>]

    /// A recommender for the analysed borough, with the council's policy and equality gaps.
    public init(catalogue: Catalogue, policy: Policy, analysis: NeedsAnalysis, equalityGaps: [EqualityGap]) {
        self.catalogue = catalogue
        self.policy = policy
        self.analysis = analysis
        self.equalityGaps = equalityGaps
        var domains: [String: Set<String>] = [:]
        for (domain, links) in catalogue.taxonomy.domainMeasures {
            for link in links { domains[link.measure, default: []].insert(domain) }
        }
        measureDomains = domains
    }

    /// The recommendation for a contract profile, checked here. `file` names the profile in error messages.
    /// - Throws: `ToolkitError` naming `file` and field for a bad contract, CPV code or area; or a plan's unknown ward.
    public func recommend(_ contract: ContractProfile, file: String = "contract", notes: [String] = []) throws
        -> Recommendation
    {
        try recommend(try CheckedContract(contract, file: file, catalogue: catalogue), notes: notes)
    }

    /// The recommendation for a contract already checked.
    /// - Throws: `ToolkitError` naming the contract's file and field for an unknown CPV code or area, or a plan's
    ///   unknown ward.
    public func recommend(_ checked: CheckedContract, notes: [String] = []) throws -> Recommendation {
        var (contract, file) = (checked.profile, checked.file)
        let framework = contract.framework ?? "open"
        let codes = try cpvCodes(contract, file: file)
        let areas = try deliveryAreas(contract, file: file)
        let wards = deliveryWards(areas)
        contract.areas = wards.isEmpty ? ["borough"] : wards.map(\.name)  // as every output names them
        let description = Words(contract.description)
        let matter = SubjectMatter(
            taxonomy: catalogue.taxonomy, cpv: codes, category: contract.category, description: description)
        let subjects = codes.compactMap { code in catalogue.taxonomy.subject(for: code).map { (code, $0.subject) } }
        let refined = refinedSubjects(subjects, description: description, category: contract.category)
        let rules = ProcurementRules(
            contract: contract, policy: policy, authority: analysis.borough.code,
            servesPeople: servesPeople(subjects.map(\.1)))
        let band = policy.band(for: contract.value)
        let short = contract.category == .works && contract.durationMonths <= policy.rules.shortWorksMonths
        let base = contract.controlledValue
        let sizing = targetSizing(contract, base: base.value, band: band, subject: subjects.first?.1.id)
        let (cap, extra) = measureCap(
            band: band, contract: contract, fte: sizing.workforce.fte, shortWorks: short, rules: rules)
        let profiles = needProfiles(areas)
        let index = NeedIndex(
            catalogue: catalogue, framework: framework, profiles: profiles,
            equalityNeeds: try equalityNeeds(areas, subjects: subjects.map(\.1)),
            minimumScore: catalogue.needBands.answersNeedFrom)
        var (candidates, excluded) = assess(
            framework: framework, contract: contract, matter: matter, description: description, codes: codes,
            shortWorks: short, rules: rules, sizing: sizing, index: index, profiles: profiles,
            valueReference: base.value, subjects: refined)
        candidates = balanced(candidates, outcomes: outcomes(in: framework))
        excluded += beyondCap(
            candidates, cap: cap,
            proportionateTo: capReason(contract, rules: rules, shortWorks: short, band: band, extra: extra))
        let measures = numbered(Array(candidates.prefix(cap)))
        return Recommendation(
            contract: contract, subjects: subjectNames(subjects, description: description, category: contract.category),
            deliveryWards: wards,
            workforce: sizing.workforce, band: band.label, rules: rules,
            conditions: conditions(rules: rules, framework: framework),
            measures: measures,
            excluded: excluded.sorted { $0.ref.localizedStandardCompare($1.ref) == .orderedAscending },
            totalSleva: measures.compactMap(\.sleva).reduce(0, +), targetBase: base.working,
            valuation:
                "£ in \(catalogue.priceBase.priceYear) prices (HM Treasury GDP deflators). Basis: "
                + "\(catalogue.priceBase.basis).",
            policy: policyLabel(), policyIsDefault: policy.pack.authorityCode != analysis.borough.code,
            warnings: warnings(contract, codes: codes, short: short),
            questions: questions(
                contract, subjects: refined, description: description,
                sized: candidates.map(\.ref)
                    + excluded.filter { ExclusionCode(rawValue: $0.code)?.wasSized == true }.map(\.ref),
                mixed: Set(codes.map(\.category)).count > 1),
            notes: notes)
    }

    /// The wards a contract is delivered in, as the recommendation keeps them: none for a borough-wide contract
    /// (whose areas are the borough and, as evidence, all its wards).
    func deliveryWards(_ areas: [Area]) -> [DeliveryWard] {
        guard !areas.contains(where: { $0.code == analysis.borough.code }) else { return [] }
        return areas.map { DeliveryWard(code: $0.code, name: analysis.uniqueName(of: $0)) }
    }

    /// The contract's CPV codes, looked up in the catalogue's CPV vocabulary.
    /// - Throws: `ToolkitError` naming `file` and the field, for the first code the vocabulary does not hold.
    func cpvCodes(_ contract: ContractProfile, file: String) throws -> [CPVVocabulary.Code] {
        try contract.cpv.enumerated().map { i, text -> CPVVocabulary.Code in
            switch catalogue.cpv.lookup(text) {
            case .success(let code): return code
            case .failure(let error): throw ToolkitError(file: file, field: "cpv[\(i)]", error.description)
            }
        }
    }

    /// The contract's subjects for sizing and questions, most specific first: each code's subject after the
    /// narrower subjects its description refines it to (a vehicle supply "with part-exchange").
    func refinedSubjects(
        _ subjects: [(CPVVocabulary.Code, Subject)], description: Words, category: ContractCategory
    ) -> [Subject] {
        subjects.flatMap { catalogue.taxonomy.refined($0.1, description: description, category: category) }
    }

    /// True when one of the contract's subjects, or a broader subject it belongs to, serves people directly.
    func servesPeople(_ subjects: [Subject]) -> Bool {
        catalogue.taxonomy.first(of: subjects, inheriting: \.servesPeople) != nil
    }

    /// The most measures to recommend: the value band's, one more for each full `extra_measure_every_years` of the
    /// contract and each full `extra_measure_every_fte` of its workforce (at most `extra_measures_max_measures`
    /// more); fewer on short capital works (`short_works_max_measures`) and for non-binding aspirations
    /// (`aspirations_max_measures`). With the extra measures' working, when there are any.
    func measureCap(
        band: Policy.Band, contract: ContractProfile, fte: Double, shortWorks: Bool, rules: ProcurementRules
    ) -> (cap: Int, working: String?) {
        if rules.commitments != .formal || shortWorks {
            var cap = band.maxMeasures
            if shortWorks { cap = min(cap, Int(policy.rules.shortWorksMaxMeasures)) }
            if rules.commitments != .formal { cap = min(cap, Int(policy.rules.aspirationsMaxMeasures)) }
            return (cap, nil)
        }
        let forYears = Int((contract.years / policy.rules.extraMeasureEveryYears).rounded(.down))
        let forWorkforce = Int((fte / policy.rules.extraMeasureEveryFte).rounded(.down))
        let extra = min(forYears + forWorkforce, Int(policy.rules.extraMeasuresMaxMeasures))
        guard extra > 0 else { return (band.maxMeasures, nil) }
        let working =
            "\(band.maxMeasures) for the value band + \(extra) for \(contract.years.written(.working)) years and "
            + "\(fte.written(.working)) FTE (policy/rules.csv extra_measure_every_years, extra_measure_every_fte, "
            + "extra_measures_max_measures)"
        return (band.maxMeasures + extra, working)
    }

    /// What the number of measures is proportionate to, for the reason a measure beyond it is left out:
    /// non-binding aspirations, short capital works, or the contract's value band (with its duration and workforce).
    func capReason(
        _ contract: ContractProfile, rules: ProcurementRules, shortWorks: Bool, band: Policy.Band, extra: String?
    ) -> String {
        if rules.commitments != .formal { return "non-binding aspirations (policy/rules.csv aspirations_max_measures)" }
        if shortWorks {
            return "short capital works (\(contract.durationMonths.written(.working)) months; policy/rules.csv "
                + "short_works_max_measures)"
        }
        return "a contract of \(contract.value.written(.money)) (\(band.label))" + (extra.map { ": \($0)" } ?? "")
    }

    /// How targets are sized for the contract: on the value the supplier controls and its workforce (given, or
    /// estimated from the labour share of its first subject), scaled by the value band's ambition, with the floors
    /// for monitoring.
    func targetSizing(_ contract: ContractProfile, base: Double, band: Policy.Band, subject: String?) -> TargetSizing {
        TargetSizing(
            contract: contract, base: base,
            workforce: WorkforceEstimate(
                contract, subject: policy.labourSubject(subject, in: catalogue.taxonomy), policy: policy),
            ambition: band.ambition, floors: policy.floors)
    }

    /// Each of the framework's scored measures (not contract conditions) through the gates, then sizing, need and
    /// ranking: the candidates in catalogue order, and the measures left out with why.
    func assess(
        framework: String, contract: ContractProfile, matter: SubjectMatter, description: Words,
        codes: [CPVVocabulary.Code], shortWorks: Bool, rules: ProcurementRules, sizing: TargetSizing,
        index: NeedIndex, profiles: [NeedProfile], valueReference: Double, subjects: [Subject]
    ) -> (candidates: [RecommendedMeasure], excluded: [ExcludedMeasure]) {
        var candidates: [RecommendedMeasure] = []
        var excluded: [ExcludedMeasure] = []
        for measure in catalogue.measures(in: framework) where !isCondition(measure) {
            switch gate(
                measure, contract: contract, matter: matter, description: description, codes: codes,
                shortWorks: shortWorks)
            {
            case .excluded(let code, let reason):
                excluded.append(ExcludedMeasure(ref: measure.ref, title: measure.title, code: code, reason: reason))
            case .through(let relevance, let caveats):
                switch candidate(
                    measure, relevance: relevance, caveats: caveats, contract: contract, rules: rules, sizing: sizing,
                    index: index, profiles: profiles, valueReference: valueReference, subjects: subjects)
                {
                case .recommended(let m): candidates.append(m)
                case .excluded(let exclusion): excluded.append(exclusion)
                }
            }
        }
        return (candidates, excluded)
    }

    /// Each framework measure's outcome, by reference (the first, should a reference repeat).
    func outcomes(in framework: String) -> [String: String] {
        Dictionary(catalogue.measures(in: framework).map { ($0.ref, $0.outcome) }, uniquingKeysWith: { a, _ in a })
    }

    /// The ranked candidates after the first `cap`, each left out as beyond the `cap` measures proportionate to
    /// `reason`, with its rank score.
    func beyondCap(_ candidates: [RecommendedMeasure], cap: Int, proportionateTo reason: String) -> [ExcludedMeasure] {
        candidates.dropFirst(cap).map { dropped in
            ExcludedMeasure(
                ref: dropped.ref, title: dropped.title, code: .beyondCap,
                reason: "beyond the \(cap) measures proportionate to " + reason
                    + "; rank score \(dropped.rankScore.written(.score))")
        }
    }

    /// The recommended measures numbered in order, from rank 1.
    func numbered(_ measures: [RecommendedMeasure]) -> [RecommendedMeasure] {
        measures.enumerated().map { i, m in
            var m = m
            m.rank = i + 1
            return m
        }
    }

    /// One measure through sizing, need and ranking: the recommended measure, or why it is left out.
    func candidate(
        _ measure: Measure, relevance: Relevance, caveats: [String], contract: ContractProfile, rules: ProcurementRules,
        sizing: TargetSizing, index: NeedIndex, profiles: [NeedProfile], valueReference: Double, subjects: [Subject]
    )
        -> Candidate
    {
        let ruleKey = measure.policyRef
        let rule = policy.targets[ruleKey]
        let (sized, commitment) = askedTarget(
            measure, rule: rule, relevance: relevance, rules: rules, contract: contract, sizing: sizing,
            subjects: subjects)
        switch sized {
        case .failure(let shortfall):
            return .excluded(
                ExcludedMeasure(ref: measure.ref, title: measure.title, code: shortfall.code, reason: shortfall.reason))
        case .success(let target):
            let proxy = commitment == rules.commitments ? catalogue.proxy(for: measure) : nil
            let years = policy.valueYears(of: measure, in: contract)
            let valued = proxy.map { socialValue(of: target, unit: measure.unit, proxy: $0, years: years) }
            let needLinks = index.links(measure: measure.key)
            let gapLinks = index.gapLinks(measure: measure.key)
            let priority = policy.priorities[ruleKey]
            let reading = readNeed(measure, profiles: profiles)
            let needs = needsAnswered(needLinks, priority: priority)
            let rank = RankScore(
                policy: policy, relevance: relevance.strength, need: reading, gap: !gapLinks.isEmpty,
                priority: priority,
                sleva: valued?.sleva, valueReference: valueReference * policy.weight("value_reference_share").weight)
            let minimum = policy.weight("minimum_score")
            // Only a measure connected by the rule for any contract at all needs evidence to be asked.
            guard relevance.strength == .strong || relevance.subject != "any" || rank.score >= minimum.weight else {
                return .excluded(tooWeaklyConnected(measure, rank: rank, minimum: minimum, relevance: relevance))
            }
            return .recommended(
                RecommendedMeasure(
                    rank: 0, ref: measure.ref, framework: measure.framework, theme: measure.theme, title: measure.title,
                    unit: measure.unit,
                    relevance: relevance.strength.rawValue, relevanceReason: relevance.reason,
                    needs: needs, equalityGaps: gapEvidence(gapLinks), target: target,
                    proxyValue: proxy?.value, proxy: proxy, sleva: valued?.sleva, slevaWorking: valued?.working,
                    rankScore: rank.score, rankWorking: rank.working,
                    commitment: commitment, needStatus: reading.status,
                    caveats: caveats,
                    valuedYears: proxy == nil ? nil : years))
        }
    }

    /// A quick win of the commissioning toolkit (`policy/short_works.csv`) whose target is under the floor for
    /// monitoring, on a contract with formal commitments: asked as a non-binding aspiration rather than dropped.
    func quickWin(_ measure: Measure, shortfall: Shortfall, rules: ProcurementRules) -> Target? {
        guard rules.commitments == .formal, let target = shortfall.underFloor,
            let reason = policy.shortWorksMeasures[measure.policyRef]
        else { return nil }
        return Target(
            quantity: target.quantity,
            working: "a quick win asked as a non-binding aspiration, not valued: \(shortfall.reason) (\(reason); "
                + "policy/short_works.csv)")
    }

    /// A target's SLEVA: target × proxy value (× the contract's years where the value recurs), rounded to the
    /// pound, with the arithmetic and the proxy's price year.
    func socialValue(of target: Target, unit: String, proxy: ProxyValue, years: Double)
        -> (sleva: Double, working: String)
    {
        let value = SocialValue(target.quantity, unit: unit, proxy: proxy.value, years: years)
        return (
            value.pounds,
            value.working + " (\(proxy.priceYear == "n/a" ? "money given" : "\(proxy.priceYear) prices"))"
        )
    }

    /// The local needs a measure answers in the delivery areas (strongest first), then the council's standing
    /// priority for it, if it has one.
    func needsAnswered(_ links: [NeedLink], priority: CouncilPriority?) -> [NeedEvidence] {
        var needs = needEvidence(links)
        if let priority {
            needs.append(
                NeedEvidence(
                    area: analysis.borough.code, areaName: analysis.borough.name, domain: "council-priority",
                    domainName: "Council priority", score: priority.weight, level: "council priority",
                    reason: priority.reason, figures: ["Source: \(priority.source) (\(policyLabel()))"]))
        }
        return needs
    }

    /// A measure left out because its rank score is under the policy's minimum, with the score's working.
    func tooWeaklyConnected(_ measure: Measure, rank: RankScore, minimum: RankingWeight, relevance: Relevance)
        -> ExcludedMeasure
    {
        ExcludedMeasure(
            ref: measure.ref, title: measure.title, code: .weakConnection,
            reason:
                "too weakly connected to ask for: rank score \(rank.score.written(.score)) is "
                + "under the minimum of "
                + "\(minimum.weight.written(.working)) [\(minimum.location)] (\(relevance.strength.rawValue) "
                + "relevance: \(relevance.reason)); "
                + "working: \(rank.working)")
    }

    /// A measure that passed the gates, sized and ranked, or left out at sizing.
    enum Candidate {
        case recommended(RecommendedMeasure)
        case excluded(ExcludedMeasure)
    }

    /// The equality action plan's actions that apply to this contract: in its delivery areas (an action limited
    /// to some wards applies only to contracts delivered there, and a borough-wide contract takes only borough-wide
    /// actions), and, when the action names a kind of contract ("in commissioned home care", "on capital
    /// programmes"), only to contracts of that kind.
    func equalityNeeds(_ areas: [Area], subjects: [Subject]) throws -> [EqualityNeed] {
        let boroughWide = areas.contains { $0.code == analysis.borough.code }
        let families = Set(subjects.compactMap { catalogue.taxonomy.lineage(of: $0.id).last })
        return try analysis.equalityNeeds(equalityGaps).filter { need in
            let placed =
                need.gap.isBoroughWide
                || (!boroughWide && need.places.contains { p in areas.contains { $0.code == p.code } })
            let named = Set(
                catalogue.taxonomy.subjects(inDescription: Words(need.gap.action)).compactMap {
                    catalogue.taxonomy.lineage(of: $0.subject.id).last
                })
            return placed && (named.isEmpty || !named.isDisjoint(with: families))
        }
    }

    /// The contract's subjects: each CPV code's, and the subjects its description refines them to.
    func subjectNames(_ subjects: [(CPVVocabulary.Code, Subject)], description: Words, category: ContractCategory)
        -> [String]
    {
        var names = subjects.map { "\($0.1.name) (\($0.0.full))" }
        for (code, subject) in subjects {
            for refined in catalogue.taxonomy.refinements(of: subject.id, description: description, category: category)
            {
                let name = "\(refined.subject.name) (\(code.full), refined by the description: \"\(refined.word)\")"
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// Whose policy applies: the borough's own, or another authority's pack marked as a default.
    func policyLabel() -> String {
        let pack = policy.pack
        let root = try? DatasetsDirectory.path() + "/"
        let folder =
            root.map { policy.folder.hasPrefix($0) ? "Datasets/" + policy.folder.dropFirst($0.count) : policy.folder }
            ?? policy.folder
        if pack.authorityCode == analysis.borough.code { return "\(pack.title) (\(folder))" }
        return "DEFAULT POLICY PACK: \(pack.title), \(pack.authorityName)'s, not \(analysis.borough.name)'s own; "
            + "give \(analysis.borough.name)'s priorities in a catalogue folder of its own (its policy/ folder) "
            + "(\(folder))"
    }

    func warnings(_ contract: ContractProfile, codes: [CPVVocabulary.Code], short: Bool) -> [String] {
        var warnings: [String] = []
        if !codes.contains(where: { $0.category == contract.category }) {
            warnings.append(
                "field \"category\": \(contract.category.rawValue) contradicts the CPV codes, which are "
                    + codes.map { "\($0.full) (\($0.category.rawValue))" }.joined(separator: ", "))
        }
        if short {
            warnings.append(
                "Short capital works (\(contract.durationMonths.written(.working)) months): providers have little "
                    + "time to deliver "
                    + "commitments, so fewer are recommended (commissioning toolkit 3.1; policy/rules.csv "
                    + "short_works_months)"
            )
        }
        return warnings
    }

    /// The delivery areas: the borough for `["borough"]` (with all its wards as evidence), else the named wards in
    /// the borough's order (by name), each once, however the contract ordered or spelt them.
    /// - Throws: `ToolkitError` naming `file` (where the profile came from) and the field, for no areas or for an
    ///   area that is neither a ward of the borough nor the borough.
    func deliveryAreas(_ contract: ContractProfile, file: String = "contract") throws -> [Area] {
        guard !contract.areas.isEmpty else {
            throw ToolkitError(file: file, field: "areas", "give ward codes or names, or [\"borough\"]")
        }
        if contract.areas.count == 1,
            ["borough", "borough-wide"].contains(contract.areas[0].lowercased())
                || contract.areas[0] == analysis.borough.code
                || contract.areas[0].caseInsensitiveCompare(analysis.borough.name) == .orderedSame
        {
            return [analysis.borough] + analysis.wards
        }
        var found: [Area] = []
        for (i, text) in contract.areas.enumerated() {
            guard let ward = analysis.ward(named: text) else {
                throw ToolkitError(file: file, field: "areas[\(i)]", analysis.wardProblem(text) + " or \"borough\"")
            }
            found.append(ward)
        }
        return analysis.wards.filter { ward in found.contains { $0.code == ward.code } }
    }

    func needEvidence(_ links: [NeedLink]) -> [NeedEvidence] {
        var seen: Set<String> = []
        return links.sorted { ($0.score, $1.area.code, $1.domain.id) > ($1.score, $0.area.code, $0.domain.id) }
            .compactMap { link in
                guard seen.insert(link.area.code + link.domain.id).inserted else { return nil }
                return NeedEvidence(
                    area: link.area.code, areaName: link.area.name, domain: link.domain.id,
                    domainName: link.domain.name,
                    score: link.score.roundedScore, level: link.level.rawValue, reason: link.reason,
                    figures: link.evidence.prefix(2).map { "\($0.result.name): \($0.result.summary)" })
            }.prefix(5).map { $0 }
    }

    func gapEvidence(_ links: [GapLink]) -> [GapEvidence] {
        links.map {
            GapEvidence(
                action: $0.need.gap.action, characteristic: $0.characteristic,
                places: $0.need.places.map(\.name), reason: $0.reason, source: $0.need.gap.source)
        }
    }
}
