import Catalogue
import Formatting

extension Recommender {
    /// Orders the candidates best first: the subject's natural measures (strong relevance) before the generic ones,
    /// which fill places only after them; within each, so that the list covers the council's themes, each measure's
    /// score is lowered by the `same_theme` and `same_outcome` weights of `policy/ranking.csv` for every measure of
    /// its theme or outcome already ranked above it. Greedy: O(n²) in the candidates (at most a catalogue's
    /// measures).
    func balanced(_ candidates: [RecommendedMeasure], outcomes: [String: String]) -> [RecommendedMeasure] {
        let theme = policy.weight("same_theme")
        let outcome = policy.weight("same_outcome")
        var left = candidates
        var ranked: [RecommendedMeasure] = []
        var themes: [String: Int] = [:]
        var outcomeCounts: [String: Int] = [:]
        func natural(_ m: RecommendedMeasure) -> Int { m.relevance == RelevanceStrength.strong.rawValue ? 1 : 0 }
        func adjusted(_ m: RecommendedMeasure) -> Double {
            m.rankScore + Double(themes[m.theme] ?? 0) * theme.weight + Double(
                outcomeCounts[outcomes[m.ref] ?? ""] ?? 0) * outcome.weight
        }
        while !left.isEmpty {
            let best = left.indices.max { a, b in
                (natural(left[a]), adjusted(left[a]), left[b].ref) < (natural(left[b]), adjusted(left[b]), left[a].ref)
            }!
            var m = left.remove(at: best)
            let sameTheme = themes[m.theme] ?? 0
            let sameOutcome = outcomeCounts[outcomes[m.ref] ?? ""] ?? 0
            if sameTheme + sameOutcome > 0 {
                let score = adjusted(m).roundedScore
                let themeCut = (Double(sameTheme) * theme.weight).written(.signedScore)
                let outcomeCut = (Double(sameOutcome) * outcome.weight).written(.signedScore)
                m.rankWorking +=
                    "; \(themeCut) (\(sameTheme) of the \(m.theme) theme ranked above [\(theme.location)]) "
                    + "\(outcomeCut) (\(sameOutcome) of its outcome ranked above [\(outcome.location)]) = "
                    + score.written(.score)
                m.rankScore = score
            }
            themes[m.theme, default: 0] += 1
            outcomeCounts[outcomes[m.ref] ?? "", default: 0] += 1
            ranked.append(m)
        }
        return ranked
    }
}
