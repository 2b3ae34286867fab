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
        opening(code: o.area, area, breakdown: o.breakdown, &row)
        row.appendJSON(figure: o.count)
        figure(",\"denominator\":", o.denominator, &row)
        indicatorMembers(id: o.indicator, indicator, &row)
        figure(",\"lower_ci_95\":", o.lower95, &row)
        figure(",\"lower_ci_99_8\":", o.lower998, &row)
        text(",\"missing\":", o.missing?.rawValue, &row)
        text(",\"note\":", o.note, &row)
        text(",\"period\":", o.period, &row)
        polarityToUnit(indicator, sex: o.breakdown.sex, source: o.source, &row)
        figure(",\"upper_ci_95\":", o.upper95, &row)
        figure(",\"upper_ci_99_8\":", o.upper998, &row)
        figure(",\"value\":", o.value, &row)
        row.append("}")
    }

    /// The members a wide table's object (``BatchJSON``, no breakdown) opens with, up to the count's name: its area's.
    static func areaMembers(code: String, _ area: (name: String, level: AreaLevel)?) -> [UInt8] {
        CSVRowBytes.array { opening(code: code, area, breakdown: Breakdown(), &$0) }
    }

    /// The period member of a wide table's object, with the comma before it.
    static func periodMember(_ period: String) -> [UInt8] { CSVRowBytes.array { text(",\"period\":", period, &$0) } }

    /// A wide table's indicator's two runs of members in its objects: from the indicator to the name of `missing`,
    /// and from the polarity (after the period) to the name of `value`.
    static func slotMembers(indicator id: String, _ indicator: Indicator?, source: String) -> ([UInt8], [UInt8]) {
        let toMissing = CSVRowBytes.array { row in
            indicatorMembers(id: id, indicator, &row)
            row.append(",\"lower_ci_95\":null,\"lower_ci_99_8\":null,\"missing\":")
        }
        let toValue = CSVRowBytes.array { row in
            polarityToUnit(indicator, sex: "", source: source, &row)
            row.append(",\"upper_ci_95\":null,\"upper_ci_99_8\":null,\"value\":")
        }
        return (toMissing, toValue)
    }

    /// The object's opening, from `age` to the name of `count`: the breakdown's parts but sex, and the area's.
    private static func opening(
        code: String, _ area: (name: String, level: AreaLevel)?, breakdown: Breakdown, _ row: inout CSVRowBytes
    ) {
        text("{\"age\":", breakdown.age, &row)
        text(",\"area_code\":", code, &row)
        text(",\"area_level\":", area?.level.rawValue ?? "", &row)
        text(",\"area_name\":", area?.name ?? "", &row)
        text(",\"category\":", breakdown.category, &row)
        text(",\"category_type\":", breakdown.categoryType, &row)
        row.append(",\"count\":")
    }

    /// The indicator's id and name.
    private static func indicatorMembers(id: String, _ indicator: Indicator?, _ row: inout CSVRowBytes) {
        text(",\"indicator_id\":", id, &row)
        text(",\"indicator_name\":", indicator?.name ?? "", &row)
    }

    /// The members from `polarity` to `unit`: the indicator's polarity, the sex, the file and the indicator's unit.
    private static func polarityToUnit(_ indicator: Indicator?, sex: String, source: String, _ row: inout CSVRowBytes) {
        text(",\"polarity\":", indicator?.polarity.rawValue ?? "", &row)
        text(",\"sex\":", sex, &row)
        text(",\"source\":", source, &row)
        text(",\"unit\":", indicator?.unit ?? "", &row)
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
