import Catalogue
import CSV
import Evidence
import Foundation
import Index
import Loaders
import NeedsAnalysis

/// Recommends relevant, proportionate social value measures for a contract.
///
/// 1. Relevance to the subject matter gates everything: a measure the taxonomy does not connect to the
///    contract's CPV codes, category or description is excluded however great the need.
/// 2. A relevant measure must answer a need shown in the delivery areas (a domain scoring 0.5 or more), an
///    equality gap there, or a standing council priority (`policy/priorities.csv`); otherwise it is excluded
///    as showing no local need.
/// 3. Its target is sized from the contract's value, duration and workforce (given, or estimated from the
///    labour share of its value) by the rule in `policy/targets.csv`, scaled by the value band's ambition;
///    a target that rounds to nothing is beyond what the contract can deliver.
/// 4. The rest are ranked by relevance (strong 2, possible 1) + the strongest need they answer (its domain
///    score, at most 3) + 1 if they answer an equality gap + value (SLEVA as a share of 1% of the contract
///    value, at most 1), and the band's number of measures is kept.
public struct Recommender {
    public let catalogue: Catalogue
    public let policy: Policy
    public let analysis: NeedsAnalysis
    public let equalityGaps: [EqualityGap]
    /// The lowest domain score that counts as a local need.
    public static let needThreshold = 0.5

    public init(catalogue: Catalogue, policy: Policy, analysis: NeedsAnalysis, equalityGaps: [EqualityGap]) {
        self.catalogue = catalogue
        self.policy = policy
        self.analysis = analysis
        self.equalityGaps = equalityGaps
    }

    /// The recommendation for a contract. `file` names the profile in error messages.
    public func recommend(_ contract: ContractProfile, file: String = "contract", notes: [String] = []) throws -> Recommendation {
        func fail(_ field: String, _ message: String) -> InputError { InputError(file: file, "field \"\(field)\": \(message)") }
        guard contract.value > 0 else { throw fail("value", "must be a positive amount in £, not \(contract.value)") }
        guard contract.durationMonths > 0 else { throw fail("durationMonths", "must be a positive number of months") }
        guard !contract.cpv.isEmpty else { throw fail("cpv", "give at least one CPV code (svtk cpv WORDS finds one)") }
        if let w = contract.socialValueWeighting, !(0...1).contains(w) {
            throw fail("socialValueWeighting", "a share between 0 and 1 (e.g. 0.2), not \(w)")
        }
        let framework = contract.framework ?? "open"
        if let problem = catalogue.unknownFramework(framework) { throw fail("framework", problem) }
        let codes = try contract.cpv.enumerated().map { i, text -> CPVVocabulary.Code in
            switch catalogue.cpv.lookup(text) {
            case .success(let code): return code
            case .failure(let error): throw fail("cpv[\(i)]", error.description)
            }
        }
        var warnings: [String] = []
        let subjects = codes.compactMap { code in catalogue.taxonomy.subject(for: code).map { (code, $0.subject) } }
        if !codes.contains(where: { $0.category == contract.category }) {
            warnings.append("field \"category\": \(contract.category.rawValue) contradicts the CPV codes, which are "
                + codes.map { "\($0.full) (\($0.category.rawValue))" }.joined(separator: ", "))
        }
        let areas = try deliveryAreas(contract, fail: fail)
        let workforce = WorkforceEstimate(contract, subject: subjects.first?.1.id, policy: policy)
        let band = policy.band(for: contract.value)
        let rules = ProcurementRules(contract: contract, policy: policy)
        let profiles = areas.map { analysis.profile(for: $0.code) }
        let boroughWide = areas.contains { $0.code == analysis.borough.code }
        let needs = try analysis.equalityNeeds(equalityGaps).filter { need in
            boroughWide || need.gap.isBoroughWide || need.places.contains { p in areas.contains { $0.code == p.code } }
        }
        let index = NeedIndex(catalogue: catalogue, framework: framework, profiles: profiles, equalityNeeds: needs,
                              minimumScore: Self.needThreshold)
        let sizing = TargetSizing(contract: contract, workforce: workforce, ambition: band.ambition)
        var candidates: [RecommendedMeasure] = []
        var excluded: [ExcludedMeasure] = []
        for measure in catalogue.measures(in: framework) {
            let relevance = catalogue.relevance(of: measure, cpv: codes, category: contract.category, description: contract.description)
            guard relevance.strength != .none else {
                excluded.append(ExcludedMeasure(ref: measure.ref, title: measure.title, reason: relevance.reason))
                continue
            }
            let needLinks = index.links(measure: measure.key)
            let gapLinks = index.gapLinks(measure: measure.key)
            let priority = policy.priorities[measure.basedOn ?? measure.ref]
            guard !needLinks.isEmpty || !gapLinks.isEmpty || priority != nil else {
                excluded.append(ExcludedMeasure(ref: measure.ref, title: measure.title,
                    reason: "no local need shown in the delivery areas (relevant: \(relevance.reason))"))
                continue
            }
            let ruleKey = measure.basedOn ?? measure.ref
            let (target, deliverable) = sizing.target(for: measure, rule: policy.targets[ruleKey])
            guard deliverable else {
                excluded.append(ExcludedMeasure(ref: measure.ref, title: measure.title,
                    reason: "beyond what the contract can deliver: \(target.working)"))
                continue
            }
            let proxy = catalogue.proxy(for: measure)
            let everyYear = policy.targets[ruleKey]?.everyYear ?? false
            var sleva: Double?, slevaWorking: String?
            if let proxy {
                let years = everyYear ? contract.years : 1
                sleva = (target.quantity * proxy.value * years).rounded()
                slevaWorking = "\(number(target.quantity)) × £\(number(proxy.value))" + (everyYear ? " × \(number(years)) years" : "")
                    + " = £\(grouped(sleva!)) (\(proxy.priceYear) prices)"
            }
            var needs = needEvidence(needLinks)
            if let priority {
                needs.append(NeedEvidence(area: analysis.borough.code, areaName: analysis.borough.name, domain: "council-priority",
                                          domainName: "Council priority", score: priority.weight, level: "council priority",
                                          reason: priority.reason, figures: ["Source: \(priority.source)"]))
            }
            let strongestNeed = max(needLinks.map(\.score).max() ?? 0, priority?.weight ?? 0)
            let needPart = min(3, strongestNeed)
            let gapPart: Double = gapLinks.isEmpty ? 0 : 1
            let valuePart = min(1, (sleva ?? 0) / (contract.value * 0.01))
            let relevancePart: Double = relevance.strength == .strong ? 2 : 1
            let score = relevancePart + needPart + gapPart + valuePart
            let working = "\(number(relevancePart)) (\(relevance.strength.rawValue) relevance) + \(String(format: "%.2f", needPart)) (strongest need)"
                + " + \(number(gapPart)) (equality gap) + \(String(format: "%.2f", valuePart)) (value) = \(String(format: "%.2f", score))"
            candidates.append(RecommendedMeasure(
                rank: 0, ref: measure.ref, framework: framework, theme: measure.theme, title: measure.title, unit: measure.unit,
                relevance: relevance.strength.rawValue, relevanceReason: relevance.reason,
                needs: needs, equalityGaps: gapEvidence(gapLinks), target: target,
                proxyValue: proxy?.value, proxy: proxy, sleva: sleva, slevaWorking: slevaWorking,
                rankScore: (score * 10000).rounded() / 10000, rankWorking: working,
                commitment: rules.commitments == "formal" ? "formal" : "aspiration"))
        }
        candidates.sort { ($0.rankScore, $1.ref) > ($1.rankScore, $0.ref) }
        let kept = Array(candidates.prefix(band.maxMeasures))
        for dropped in candidates.dropFirst(band.maxMeasures) {
            excluded.append(ExcludedMeasure(ref: dropped.ref, title: dropped.title,
                reason: "beyond the \(band.maxMeasures) measures proportionate to a contract of £\(grouped(contract.value)) "
                    + "(\(band.label)); rank score \(String(format: "%.2f", dropped.rankScore))"))
        }
        let measures = kept.enumerated().map { i, m in var m = m; m.rank = i + 1; return m }
        return Recommendation(
            contract: contract,
            subjects: subjects.map { "\($0.1.name) (\($0.0.full))" }
                + catalogue.taxonomy.subjects(inDescription: contract.description).filter { found in !subjects.contains { $0.1.id == found.subject.id } }
                    .map { "\($0.subject.name) (description: \"\($0.word)\")" },
            workforce: workforce, band: band.label, rules: rules, measures: measures,
            excluded: excluded.sorted { $0.ref.localizedStandardCompare($1.ref) == .orderedAscending },
            totalSleva: measures.compactMap(\.sleva).reduce(0, +), warnings: warnings, notes: notes)
    }

    /// The delivery areas: the borough for `["borough"]` (with all its wards as evidence), else the named wards.
    public func deliveryAreas(_ contract: ContractProfile, fail: (String, String) -> InputError) throws -> [Area] {
        guard !contract.areas.isEmpty else { throw fail("areas", "give ward codes or names, or [\"borough\"]") }
        if contract.areas.count == 1, ["borough", "borough-wide"].contains(contract.areas[0].lowercased())
            || contract.areas[0] == analysis.borough.code || contract.areas[0].caseInsensitiveCompare(analysis.borough.name) == .orderedSame {
            return [analysis.borough] + analysis.wards
        }
        return try contract.areas.enumerated().map { i, text in
            guard let ward = analysis.wards.first(where: { $0.code == text || $0.name.caseInsensitiveCompare(text) == .orderedSame }) else {
                throw fail("areas[\(i)]", "unknown ward \"\(text)\": not one of \(analysis.borough.name)'s \(analysis.wards.count) wards "
                           + "(\(analysis.wards.prefix(4).map(\.name).joined(separator: ", ")), …) or \"borough\"")
            }
            return ward
        }
    }

    func needEvidence(_ links: [NeedLink]) -> [NeedEvidence] {
        var seen: Set<String> = []
        return links.sorted { ($0.score, $1.area.code, $1.domain.id) > ($1.score, $0.area.code, $0.domain.id) }.compactMap { link in
            guard seen.insert(link.area.code + link.domain.id).inserted else { return nil }
            return NeedEvidence(area: link.area.code, areaName: link.area.name, domain: link.domain.id, domainName: link.domain.name,
                                score: (link.score * 10000).rounded() / 10000, level: link.level, reason: link.reason,
                                figures: link.evidence.prefix(2).map { "\($0.result.name): \($0.result.summary)" })
        }.prefix(5).map { $0 }
    }

    func gapEvidence(_ links: [GapLink]) -> [GapEvidence] {
        links.map { GapEvidence(action: $0.need.gap.action, characteristic: $0.characteristic,
                                places: $0.need.places.map(\.name), reason: $0.reason, source: $0.need.gap.source) }
    }
}
