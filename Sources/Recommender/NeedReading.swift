import Catalogue
import Evidence
import NeedsAnalysis

/// What the evidence says of the needs one measure answers in the delivery areas.
struct NeedReading {
    /// The strongest domain score among the needs the measure answers (positive = worse), nil when unknown.
    var strongest: Double?
    /// Where and which domain the strongest score is, for the working.
    var strongestWhere: String?
    /// `need shown`, `no need shown` or `unknown`.
    var status: String
}

extension Recommender {
    /// The need profiles to read: the borough's own for a borough-wide contract (not its neediest ward's); else
    /// the delivery wards', plus the borough's labour-market domains (people travel across ward boundaries to work).
    func needProfiles(_ areas: [Area]) -> [NeedProfile] {
        guard !areas.contains(where: { $0.code == analysis.borough.code }) else {
            return [boroughProfile { _ in true }]
        }
        return areas.map { analysis.profile(for: $0.code) } + [boroughProfile(\.judgedAtBorough)]
    }

    /// The borough's profile of the domains asked for; a domain the borough-level data do not score is read as
    /// the mean of its wards' scores (local and national alike), and says so. The wards are profiled only when
    /// such a domain is asked for.
    func boroughProfile(_ wanted: (NeedDomain) -> Bool) -> NeedProfile {
        var profile = analysis.profile(for: analysis.borough.code)
        profile.domains = profile.domains.filter { wanted($0.domain) }
        guard profile.domains.contains(where: { $0.score == nil }) else { return profile }
        let wards = analysis.wards.map { analysis.profile(for: $0.code) }
        for i in profile.domains.indices where profile.domains[i].score == nil {
            let id = profile.domains[i].domain.id
            let scores = wards.compactMap { $0.domains.first { $0.domain.id == id }?.score }
            guard !scores.isEmpty else { continue }
            let mean = scores.reduce(0, +) / Double(scores.count)
            profile.domains[i].score = mean
            profile.domains[i].level = analysis.bands.level(mean)
            profile.domains[i].note = "the mean of \(scores.count) wards' scores (no borough-level figure)"
        }
        return profile
    }

    /// Reads the needs a measure answers (its domains in `taxonomy/domain_measures.csv`) in the profiles.
    func readNeed(_ measure: Measure, profiles: [NeedProfile]) -> NeedReading {
        let domains = measureDomains[catalogue.linkKey(measure)] ?? []
        var best: (score: Double, place: String)?
        for profile in profiles {
            for domain in profile.domains where domains.contains(domain.domain.id) {
                guard let score = domain.score else { continue }
                if best == nil || score > best!.score {
                    best = (
                        score,
                        "\(profile.area.name), \(domain.domain.name): \(domain.level) (\(domain.note ?? domain.basis))"
                    )
                }
            }
        }
        guard let best else { return NeedReading(strongest: nil, strongestWhere: nil, status: "unknown") }
        let shown = best.score >= catalogue.needBands.answersNeedFrom
        return NeedReading(
            strongest: best.score, strongestWhere: best.place, status: shown ? "need shown" : "no need shown")
    }
}
