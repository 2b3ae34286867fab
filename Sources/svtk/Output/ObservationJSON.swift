import CSV
import Evidence

/// One observation as a JSON object on one line, as `svtk load --format json` writes it: the CSV's columns as members
/// (``NormalisedLoader/columns``), in sorted order, a figure a number or `null`, `missing` and `note` `null` when
/// absent; the bytes `JSONOutput`'s encoder would write for it, put together without a `String` per member.
enum ObservationJSON {
    /// Appends the observation's object, with its indicator's name, unit and polarity and its area's name and level,
    /// each empty when not known.
    /// - Complexity: O(*n*) in the bytes written.
    static func append(
        _ o: Observation, indicator: Indicator?, area: (name: String, level: AreaLevel)?, to row: inout CSVRowBytes
    ) {
        row.append("{\"age\":")
        row.appendJSON(string: o.breakdown.age)
        row.append(",\"area_code\":")
        row.appendJSON(string: o.area)
        row.append(",\"area_level\":")
        row.appendJSON(string: area?.level.rawValue ?? "")
        row.append(",\"area_name\":")
        row.appendJSON(string: area?.name ?? "")
        row.append(",\"category\":")
        row.appendJSON(string: o.breakdown.category)
        row.append(",\"category_type\":")
        row.appendJSON(string: o.breakdown.categoryType)
        row.append(",\"count\":")
        row.appendJSON(figure: o.count)
        row.append(",\"denominator\":")
        row.appendJSON(figure: o.denominator)
        row.append(",\"indicator_id\":")
        row.appendJSON(string: o.indicator)
        row.append(",\"indicator_name\":")
        row.appendJSON(string: indicator?.name ?? "")
        row.append(",\"lower_ci_95\":")
        row.appendJSON(figure: o.lower95)
        row.append(",\"lower_ci_99_8\":")
        row.appendJSON(figure: o.lower998)
        appendRest(o, indicator: indicator, to: &row)
    }

    /// The members from `missing` on.
    private static func appendRest(_ o: Observation, indicator: Indicator?, to row: inout CSVRowBytes) {
        row.append(",\"missing\":")
        row.appendJSON(string: o.missing?.rawValue)
        row.append(",\"note\":")
        row.appendJSON(string: o.note)
        row.append(",\"period\":")
        row.appendJSON(string: o.period)
        row.append(",\"polarity\":")
        row.appendJSON(string: indicator?.polarity.rawValue ?? "")
        row.append(",\"sex\":")
        row.appendJSON(string: o.breakdown.sex)
        row.append(",\"source\":")
        row.appendJSON(string: o.source)
        row.append(",\"unit\":")
        row.appendJSON(string: indicator?.unit ?? "")
        row.append(",\"upper_ci_95\":")
        row.appendJSON(figure: o.upper95)
        row.append(",\"upper_ci_99_8\":")
        row.appendJSON(figure: o.upper998)
        row.append(",\"value\":")
        row.appendJSON(figure: o.value)
        row.append("}")
    }
}
