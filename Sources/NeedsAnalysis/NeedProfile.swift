import Catalogue
import Evidence
import Formatting
import Foundation

/// A need domain scored for one area, with the evidence behind the score.
public struct DomainScore: Codable, Sendable {
    /// The need domain scored.
    public var domain: NeedDomain
    /// The need score (positive = worse): the higher of the local and the national score, so that an area
    /// deprived by England's standards is a need even in a deprived borough; nil when the area has no data for it.
    public var score: Double?
    /// Mean local signal of the domain's indicators (against sibling areas).
    public var localScore: Double?
    /// Mean national signal of the domain's indicators (national deciles, comparison with England).
    public var nationalScore: Double?
    /// `high need`, `above-average need`, `average`, `below-average need`, or `no data`.
    public var level: NeedLevel
    /// Indicators scored, each with the taxonomy's reason for the link.
    public var evidence: [Evidence]
    /// Indicators linked to the domain that describe the area without a better or worse (group sizes).
    public var context: [Evidence]
    /// Why there is no score, when there is none.
    public var note: String?

    /// An indicator result behind a domain's score or context.
    public struct Evidence: Codable, Sendable {
        /// The indicator analysed for the area.
        public var result: IndicatorResult
        /// The taxonomy's reason for linking the indicator to the domain.
        public var reason: String
    }

    /// Which score decided, in words: `local 0.39, England 0.95`.
    public var basis: String {
        [
            localScore.map { "local " + $0.written(.score) },
            nationalScore.map { "England " + $0.written(.score) },
        ]
        .compactMap { $0 }.joined(separator: ", ")
    }
}

/// An area's needs: every domain scored (or marked no data), worst first.
public struct NeedProfile: Codable, Sendable {
    /// The area profiled.
    public var area: Area
    /// Every domain of the taxonomy, scored ones worst first, then those without a score.
    public var domains: [DomainScore]

    /// The domains with a score, worst first.
    public var scored: [DomainScore] { domains.filter { $0.score != nil } }
}

extension NeedsAnalysis {
    /// The need profile of an area. A domain with no data says so; it never scores 0.
    ///
    /// - Complexity: worked out once per area and analysis, then shared.
    public func profile(for code: String) -> NeedProfile {
        profileCache.profile(code) { makeProfile(code) }
    }

    private func makeProfile(_ code: String) -> NeedProfile {
        let area = dataset.areas[code] ?? Area(code: code, name: code)
        let results = results(for: code)
        var byDomain: [String: (scored: [DomainScore.Evidence], context: [DomainScore.Evidence])] = [:]
        for result in results {
            for link in links[result.indicator] ?? [] {
                guard let domain = link.domain else { continue }
                let evidence = DomainScore.Evidence(result: result, reason: link.reason)
                if result.signal != nil || result.nationalSignal != nil {
                    byDomain[domain, default: ([], [])].scored.append(evidence)
                } else {
                    byDomain[domain, default: ([], [])].context.append(evidence)
                }
            }
        }
        let domains = taxonomy.domains.map { domain -> DomainScore in
            let found = byDomain[domain.id] ?? ([], [])
            let local = mean(found.scored.compactMap(\.result.signal))
            let national = mean(found.scored.compactMap(\.result.nationalSignal))
            let score = [local, national].compactMap { $0 }.max()
            let note: String? =
                score != nil
                ? nil
                : found.context.isEmpty
                    ? "no data for \(domain.name.lowercased()) in \(area.name)"
                    : "only context figures (no better or worse) for \(area.name)"
            return DomainScore(
                domain: domain, score: score, localScore: local, nationalScore: national, level: bands.level(score),
                evidence: Self.decidingFirst(found.scored, national: (national ?? -.infinity) > (local ?? -.infinity)),
                context: found.context, note: note)
        }
        return NeedProfile(
            area: area,
            domains: domains.sorted { a, b in
                switch (a.score, b.score) {
                case (let x?, let y?): x != y ? x > y : a.domain.id < b.domain.id
                case (.some, nil): true
                case (nil, .some): false
                default: a.domain.id < b.domain.id
                }
            })
    }

    /// A domain's evidence in the order of the signal that decided its score: the national signal where the national
    /// score is the higher, else the local one; the strongest first, then by the other signal, those without either
    /// last, ties by indicator id. So the figures shown first for a need are those that make it one.
    private static func decidingFirst(_ evidence: [DomainScore.Evidence], national: Bool) -> [DomainScore.Evidence] {
        func key(_ e: DomainScore.Evidence) -> (Double, Double) {
            let (local, england) = (e.result.signal ?? -.infinity, e.result.nationalSignal ?? -.infinity)
            return national ? (england, local) : (local, england)
        }
        return evidence.sorted { a, b in
            let (x, y) = (key(a), key(b))
            return (x.0, x.1, b.result.indicator) > (y.0, y.1, a.result.indicator)
        }
    }

    private func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The borough view: which wards stand out on which domains, and which domains are worst for the borough.
    public func boroughView(threshold: Double = 1) -> BoroughView {
        let profiles = wards.map { profile(for: $0.code) }
        var standouts: [BoroughView.Standout] = []
        for domain in taxonomy.domains {
            let scored = profiles.compactMap { p in
                p.domains.first { $0.domain.id == domain.id }?.score.map { (p.area, $0) }
            }
            let high = scored.filter { $0.1 >= threshold }.sorted { $0.1 > $1.1 }
            standouts.append(
                BoroughView.Standout(
                    domain: domain, wardsScored: scored.count,
                    wards: high.map { .init(ward: $0.0, score: $0.1) }))
        }
        return BoroughView(borough: profile(for: borough.code), wardProfiles: profiles, standouts: standouts)
    }
}

/// The borough and its wards side by side.
public struct BoroughView: Codable, Sendable {
    /// The borough's own need profile.
    public var borough: NeedProfile
    /// The need profile of each of the borough's wards, by ward name.
    public var wardProfiles: [NeedProfile]
    /// For each domain of the taxonomy, in its order, the wards that stand out on it.
    public var standouts: [Standout]

    /// Wards whose score on a domain reaches the threshold, worst first.
    public struct Standout: Codable, Sendable {
        /// The need domain.
        public var domain: NeedDomain
        /// How many wards have a score on the domain.
        var wardsScored: Int
        /// The wards whose score reaches the threshold, worst first.
        public var wards: [WardScore]
    }

    /// A ward and its score on a domain.
    public struct WardScore: Codable, Sendable {
        /// The ward.
        public var ward: Area
        /// The ward's need score on the domain (positive = worse).
        public var score: Double
    }
}

/// Need profiles worked out once per analysis and shared between the borough view, the index and the report.
final class ProfileCache: @unchecked Sendable {
    private var profiles: [String: NeedProfile] = [:]
    private let lock = NSLock()

    /// The profile of an area, worked out with `make` the first time it is asked for.
    func profile(_ code: String, _ make: () -> NeedProfile) -> NeedProfile {
        lock.lock()
        defer { lock.unlock() }
        if let known = profiles[code] { return known }
        let made = make()
        profiles[code] = made
        return made
    }
}
