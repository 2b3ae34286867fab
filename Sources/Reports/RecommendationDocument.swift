import Catalogue
import Recommender

/// The recommendation as `svtk recommend --format json` and the report's JSON file give it: the contract, the
/// rules, the measures with their evidence, targets and values, the conditions and the measures left out.
///
/// Every number goes through ``Nullable``, so a figure that is not finite is `null` and encoding cannot fail.
struct RecommendationDocument: Encodable {
    var contract: Contract
    var rules: Rules
    var measures: [Measure]
    var conditions: [ContractCondition]
    var excluded: [ExcludedMeasure]
    var targetBase: String
    var valuation: String
    var policy: String
    var totalSleva: Nullable<Double>
    var warnings: [String]
    var questions: [Question]
    var notes: [String]
    /// When, how and from what the recommendation was made; left out when not given.
    var provenance: Provenance?

    /// The contract as profiled, with what the recommender worked out about it.
    struct Contract: Encodable {
        var title: String
        var description: String
        var cpv: [String]
        var category: String
        var value: Nullable<Double>
        var durationMonths: Nullable<Double>
        var areas: [String]
        var deliveryWards: [DeliveryWard]
        var passThroughShare: Nullable<Double>
        var supplierFee: Nullable<Double>
        var councilIsConduit: Nullable<Bool>
        var quantities: [String: Nullable<Double>]
        var workforce: Nullable<Workforce>
        var framework: String
        var subjects: [String]
        var estimatedWorkforce: EstimatedWorkforce
        var band: String
    }

    /// The workforce as the contract profile gives it.
    struct Workforce: Encodable {
        var fte: Nullable<Double>
        var aged18Plus: Nullable<Bool>
        var hoursPerWeek: Nullable<Double>
        var consecutiveWeeks: Nullable<Double>
        var onCouncilPremises: Nullable<Bool>
        var onCouncilProperty: Nullable<Bool>
        var onCouncilLand: Nullable<Bool>
    }

    /// The workforce the targets are sized on, and how it was worked out.
    struct EstimatedWorkforce: Encodable {
        var fte: Nullable<Double>
        var estimated: Bool
        var working: String
    }

    /// The procurement rules that apply to the contract.
    struct Rules: Encodable {
        var commitments: String
        var aspirationsReason: Nullable<String>
        var socialValueWeighting: Nullable<Double>
        var quantitativeShare: Nullable<Double>
        var qualitativeShare: Nullable<Double>
        var qualitativeEvidence: Nullable<String>
        var localQuotation: Bool
        var realLivingWage: LivingWage
        var notes: [String]
    }

    /// The living wage scope test.
    struct LivingWage: Encodable {
        var inScope: Nullable<Bool>
        var note: String
        var treatment: ConditionTerms
        var wage: String
        var hourlyRate: Nullable<Double>
        var rateYear: String
        var criteria: [Criterion]
    }

    /// One criterion of the living wage scope test, with the profile's answer.
    struct Criterion: Encodable {
        var criterion: String
        var answer: String
        var met: Nullable<Bool>
    }

    /// A recommended measure.
    struct Measure: Encodable {
        var rank: Int
        var ref: String
        var framework: String
        var theme: String
        var title: String
        var unit: String
        var commitment: String
        var relevance: String
        var relevanceReason: String
        var needs: [Need]
        var equalityGaps: [GapEvidence]
        var target: TargetSize
        var proxyValue: Nullable<Double>
        var proxy: Nullable<Proxy>
        var sleva: Nullable<Double>
        var slevaWorking: Nullable<String>
        var rankScore: Nullable<Double>
        var rankWorking: String
        var needStatus: String
        var caveats: [String]
    }

    /// A local need a measure answers (``NeedEvidence``).
    struct Need: Encodable {
        var area: String
        var areaName: String
        var domain: String
        var domainName: String
        var score: Nullable<Double>
        var level: String
        var reason: String
        var figures: [String]
    }

    /// A measure's target (``Target``).
    struct TargetSize: Encodable {
        var quantity: Nullable<Double>
        var working: String
    }

    /// The open proxy behind a measure's value.
    struct Proxy: Encodable {
        var id: String
        var unit: String
        var priceYear: String
        var formula: String
        var working: String
        var basis: String
    }
}

extension RecommendationDocument {
    /// The document for a recommendation, with its provenance when given.
    init(_ r: Recommendation, provenance: Provenance?) {
        contract = Contract(r)
        rules = Rules(r.rules)
        measures = r.measures.map(Measure.init)
        conditions = r.conditions
        excluded = r.excluded
        targetBase = r.targetBase
        valuation = r.valuation
        policy = r.policy
        totalSleva = Nullable(r.totalSleva)
        warnings = r.warnings
        questions = r.questions
        notes = r.notes
        self.provenance = provenance
    }
}

extension RecommendationDocument.Contract {
    init(_ r: Recommendation) {
        let c = r.contract
        title = c.title
        description = c.description
        cpv = c.cpv
        category = c.category.rawValue
        value = Nullable(c.value)
        durationMonths = Nullable(c.durationMonths)
        areas = c.areas
        deliveryWards = r.deliveryWards
        passThroughShare = Nullable(c.passThroughShare)
        supplierFee = Nullable(c.supplierFee)
        councilIsConduit = Nullable(c.councilIsConduit)
        quantities = (c.quantities ?? [:]).mapValues { Nullable($0) }
        workforce = Nullable(
            c.workforce.map { w in
                RecommendationDocument.Workforce(
                    fte: Nullable(w.fte), aged18Plus: Nullable(w.aged18Plus), hoursPerWeek: Nullable(w.hoursPerWeek),
                    consecutiveWeeks: Nullable(w.consecutiveWeeks), onCouncilPremises: Nullable(w.onCouncilPremises),
                    onCouncilProperty: Nullable(w.onCouncilProperty), onCouncilLand: Nullable(w.onCouncilLand))
            })
        framework = c.framework ?? "open"
        subjects = r.subjects
        estimatedWorkforce = RecommendationDocument.EstimatedWorkforce(
            fte: Nullable(r.workforce.fte), estimated: r.workforce.estimated, working: r.workforce.working)
        band = r.band
    }
}

extension RecommendationDocument.Rules {
    init(_ rules: ProcurementRules) {
        let rlw = rules.realLivingWage
        commitments = rules.commitments.rawValue
        aspirationsReason = Nullable(rules.aspirationsReason)
        socialValueWeighting = Nullable(rules.socialValueWeighting)
        quantitativeShare = Nullable(rules.quantitativeShare)
        qualitativeShare = Nullable(rules.qualitativeShare)
        qualitativeEvidence = Nullable(rules.qualitativeEvidence)
        localQuotation = rules.localQuotation
        realLivingWage = RecommendationDocument.LivingWage(
            inScope: Nullable(rlw.inScope), note: rlw.note, treatment: rlw.treatment, wage: rlw.wage.name,
            hourlyRate: Nullable(rlw.wage.hourlyRate), rateYear: rlw.wage.rateYear,
            criteria: rlw.criteria.map {
                RecommendationDocument.Criterion(criterion: $0.criterion, answer: $0.answer, met: Nullable($0.met))
            })
        notes = rules.notes
    }
}

extension RecommendationDocument.Measure {
    init(_ m: RecommendedMeasure) {
        rank = m.rank
        ref = m.ref
        framework = m.framework
        theme = m.theme
        title = m.title
        unit = m.unit
        commitment = m.commitment.rawValue
        relevance = m.relevance
        relevanceReason = m.relevanceReason
        needs = m.needs.map { n in
            RecommendationDocument.Need(
                area: n.area, areaName: n.areaName, domain: n.domain, domainName: n.domainName,
                score: Nullable(n.score), level: n.level, reason: n.reason, figures: n.figures)
        }
        equalityGaps = m.equalityGaps
        target = RecommendationDocument.TargetSize(quantity: Nullable(m.target.quantity), working: m.target.working)
        proxyValue = Nullable(m.proxyValue)
        proxy = Nullable(
            m.proxy.map { p in
                RecommendationDocument.Proxy(
                    id: p.id, unit: p.unit, priceYear: p.priceYear, formula: p.formula, working: p.working,
                    basis: p.basis)
            })
        sleva = Nullable(m.sleva)
        slevaWorking = Nullable(m.slevaWorking)
        rankScore = Nullable(m.rankScore)
        rankWorking = m.rankWorking
        needStatus = m.needStatus
        caveats = m.caveats
    }
}
