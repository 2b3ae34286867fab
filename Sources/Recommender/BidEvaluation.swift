import Catalogue
import Core
import Formatting
import Foundation

/// Scores suppliers' social value offers for a contract.
///
/// Method (parameters in `policy/rules.csv`, `policy/evaluation.csv` and `policy/priorities.csv`):
/// - each commitment's SLEVA is its quantity × the measure's proxy value (× years where the value recurs);
///   a commitment not connected to the subject matter, or to a contract condition (the living wage, prompt
///   payment: pass/fail, not scored), is flagged and not counted; one more than `implausible_factor` times the
///   proportionate target (or than the whole of what the contract handles, where its quantities support more) is
///   flagged and scored at that plausible maximum; one under `token_share` of the target is flagged as a token line;
/// - a commitment with no open proxy is never £0: it earns points, its scored quantity ÷ the larger of the best
///   quantity offered for that measure and its proportionate target × the measure's weight (1 + its council
///   priority weight), so a token line earns points in proportion to the target, not to the best offer;
/// - quantitative score = valued share × (SLEVA ÷ highest SLEVA × 100) + unvalued share × (points ÷ highest
///   points × 100), the shares being those of the measures offered with and without a proxy;
/// - qualitative score = the mark ÷ `qualitative_mark_maximum` × 100;
/// - social value score = quantitative share × quantitative score + qualitative share × qualitative score;
/// - contribution to the overall score = social value score × the social value weighting (points out of 100).
public struct BidEvaluation: Codable, Sendable {
    /// One commitment in a supplier's offer: a quantity of one measure, valued and checked.
    public struct Commitment: Codable, Sendable {
        /// The measure's catalogue key (`framework:ref`).
        public var measure: String
        /// The measure's title.
        public var title: String
        /// The quantity offered, in the measure's unit.
        public var quantity: Double
        /// The quantity scored: the quantity offered, held at the plausible maximum.
        public var scoredQuantity: Double
        /// The proportionate target for this contract, in the measure's unit (nil where none is sized).
        public var target: Double?
        /// The unit the quantity is counted in.
        public var unit: String
        /// £ per unit, when an open proxy is sourced.
        public var proxyValue: Double?
        /// Quantity × proxy value (× years where the value recurs), in £; 0 when not counted or not valued.
        public var sleva: Double
        /// Points of the second method, for a commitment with no proxy value (nil for a valued one).
        public var points: Double?
        /// Why it is not counted, or what to clarify.
        public var flag: String?
        /// False when the flag keeps it out of the score.
        public var counted: Bool
        /// The line of the offers CSV the commitment is on.
        public var line: Int
    }

    /// One supplier's offer: its commitments and scores.
    public struct Offer: Codable, Sendable {
        /// The supplier's name, as in the offers CSV.
        public var supplier: String
        /// The supplier's commitments, in the order of the offers CSV.
        public var commitments: [Commitment]
        /// Total SLEVA of the counted commitments, in £.
        public var sleva: Double
        /// Points for commitments with no proxy value (the second method).
        public var points: Double
        /// Quantitative score out of 100: SLEVA and points against the best offered, blended by the share of valued
        /// measures.
        public var quantitativeScore: Double
        /// The qualitative mark from the offers CSV, out of `qualitative_mark_maximum` (`policy/evaluation.csv`).
        public var qualitativeMark: Double
        /// Qualitative score out of 100: the mark ÷ `qualitative_mark_maximum` × 100.
        public var qualitativeScore: Double
        /// Social value score out of 100: the quantitative and qualitative scores weighted by their shares.
        public var socialValueScore: Double
        /// Points of the overall evaluation (out of 100) that social value contributes.
        public var weightedContribution: Double
        /// The offer's rank by social value score, from 1; ties in alphabetical order of supplier.
        public var rank: Int
    }

    /// The offers, in the order suppliers first appear in the offers CSV.
    public let offers: [Offer]
    /// Share of the overall evaluation given to social value (0.2 is 20%).
    public let weighting: Double
    /// Share of the social value score given to the quantitative offer.
    public let quantitativeShare: Double
    /// Share of the social value score given to the qualitative offer.
    public let qualitativeShare: Double
    /// The scoring method in words, with this evaluation's shares and weighting.
    public let method: String

    /// Reads an offers CSV (`supplier,measure,quantity,qualitative_mark`) and scores it.
    /// - Throws: `ToolkitError` for a bad contract, one too small to score, a bad offers row or a supplier with no
    ///   mark.
    public init(offersFile path: String, contract: ContractProfile, catalogue: Catalogue, policy: Policy) throws {
        try contract.validate(file: "contract", catalogue: catalogue)
        let rules = ProcurementRules(contract: contract, policy: policy, authority: "", servesPeople: false)
        guard let weighting = rules.socialValueWeighting, let quantitative = rules.quantitativeShare,
            let qualitative = rules.qualitativeShare
        else {
            throw ToolkitError(
                file: path,
                "the contract is below \(policy.rules.formalCommitmentsFrom.written(.money)): "
                    + "social value offers are non-binding aspirations and cannot be scored at award")
        }
        var sheet = try OfferSheet(contract: contract, catalogue: catalogue, policy: policy)
        try sheet.read(path)
        let scoring = UnvaluedPoints(
            commitments: sheet.commitments, priorities: policy.priorities, catalogue: catalogue)
        for supplier in sheet.suppliers { sheet.commitments[supplier] = scoring.scored(sheet.commitments[supplier]!) }
        let maximumMark = policy.rules.qualitativeMarkMaximum
        offers = Self.rankedOffers(sheet, valuedShare: scoring.valuedShare, maximumMark: maximumMark) { score in
            quantitative * score.quantitative + qualitative * score.qualitative
        }.map { offer in
            var offer = offer
            offer.weightedContribution = offer.socialValueScore * weighting
            return offer
        }
        self.weighting = weighting
        quantitativeShare = quantitative
        qualitativeShare = qualitative
        method =
            "quantitative score = \(scoring.valuedShare.written(.share)) × (SLEVA ÷ highest SLEVA × 100) + "
            + "\((1 - scoring.valuedShare).written(.share)) × (points ÷ highest points × 100), the shares of the "
            + "\(scoring.measures) measures offered "
            + "with and without an open proxy; points = quantity ÷ best quantity offered × (1 + council priority "
            + "weight); qualitative score = mark ÷ \(maximumMark.written(.working)) × 100; "
            + "social value score = \(quantitative.written(.share)) × quantitative + "
            + "\(qualitative.written(.share)) × qualitative; "
            + "contribution = social value score × \(weighting.written(.share)) weighting"
    }

    /// Each supplier's offer scored against the best SLEVA and points offered, and ranked by social value score
    /// (ties in alphabetical order of supplier); `socialValueScore` blends the quantitative and qualitative scores.
    private static func rankedOffers(
        _ sheet: OfferSheet, valuedShare: Double, maximumMark: Double,
        socialValueScore: ((quantitative: Double, qualitative: Double)) -> Double
    ) -> [Offer] {
        let order = sheet.suppliers
        let slevas = order.map { s in sheet.commitments[s]!.map(\.sleva).reduce(0, +) }
        let points = order.map { s in sheet.commitments[s]!.compactMap(\.points).reduce(0, +) }
        let best = slevas.max() ?? 0
        let bestPoints = points.max() ?? 0
        var offers = order.enumerated().map { i, supplier -> Offer in
            let valued = best > 0 ? slevas[i] / best * 100 : 0
            let unvalued = bestPoints > 0 ? points[i] / bestPoints * 100 : 0
            let quantitativeScore = valuedShare * valued + (1 - valuedShare) * unvalued
            let mark = sheet.marks[supplier]!.mark
            let qualitativeScore = mark / maximumMark * 100
            let score = socialValueScore((quantitativeScore, qualitativeScore))
            return Offer(
                supplier: supplier, commitments: sheet.commitments[supplier]!, sleva: slevas[i], points: points[i],
                quantitativeScore: quantitativeScore, qualitativeMark: mark, qualitativeScore: qualitativeScore,
                socialValueScore: score, weightedContribution: 0, rank: 0)
        }
        let ranked = offers.indices.sorted {
            (offers[$0].socialValueScore, offers[$1].supplier) > (offers[$1].socialValueScore, offers[$0].supplier)
        }
        for (rank, i) in ranked.enumerated() { offers[i].rank = rank + 1 }
        return offers
    }
}

extension BidEvaluation.Commitment {
    /// Decodes a commitment, one saved in a workspace before `scoredQuantity` and `target` existed among them (the
    /// quantity offered, if counted, and no target).
    /// - Throws: `DecodingError` when a field is missing or of the wrong type.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        measure = try values.decode(String.self, forKey: .measure)
        title = try values.decode(String.self, forKey: .title)
        quantity = try values.decode(Double.self, forKey: .quantity)
        unit = try values.decode(String.self, forKey: .unit)
        proxyValue = try values.decodeIfPresent(Double.self, forKey: .proxyValue)
        sleva = try values.decode(Double.self, forKey: .sleva)
        points = try values.decodeIfPresent(Double.self, forKey: .points)
        flag = try values.decodeIfPresent(String.self, forKey: .flag)
        counted = try values.decode(Bool.self, forKey: .counted)
        line = try values.decode(Int.self, forKey: .line)
        scoredQuantity = try values.decodeIfPresent(Double.self, forKey: .scoredQuantity) ?? (counted ? quantity : 0)
        target = try values.decodeIfPresent(Double.self, forKey: .target)
    }
}
