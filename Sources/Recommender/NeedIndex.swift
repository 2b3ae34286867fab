import Catalogue
import Evidence
import Formatting
import NeedsAnalysis

/// A link from a local need to a measure that answers it, with the chain of evidence:
/// indicator figures → need domain → outcome → measure, and the taxonomy's reason.
public struct NeedLink: Codable, Sendable {
    /// The area with the need.
    public var area: Area
    /// The need domain scored.
    public var domain: NeedDomain
    /// The domain's need score in the area (positive = worse), at least the index's minimum.
    public var score: Double
    /// The level of need the score names, e.g. `high need`.
    public var level: NeedLevel
    /// The framework's measure that answers the need.
    public var measure: Measure
    /// The taxonomy's reason for the domain → measure link.
    public var reason: String
    /// The indicator figures behind the need, with each one's link reason.
    public var evidence: [DomainScore.Evidence]

    /// The chain in one line, for people.
    public var chain: String {
        let figures = evidence.prefix(2).map { "\($0.result.name): \($0.result.summary)" }.joined(separator: "; ")
        return "\(area.name): \(figures) → \(domain.name) (\(level), score \(score.written(.score))) → "
            + "\(measure.outcome) → \(measure.ref) \(measure.title): \(reason)"
    }
}

/// A link from an equality gap to a measure for the characteristic concerned.
public struct GapLink: Codable, Sendable {
    /// The equality gap, with the places it is in.
    public var need: EqualityNeed
    /// The gap's protected characteristic the link is for, as a canonical name.
    public var characteristic: String
    /// The framework's measure for the characteristic.
    public var measure: Measure
    /// The taxonomy's reason for the characteristic → measure link.
    public var reason: String

    /// The chain in one line, for people: action → outcome → measure, and the reason.
    public var chain: String {
        let places = need.places.map(\.name).joined(separator: ", ")
        return
            "\(need.gap.action) (\(characteristic); \(places)) → \(measure.outcome) → \(measure.ref) \(measure.title): "
            + "\(reason)"
    }
}

/// The index from local needs and equality gaps to one framework's measures. Built once; every query is a
/// dictionary lookup.
public struct NeedIndex: Sendable {
    /// The id of the framework whose measures are linked.
    public let framework: String
    /// Every link from a scored need, profile by profile.
    public let needLinks: [NeedLink]
    /// Every link from an equality gap, gap by gap.
    public let gapLinks: [GapLink]
    private let byArea: [String: [Int]]
    private let byDomain: [String: [Int]]
    private let byMeasure: [String: [Int]]
    private let gapsByCharacteristic: [String: [Int]]
    private let gapsByMeasure: [String: [Int]]

    /// Links every scored need at or above `minimumScore` in the profiles, and every equality gap, to the
    /// framework's measures through the taxonomy: a gap links to a measure for its characteristic only when the
    /// action's text is about what the measure does (`taxonomy/action_keywords.csv`).
    public init(
        catalogue: Catalogue, framework: String, profiles: [NeedProfile], equalityNeeds: [EqualityNeed],
        minimumScore: Double = 0.5
    ) {
        self.framework = framework
        var needLinks: [NeedLink] = []
        for profile in profiles {
            for domain in profile.domains {
                guard let score = domain.score, score >= minimumScore else { continue }
                for (measure, link) in catalogue.measures(forDomain: domain.domain.id, framework: framework) {
                    needLinks.append(
                        NeedLink(
                            area: profile.area, domain: domain.domain, score: score, level: domain.level,
                            measure: measure, reason: link.reason, evidence: domain.evidence))
                }
            }
        }
        var gapLinks: [GapLink] = []
        for need in equalityNeeds {
            let action = Words(need.gap.action)
            for characteristic in need.gap.characteristics {
                for (measure, link) in catalogue.measures(forCharacteristic: characteristic, framework: framework)
                where catalogue.taxonomy.action(action, isAbout: catalogue.linkKey(measure)) {
                    gapLinks.append(
                        GapLink(need: need, characteristic: characteristic, measure: measure, reason: link.reason))
                }
            }
        }
        self.needLinks = needLinks
        self.gapLinks = gapLinks
        func index<T>(_ items: [T], _ key: (T) -> [String]) -> [String: [Int]] {
            var out: [String: [Int]] = [:]
            for (i, item) in items.enumerated() { for k in key(item) { out[k, default: []].append(i) } }
            return out
        }
        byArea = index(needLinks) { [$0.area.code] }
        byDomain = index(needLinks) { [$0.domain.id] }
        byMeasure = index(needLinks) { [$0.measure.key, $0.measure.ref] }
        gapsByCharacteristic = index(gapLinks) { [$0.characteristic] }
        gapsByMeasure = index(gapLinks) { [$0.measure.key, $0.measure.ref] }
    }

    /// The needs of an area and the measures that answer them.
    public func links(area code: String) -> [NeedLink] { (byArea[code] ?? []).map { needLinks[$0] } }
    /// Every area's links for a need domain.
    public func links(domain id: String) -> [NeedLink] { (byDomain[id] ?? []).map { needLinks[$0] } }
    /// "Which local needs does this measure answer here?" (by `framework:ref` or `ref`).
    public func links(measure reference: String) -> [NeedLink] { (byMeasure[reference] ?? []).map { needLinks[$0] } }
    /// The gaps of a protected characteristic and the measures that answer them.
    public func gapLinks(characteristic: String) -> [GapLink] {
        (gapsByCharacteristic[characteristic] ?? []).map { gapLinks[$0] }
    }
    /// The gaps a measure answers.
    public func gapLinks(measure reference: String) -> [GapLink] {
        (gapsByMeasure[reference] ?? []).map { gapLinks[$0] }
    }
}
