import CSV
import Catalogue
import Foundation

/// Scores suppliers' social value offers for a contract.
///
/// Method (parameters in `policy/rules.csv`, `policy/evaluation.csv` and `policy/priorities.csv`):
/// - each commitment's SLEVA is its quantity × the measure's proxy value (× years where the value recurs);
///   a commitment not connected to the subject matter, or to a contract condition (the living wage, prompt
///   payment: pass/fail, not scored), is flagged and not counted; one more than `implausible_factor` times the
///   proportionate target is flagged for clarification and counted;
/// - a commitment with no open proxy is never £0: it earns points, its quantity ÷ the best quantity offered for
///   that measure × the measure's weight (1 + its council priority weight);
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
    /// - Throws: `InputError` for a bad contract, one too small to score, a bad offers row or a supplier with no mark.
    public init(offersFile path: String, contract: ContractProfile, catalogue: Catalogue, policy: Policy) throws {
        try contract.validate(file: "contract", catalogue: catalogue)
        let rules = ProcurementRules(contract: contract, policy: policy, authority: "", servesPeople: false)
        guard let weighting = rules.socialValueWeighting, let quantitative = rules.quantitativeShare,
            let qualitative = rules.qualitativeShare
        else {
            throw InputError(
                file: path,
                "the contract is below £\(grouped(policy.value("formal_commitments_from"))): "
                    + "social value offers are non-binding aspirations and cannot be scored at award")
        }
        let framework = contract.framework ?? "open"
        let codes = try contract.cpv.map { text -> CPVVocabulary.Code in
            guard case .success(let code) = catalogue.cpv.lookup(text) else {
                throw InputError(file: "contract", "field \"cpv\": \(text) is not a CPV 2008 code")
            }
            return code
        }
        let subject = policy.labourSubject(
            codes.first.flatMap { catalogue.taxonomy.subject(for: $0)?.subject.id }, in: catalogue.taxonomy)
        let workforce = WorkforceEstimate(contract, subject: subject, policy: policy)
        let sizing = TargetSizing(
            contract: contract, base: contract.controlledValue.value, workforce: workforce,
            ambition: policy.band(for: contract.value).ambition, floors: [:])
        let matter = SubjectMatter(
            taxonomy: catalogue.taxonomy, cpv: codes, category: contract.category,
            description: Words(contract.description))
        let factor = policy.value("implausible_factor")
        let maximumMark = policy.value("qualitative_mark_maximum")
        var order: [String] = []
        var commitments: [String: [Commitment]] = [:]
        var marks: [String: (Double, Int)] = [:]
        try DataTable(path: path, required: ["supplier", "measure", "quantity", "qualitative_mark"]).forEachRow { row in
            let supplier = try row.required("supplier")
            if commitments[supplier] == nil {
                order.append(supplier)
                commitments[supplier] = []
            }
            if !row["qualitative_mark"].isEmpty {
                let mark = try row.number("qualitative_mark")
                guard (0...maximumMark).contains(mark) else {
                    throw row.error("qualitative_mark", "mark \(mark) is outside 0 to \(number(maximumMark))")
                }
                if let (known, line) = marks[supplier], known != mark {
                    throw row.error(
                        "qualitative_mark",
                        "\(supplier) already has a qualitative mark of \(number(known)) on line \(line)")
                }
                marks[supplier] = (mark, row.line)
            }
            if row["measure"].isEmpty { return }
            let reference = row["measure"]
            guard let measure = catalogue.measure(reference, framework: framework) ?? catalogue.measure(reference)
            else {
                throw row.error("measure", "unknown measure \"\(reference)\" in the \(framework) framework")
            }
            if let first = commitments[supplier]!.first(where: { $0.measure == measure.key }) {
                throw row.error(
                    "measure",
                    "\(supplier) offers \(reference) again (first on line \(first.line)): one row per measure")
            }
            let quantity = try row.number("quantity")
            if let problem = catalogue.contractLimits.problem(withQuantity: quantity) {
                throw row.error("quantity", "\(problem), not \(row["quantity"])")
            }
            let relevance = catalogue.relevance(of: measure, in: matter)
            let rule = policy.targets[measure.policyRef]
            let target = (try? sizing.target(for: measure, rule: rule).get())?.quantity ?? 0
            var flag: String?
            var counted = true
            if let condition = policy.condition(for: measure) {
                (flag, counted) = ("a contract condition (pass/fail), not scored: \(condition.condition)", false)
            } else if relevance.strength == .none {
                (flag, counted) = ("irrelevant to the subject matter: \(relevance.reason)", false)
            } else if quantity > factor * max(target, 1) {
                flag =
                    "to clarify: more than \(number(factor)) × the proportionate target of "
                    + "\(Recommender.describe(target, measure.unit)); "
                    + "ask how it will be delivered and evidenced (counted as offered)"
            }
            let proxy = catalogue.proxy(for: measure)
            let years = rule?.everyYear == true ? contract.years : 1
            let sleva = counted ? (quantity * (proxy?.value ?? 0) * years).rounded() : 0
            commitments[supplier]!.append(
                Commitment(
                    measure: measure.key, title: measure.title, quantity: quantity, unit: measure.unit,
                    proxyValue: proxy?.value, sleva: sleva, points: nil, flag: flag, counted: counted,
                    line: row.line))
        }
        for supplier in order where marks[supplier] == nil {
            throw InputError(file: path, "no qualitative_mark for \(supplier): give it on one of the supplier's rows")
        }
        let scoring = UnvaluedPoints(commitments: commitments, priorities: policy.priorities, catalogue: catalogue)
        for supplier in order { commitments[supplier] = scoring.scored(commitments[supplier]!) }
        let slevas = order.map { s in commitments[s]!.map(\.sleva).reduce(0, +) }
        let points = order.map { s in commitments[s]!.compactMap(\.points).reduce(0, +) }
        let best = slevas.max() ?? 0
        let bestPoints = points.max() ?? 0
        var offers = order.enumerated().map { i, supplier -> Offer in
            let valued = best > 0 ? slevas[i] / best * 100 : 0
            let unvalued = bestPoints > 0 ? points[i] / bestPoints * 100 : 0
            let quantitativeScore = scoring.valuedShare * valued + (1 - scoring.valuedShare) * unvalued
            let qualitativeScore = marks[supplier]!.0 / maximumMark * 100
            let score = quantitative * quantitativeScore + qualitative * qualitativeScore
            return Offer(
                supplier: supplier, commitments: commitments[supplier]!, sleva: slevas[i], points: points[i],
                quantitativeScore: quantitativeScore,
                qualitativeMark: marks[supplier]!.0, qualitativeScore: qualitativeScore, socialValueScore: score,
                weightedContribution: score * weighting, rank: 0)
        }
        let ranked = offers.indices.sorted {
            (offers[$0].socialValueScore, offers[$1].supplier) > (offers[$1].socialValueScore, offers[$0].supplier)
        }
        for (rank, i) in ranked.enumerated() { offers[i].rank = rank + 1 }
        self.offers = offers
        self.weighting = weighting
        quantitativeShare = quantitative
        qualitativeShare = qualitative
        method =
            "quantitative score = \(percent(scoring.valuedShare)) × (SLEVA ÷ highest SLEVA × 100) + "
            + "\(percent(1 - scoring.valuedShare)) × (points ÷ highest points × 100), the shares of the "
            + "\(scoring.measures) measures offered "
            + "with and without an open proxy; points = quantity ÷ best quantity offered × (1 + council priority "
            + "weight); qualitative score = mark ÷ \(number(maximumMark)) × 100; "
            + "social value score = \(percent(quantitative)) × quantitative + \(percent(qualitative)) × qualitative; "
            + "contribution = social value score × \(percent(weighting)) weighting"
    }
}
