import Catalogue
import Core
import Formatting

/// A supplier's offers CSV (`supplier,measure,quantity,qualitative_mark`) read row by row: each commitment
/// checked against the catalogue, the contract's subject matter and its proportionate target, and valued; each
/// supplier's qualitative mark.
struct OfferSheet {
    /// The suppliers, in the order they first appear.
    private(set) var suppliers: [String] = []
    /// Each supplier's commitments, in file order.
    var commitments: [String: [BidEvaluation.Commitment]] = [:]
    /// Each supplier's qualitative mark and the line it is on.
    private(set) var marks: [String: (mark: Double, line: Int)] = [:]

    private let contract: ContractProfile
    private let catalogue: Catalogue
    private let policy: Policy
    private let framework: String
    private let matter: SubjectMatter
    private let sizing: TargetSizing
    /// The subjects of the contract's CPV codes, each after the narrower subjects its description refines it to, for
    /// targets sized on what it handles.
    private let subjects: [Subject]
    /// A commitment more than this many times its target is flagged and scored at that plausible maximum.
    private let implausibleFactor: Double
    /// A commitment under this share of its target is a token line, flagged.
    private let tokenShare: Double
    private let maximumMark: Double

    /// Ready to read offers for `contract`: its subject matter and target sizing worked out once.
    /// - Throws: `ToolkitError` at the contract's `cpv` field when a code is not in CPV 2008.
    init(contract: ContractProfile, catalogue: Catalogue, policy: Policy) throws {
        self.contract = contract
        self.catalogue = catalogue
        self.policy = policy
        framework = contract.framework ?? "open"
        let codes = try contract.cpv.map { text -> CPVVocabulary.Code in
            guard case .success(let code) = catalogue.cpv.lookup(text) else {
                throw ToolkitError(file: "contract", field: "cpv", "\(text) is not a CPV 2008 code")
            }
            return code
        }
        let codeSubjects = codes.compactMap { catalogue.taxonomy.subject(for: $0)?.subject }
        subjects = codeSubjects.flatMap {
            catalogue.taxonomy.refined($0, description: Words(contract.description), category: contract.category)
        }
        let subject = policy.labourSubject(codeSubjects.first?.id, in: catalogue.taxonomy)
        sizing = TargetSizing(
            contract: contract, base: contract.controlledValue.value,
            workforce: WorkforceEstimate(contract, subject: subject, policy: policy),
            ambition: policy.band(for: contract.value).ambition, floors: [:])
        matter = SubjectMatter(
            taxonomy: catalogue.taxonomy, cpv: codes, category: contract.category,
            description: Words(contract.description))
        implausibleFactor = policy.rules.implausibleFactor
        tokenShare = policy.rules.tokenShare
        maximumMark = policy.rules.qualitativeMarkMaximum
    }

    /// Reads the offers CSV; every supplier must have a qualitative mark.
    /// - Throws: `ToolkitError` at the file, line and column of a bad row, or naming a supplier with no mark.
    mutating func read(_ path: String) throws {
        try DataTable(path: path, required: ["supplier", "measure", "quantity", "qualitative_mark"]).forEachRow { row in
            let supplier = try row.required("supplier")
            if commitments[supplier] == nil {
                suppliers.append(supplier)
                commitments[supplier] = []
            }
            if !row["qualitative_mark"].isEmpty { try readMark(row, of: supplier) }
            if !row["measure"].isEmpty { commitments[supplier]!.append(try commitment(row, of: supplier)) }
        }
        for supplier in suppliers where marks[supplier] == nil {
            throw ToolkitError(file: path, "no qualitative_mark for \(supplier): give it on one of the supplier's rows")
        }
    }

    /// A supplier's qualitative mark: within range, and the same wherever it is given.
    private mutating func readMark(_ row: DataRow, of supplier: String) throws {
        let mark = try row.number("qualitative_mark")
        guard (0...maximumMark).contains(mark) else {
            throw row.error("qualitative_mark", "mark \(mark) is outside 0 to \(maximumMark.written(.working))")
        }
        if let (known, line) = marks[supplier], known != mark {
            throw row.error(
                "qualitative_mark",
                "\(supplier) already has a qualitative mark of \(known.written(.working)) on line \(line)")
        }
        marks[supplier] = (mark, row.line)
    }

    /// One row's commitment: a known measure, offered once, with a quantity that can be monitored; flagged and
    /// left uncounted when it is a contract condition or irrelevant, flagged when implausibly large; valued.
    private func commitment(_ row: DataRow, of supplier: String) throws -> BidEvaluation.Commitment {
        let reference = row["measure"]
        guard let measure = catalogue.measure(reference, framework: framework) ?? catalogue.measure(reference) else {
            throw row.error("measure", "unknown measure \"\(reference)\" in the \(framework) framework")
        }
        if let first = commitments[supplier]!.first(where: { $0.measure == measure.key }) {
            throw row.error(
                "measure", "\(supplier) offers \(reference) again (first on line \(first.line)): one row per measure")
        }
        let quantity = try row.number("quantity")
        if let problem = catalogue.contractLimits.problem(withQuantity: quantity) {
            throw row.error("quantity", "\(problem), not \(row["quantity"])")
        }
        let rule = policy.targets[measure.policyRef]
        let target = proportionateTarget(measure, rule: rule)
        let (flag, counted, scored) = check(measure, quantity: quantity, target: target)
        let proxy = catalogue.proxy(for: measure)
        let years = policy.valueYears(of: measure, in: contract)
        return BidEvaluation.Commitment(
            measure: measure.key, title: measure.title, quantity: quantity, scoredQuantity: counted ? scored : 0,
            target: target?.quantity, unit: measure.unit, proxyValue: proxy?.value,
            sleva: counted ? SocialValue.pounds(scored, proxy: proxy?.value ?? 0, years: years) : 0, points: nil,
            flag: flag,
            counted: counted, line: row.line)
    }

    /// How a commitment to `measure` is scored, as ``commitment(_:of:)`` and ``check(_:quantity:target:)`` score it.
    func guide(_ measure: Measure) -> OfferGuide.Line {
        let rule = policy.targets[measure.policyRef]
        let target = proportionateTarget(measure, rule: rule)
        let (flag, counted, _) = check(measure, quantity: 0, target: nil)
        let sized = target.flatMap { $0.quantity > 0 ? $0 : nil }
        return OfferGuide.Line(
            measure: measure.key, ref: measure.ref, title: measure.title, unit: measure.unit,
            proxyValue: catalogue.proxy(for: measure)?.value,
            years: policy.valueYears(of: measure, in: contract), target: target?.quantity,
            plausibleMaximum: sized.map { max(implausibleFactor * $0.quantity, $0.supported ?? 0) },
            tokenFloor: sized.map { tokenShare * $0.quantity }, notScored: counted ? nil : flag)
    }

    /// The proportionate target for a measure, as the recommendation sizes it (on the contract's quantities where
    /// a rule of its subjects uses one the profile gives), and the most the contract's quantities support (nil when
    /// not sized on one): the whole quantity in the measure's unit.
    private func proportionateTarget(_ measure: Measure, rule: Policy.TargetRule?) -> (
        quantity: Double, supported: Double?
    )? {
        if let byQuantity = catalogue.taxonomy.quantityTarget(for: catalogue.linkKey(measure), subjects: subjects),
            let given = contract.quantities?[byQuantity.quantity]
        {
            return (given * byQuantity.share * byQuantity.perUnit, given * byQuantity.perUnit)
        }
        return (try? sizing.target(for: measure, rule: rule).get()).map { ($0.quantity, nil) }
    }

    /// Why a commitment is not counted (a contract condition, or irrelevant to the subject matter), or what to
    /// clarify about it, with the quantity scored: held at the plausible maximum (`implausible_factor` × the
    /// proportionate target, or the whole of what the contract handles where its quantities support more), and
    /// flagged when under `token_share` of the target.
    private func check(_ measure: Measure, quantity: Double, target: (quantity: Double, supported: Double?)?)
        -> (flag: String?, counted: Bool, scored: Double)
    {
        if let condition = policy.condition(for: measure) {
            return ("a contract condition (pass/fail), not scored: \(condition.condition)", false, 0)
        }
        let relevance = catalogue.relevance(of: measure, in: matter)
        if relevance.strength == .none { return ("irrelevant to the subject matter: \(relevance.reason)", false, 0) }
        guard let target, target.quantity > 0 else { return (nil, true, quantity) }
        let written = target.quantity.written(.quantity(measure.unit))
        let plausible = max(implausibleFactor * target.quantity, target.supported ?? 0)
        if quantity > plausible {
            return (
                "scored at the plausible maximum of \(plausible.written(.quantity(measure.unit))) ("
                    + (plausible > implausibleFactor * target.quantity
                        ? "what the contract handles"
                        : "\(implausibleFactor.written(.working)) × the proportionate "
                            + "target of \(written)")
                    + "): ask how the \(quantity.written(.quantity(measure.unit))) offered will be delivered and "
                    + "evidenced", true, plausible
            )
        }
        if quantity < tokenShare * target.quantity {
            return (
                "a token line: under \(tokenShare.written(.share)) of the proportionate target of \(written), so it "
                    + "earns points in proportion to the target", true, quantity
            )
        }
        return (nil, true, quantity)
    }
}
