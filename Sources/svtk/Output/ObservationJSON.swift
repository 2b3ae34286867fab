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
        text("{\"age\":", o.breakdown.age, &row)
        text(",\"area_code\":", o.area, &row)
        text(",\"area_level\":", area?.level.rawValue ?? "", &row)
        text(",\"area_name\":", area?.name ?? "", &row)
        text(",\"category\":", o.breakdown.category, &row)
        text(",\"category_type\":", o.breakdown.categoryType, &row)
        figure(",\"count\":", o.count, &row)
        figure(",\"denominator\":", o.denominator, &row)
        text(",\"indicator_id\":", o.indicator, &row)
        text(",\"indicator_name\":", indicator?.name ?? "", &row)
        figure(",\"lower_ci_95\":", o.lower95, &row)
        figure(",\"lower_ci_99_8\":", o.lower998, &row)
        text(",\"missing\":", o.missing?.rawValue, &row)
        text(",\"note\":", o.note, &row)
        text(",\"period\":", o.period, &row)
        text(",\"polarity\":", indicator?.polarity.rawValue ?? "", &row)
        text(",\"sex\":", o.breakdown.sex, &row)
        text(",\"source\":", o.source, &row)
        text(",\"unit\":", indicator?.unit ?? "", &row)
        figure(",\"upper_ci_95\":", o.upper95, &row)
        figure(",\"upper_ci_99_8\":", o.upper998, &row)
        figure(",\"value\":", o.value, &row)
        row.append("}")
    }

    /// A member holding text, or `null`, after what comes before its name.
    private static func text(_ name: StaticString, _ value: String?, _ row: inout CSVRowBytes) {
        row.append(name)
        row.appendJSON(string: value)
    }

    /// A member holding a figure, or `null`, after what comes before its name.
    private static func figure(_ name: StaticString, _ value: Double?, _ row: inout CSVRowBytes) {
        row.append(name)
        row.appendJSON(figure: value)
    }
}
