import Catalogue

/// The second scoring method of bid evaluation, for commitments with no open proxy value: they are never
/// counted as £0. Each earns its scored quantity ÷ the larger of the best quantity any supplier offered for the same
/// measure and its proportionate target, times the measure's weight (1 + its council priority weight in
/// `policy/priorities.csv`).
struct UnvaluedPoints {
    /// Best counted quantity offered per unvalued measure.
    let best: [String: Double]
    let weights: [String: Double]
    /// The share of the measures offered that have a proxy value (the weight of the SLEVA score).
    let valuedShare: Double
    /// How many distinct measures were offered and counted.
    let measures: Int

    init(commitments: [String: [BidEvaluation.Commitment]], priorities: [String: CouncilPriority], catalogue: Catalogue)
    {
        var best: [String: Double] = [:]
        var valued: Set<String> = []
        var all: Set<String> = []
        var weights: [String: Double] = [:]
        for commitment in commitments.values.joined() where commitment.counted {
            all.insert(commitment.measure)
            if commitment.proxyValue != nil {
                valued.insert(commitment.measure)
                continue
            }
            best[commitment.measure] = max(
                best[commitment.measure] ?? 0, commitment.scoredQuantity, commitment.target ?? 0)
            let measure = catalogue.measure(commitment.measure)
            weights[commitment.measure] = 1 + (measure.flatMap { priorities[$0.policyRef]?.weight } ?? 0)
        }
        self.best = best
        self.weights = weights
        measures = all.count
        valuedShare = all.isEmpty ? 1 : Double(valued.count) / Double(all.count)
    }

    /// The commitments with the points of each unvalued one filled in.
    func scored(_ commitments: [BidEvaluation.Commitment]) -> [BidEvaluation.Commitment] {
        commitments.map { c in
            var c = c
            if c.counted, c.proxyValue == nil, let top = best[c.measure] {
                c.points = top > 0 ? c.scoredQuantity / top * (weights[c.measure] ?? 1) : 0
            }
            return c
        }
    }
}
