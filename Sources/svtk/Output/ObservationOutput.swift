import Evidence
import Formatting
import Reports

/// One observation as `svtk load` writes it: a row of the CSV, or one object of the JSON array with the CSV's
/// column names as members (``NormalisedLoader/columns``). In JSON a figure is a number, or `null` when missing
/// (or not finite), and `missing` and `note` are `null` when absent.
struct ObservationOutput: Encodable {
    var source: String
    var indicatorID: String
    var indicatorName: String
    var unit: String
    var polarity: String
    var areaCode: String
    var areaName: String
    var areaLevel: String
    var period: String
    var sex: String
    var age: String
    var categoryType: String
    var category: String
    var value: Nullable<Double>
    var missing: Nullable<String>
    var lower95: Nullable<Double>
    var upper95: Nullable<Double>
    var lower998: Nullable<Double>
    var upper998: Nullable<Double>
    var count: Nullable<Double>
    var denominator: Nullable<Double>
    var note: Nullable<String>

    /// The members' names: the CSV's columns.
    enum CodingKeys: String, CodingKey {
        case source
        case indicatorID = "indicator_id"
        case indicatorName = "indicator_name"
        case unit, polarity
        case areaCode = "area_code"
        case areaName = "area_name"
        case areaLevel = "area_level"
        case period, sex, age
        case categoryType = "category_type"
        case category, value, missing
        case lower95 = "lower_ci_95"
        case upper95 = "upper_ci_95"
        case lower998 = "lower_ci_99_8"
        case upper998 = "upper_ci_99_8"
        case count, denominator, note
    }

    /// The observation with its indicator's name, unit and polarity and its area's name and level, each empty
    /// when not known.
    init(_ o: Observation, indicator: Indicator?, area: (name: String, level: AreaLevel)?) {
        source = o.source
        indicatorID = o.indicator
        indicatorName = indicator?.name ?? ""
        unit = indicator?.unit ?? ""
        polarity = indicator?.polarity.rawValue ?? ""
        areaCode = o.area
        areaName = area?.name ?? ""
        areaLevel = area?.level.rawValue ?? ""
        period = o.period
        sex = o.breakdown.sex
        age = o.breakdown.age
        categoryType = o.breakdown.categoryType
        category = o.breakdown.category
        value = Nullable(o.value)
        missing = Nullable(o.missing?.rawValue)
        lower95 = Nullable(o.lower95)
        upper95 = Nullable(o.upper95)
        lower998 = Nullable(o.lower998)
        upper998 = Nullable(o.upper998)
        count = Nullable(o.count)
        denominator = Nullable(o.denominator)
        note = Nullable(o.note)
    }

    /// The row's CSV cells, in the order of ``NormalisedLoader/columns``; a missing figure or text is empty.
    var cells: [String] {
        [
            source, indicatorID, indicatorName, unit, polarity, areaCode, areaName, areaLevel, period, sex, age,
            categoryType, category, value.value.written(.asGiven), missing.value ?? "", lower95.value.written(.asGiven),
            upper95.value.written(.asGiven), lower998.value.written(.asGiven), upper998.value.written(.asGiven),
            count.value.written(.asGiven),
            denominator.value.written(.asGiven), note.value ?? "",
        ]
    }
}
