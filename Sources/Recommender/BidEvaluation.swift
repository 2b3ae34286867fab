import Catalogue
import CSV
import Foundation

/// Scores suppliers' social value offers for a contract.
///
/// Method (parameters in `policy/rules.csv` and `policy/evaluation.csv`):
/// - each commitment's SLEVA is its quantity × the measure's proxy value (× years where the value recurs);
///   a commitment not connected to the subject matter, or more than `implausible_factor` times the
///   proportionate target for this contract, is flagged and not counted;
/// - quantitative score = the offer's SLEVA ÷ the highest SLEVA offered × 100;
/// - qualitative score = the mark ÷ `qualitative_mark_maximum` × 100;
/// - social value score = quantitative share × quantitative score + qualitative share × qualitative score;
/// - contribution to the overall score = social value score × the social value weighting (points out of 100).
public struct BidEvaluation: Sendable {
    public struct Commitment: Codable, Sendable {
        public var measure: String
        public var title: String
        public var quantity: Double
        public var unit: String
        public var proxyValue: Double?
        public var sleva: Double
        /// Why it is not counted, if it is not.
        public var flag: String?
        public var line: Int
    }

    public struct Offer: Codable, Sendable {
        public var supplier: String
        public var commitments: [Commitment]
        public var sleva: Double
        public var quantitativeScore: Double
        public var qualitativeMark: Double
        public var qualitativeScore: Double
        public var socialValueScore: Double
        /// Points of the overall evaluation (out of 100) that social value contributes.
        public var weightedContribution: Double
        public var rank: Int
    }

    public let offers: [Offer]
    public let weighting: Double
    public let quantitativeShare: Double
    public let qualitativeShare: Double
    public let method: String

    /// Reads an offers CSV (`supplier,measure,quantity,qualitative_mark`) and scores it.
    public init(offersFile path: String, contract: ContractProfile, catalogue: Catalogue, policy: Policy) throws {
        let rules = ProcurementRules(contract: contract, policy: policy)
        guard let weighting = rules.socialValueWeighting, let quantitative = rules.quantitativeShare,
              let qualitative = rules.qualitativeShare else {
            throw InputError(file: path, "the contract is below £\(grouped(policy.value("formal_commitments_from"))): "
                             + "social value offers are non-binding aspirations and cannot be scored at award")
        }
        let framework = contract.framework ?? "open"
        let codes = try contract.cpv.map { text -> CPVVocabulary.Code in
            guard case .success(let code) = catalogue.cpv.lookup(text) else {
                throw InputError(file: "contract", "field \"cpv\": \(text) is not a CPV 2008 code")
            }
            return code
        }
        let subject = codes.first.flatMap { catalogue.taxonomy.subject(for: $0)?.subject.id }
        let workforce = WorkforceEstimate(contract, subject: subject, policy: policy)
        let sizing = TargetSizing(contract: contract, workforce: workforce, ambition: policy.band(for: contract.value).ambition)
        let factor = policy.value("implausible_factor")
        let maximumMark = policy.value("qualitative_mark_maximum")
        var order: [String] = []
        var commitments: [String: [Commitment]] = [:]
        var marks: [String: (Double, Int)] = [:]
        try DataTable(path: path, required: ["supplier", "measure", "quantity", "qualitative_mark"]).forEachRow { row in
            let supplier = try row.required("supplier")
            if commitments[supplier] == nil { order.append(supplier); commitments[supplier] = [] }
            if !row["qualitative_mark"].isEmpty {
                let mark = try row.number("qualitative_mark")
                guard (0...maximumMark).contains(mark) else {
                    throw row.error("qualitative_mark", "mark \(mark) is outside 0 to \(number(maximumMark))")
                }
                if let (known, line) = marks[supplier], known != mark {
                    throw row.error("qualitative_mark", "\(supplier) already has a qualitative mark of \(number(known)) on line \(line)")
                }
                marks[supplier] = (mark, row.line)
            }
            if row["measure"].isEmpty { return }
            let reference = row["measure"]
            guard let measure = catalogue.measure(reference, framework: framework) ?? catalogue.measure(reference) else {
                throw row.error("measure", "unknown measure \"\(reference)\" in the \(framework) framework")
            }
            let quantity = try row.number("quantity")
            guard quantity >= 0 else { throw row.error("quantity", "a negative quantity (\(number(quantity)))") }
            let relevance = catalogue.relevance(of: measure, cpv: codes, category: contract.category, description: contract.description)
            let rule = policy.targets[measure.basedOn ?? measure.ref]
            let target = sizing.target(for: measure, rule: rule).target.quantity
            var flag: String?
            if relevance.strength == .none {
                flag = "irrelevant to the subject matter: \(relevance.reason)"
            } else if quantity > factor * max(target, 1) {
                flag = "implausible for the contract's size: more than \(number(factor)) × the proportionate target of \(number(target)) \(measure.unit)"
            }
            let proxy = catalogue.proxy(for: measure)
            let years = rule?.everyYear == true ? contract.years : 1
            let sleva = flag == nil ? (quantity * (proxy?.value ?? 0) * years).rounded() : 0
            commitments[supplier]!.append(Commitment(measure: measure.key, title: measure.title, quantity: quantity, unit: measure.unit,
                                                     proxyValue: proxy?.value, sleva: sleva, flag: flag, line: row.line))
        }
        for supplier in order where marks[supplier] == nil {
            throw InputError(file: path, "no qualitative_mark for \(supplier): give it on one of the supplier's rows")
        }
        let slevas = order.map { s in commitments[s]!.map(\.sleva).reduce(0, +) }
        let best = slevas.max() ?? 0
        var offers = order.enumerated().map { i, supplier -> Offer in
            let quantitativeScore = best > 0 ? slevas[i] / best * 100 : 0
            let qualitativeScore = marks[supplier]!.0 / maximumMark * 100
            let score = quantitative * quantitativeScore + qualitative * qualitativeScore
            return Offer(supplier: supplier, commitments: commitments[supplier]!, sleva: slevas[i], quantitativeScore: quantitativeScore,
                         qualitativeMark: marks[supplier]!.0, qualitativeScore: qualitativeScore, socialValueScore: score,
                         weightedContribution: score * weighting, rank: 0)
        }
        let ranked = offers.indices.sorted { (offers[$0].socialValueScore, offers[$1].supplier) > (offers[$1].socialValueScore, offers[$0].supplier) }
        for (rank, i) in ranked.enumerated() { offers[i].rank = rank + 1 }
        self.offers = offers
        self.weighting = weighting
        quantitativeShare = quantitative
        qualitativeShare = qualitative
        method = "quantitative score = SLEVA ÷ highest SLEVA × 100; qualitative score = mark ÷ \(number(maximumMark)) × 100; "
            + "social value score = \(percent(quantitative)) × quantitative + \(percent(qualitative)) × qualitative; "
            + "contribution = social value score × \(percent(weighting)) weighting"
    }
}
