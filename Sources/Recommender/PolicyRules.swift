import Core

/// The named parameters of `policy/rules.csv`, `evaluation.csv` and `monitoring.csv`, one property each, so that
/// a parameter the toolkit uses is checked to be there when the policy is read, never found missing mid-way.
public struct PolicyRules: Sendable {
    /// `formal_commitments_from` (GBP).
    let formalCommitmentsFrom: Double
    /// `social_value_weighting` (share of the overall evaluation).
    public let socialValueWeighting: Double
    /// `quantitative_share` (share of the social value score).
    public let quantitativeShare: Double
    /// `qualitative_share` (share of the social value score).
    public let qualitativeShare: Double
    /// `delivery_plan_above` (GBP).
    let deliveryPlanAbove: Double
    /// `local_quotation_up_to` (GBP).
    let localQuotationUpTo: Double
    /// `rlw_minimum_age` (years).
    let rlwMinimumAge: Double
    /// `rlw_minimum_hours_per_week` (hours a week).
    let rlwMinimumHoursPerWeek: Double
    /// `rlw_minimum_consecutive_weeks` (weeks).
    let rlwMinimumConsecutiveWeeks: Double
    /// `cost_per_fte` (GBP per FTE per year).
    let costPerFte: Double
    /// `qualitative_mark_maximum` ().
    public let qualitativeMarkMaximum: Double
    /// `implausible_factor` ().
    let implausibleFactor: Double
    /// `green_from` ().
    let greenFrom: Double
    /// `amber_from` ().
    let amberFrom: Double
    /// `short_works_months` (months).
    let shortWorksMonths: Double
    /// `short_works_max_measures` (measures).
    let shortWorksMaxMeasures: Double
    /// `aspirations_max_measures` (measures).
    let aspirationsMaxMeasures: Double
    /// `extra_measure_every_years` (years).
    let extraMeasureEveryYears: Double
    /// `extra_measure_every_fte` (FTE).
    let extraMeasureEveryFte: Double
    /// `extra_measures_max_measures` (measures).
    let extraMeasuresMaxMeasures: Double
    /// `token_share` ().
    let tokenShare: Double
    /// `raise_to_floor_from` (share of the floor).
    let raiseToFloorFrom: Double

    /// Takes each parameter the toolkit uses from those read, and checks the shares of the evaluation add up.
    /// - Throws: `ToolkitError` naming the folder and every missing parameter, or the shares that do not add up to 1.
    init(_ parameters: [String: (value: Double, source: String)], folder: String) throws {
        var missing: [String] = []
        func value(_ name: String) -> Double {
            if let found = parameters[name] { return found.value }
            missing.append(name)
            return 0
        }
        formalCommitmentsFrom = value("formal_commitments_from")
        socialValueWeighting = value("social_value_weighting")
        quantitativeShare = value("quantitative_share")
        qualitativeShare = value("qualitative_share")
        deliveryPlanAbove = value("delivery_plan_above")
        localQuotationUpTo = value("local_quotation_up_to")
        rlwMinimumAge = value("rlw_minimum_age")
        rlwMinimumHoursPerWeek = value("rlw_minimum_hours_per_week")
        rlwMinimumConsecutiveWeeks = value("rlw_minimum_consecutive_weeks")
        costPerFte = value("cost_per_fte")
        qualitativeMarkMaximum = value("qualitative_mark_maximum")
        implausibleFactor = value("implausible_factor")
        greenFrom = value("green_from")
        amberFrom = value("amber_from")
        shortWorksMonths = value("short_works_months")
        shortWorksMaxMeasures = value("short_works_max_measures")
        aspirationsMaxMeasures = value("aspirations_max_measures")
        extraMeasureEveryYears = value("extra_measure_every_years")
        extraMeasureEveryFte = value("extra_measure_every_fte")
        extraMeasuresMaxMeasures = value("extra_measures_max_measures")
        tokenShare = value("token_share")
        raiseToFloorFrom = value("raise_to_floor_from")
        guard missing.isEmpty else {
            throw ToolkitError(file: folder, "missing policy parameter(s): \(missing.joined(separator: ", "))")
        }
        guard abs(quantitativeShare + qualitativeShare - 1) < 1e-9 else {
            throw ToolkitError(
                file: folder + "/rules.csv",
                "quantitative_share and qualitative_share must add up to 1, not \(quantitativeShare + qualitativeShare)"
            )
        }
    }
}
