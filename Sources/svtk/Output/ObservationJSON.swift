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

    /// The members a wide table's object (``BatchJSON``, no breakdown) opens with, up to the count's name: its area's.
    static func areaMembers(code: String, _ area: (name: String, level: AreaLevel)?) -> [UInt8] {
        CSVRowBytes.array { row in
            text("{\"age\":", "", &row)
            text(",\"area_code\":", code, &row)
            text(",\"area_level\":", area?.level.rawValue ?? "", &row)
            text(",\"area_name\":", area?.name ?? "", &row)
            text(",\"category\":", "", &row)
            text(",\"category_type\":", "", &row)
            row.append(",\"count\":")
        }
    }

    /// The period member of a wide table's object, with the comma before it.
    static func periodMember(_ period: String) -> [UInt8] { CSVRowBytes.array { text(",\"period\":", period, &$0) } }

    /// A wide table's indicator's two runs of members in its objects: from the indicator to the name of `missing`,
    /// and from the polarity (after the period) to the name of `value`.
    static func slotMembers(indicator id: String, _ indicator: Indicator?, source: String) -> ([UInt8], [UInt8]) {
        let toMissing = CSVRowBytes.array { row in
            text(",\"indicator_id\":", id, &row)
            text(",\"indicator_name\":", indicator?.name ?? "", &row)
            row.append(",\"lower_ci_95\":null,\"lower_ci_99_8\":null,\"missing\":")
        }
        let toValue = CSVRowBytes.array { row in
            text(",\"polarity\":", indicator?.polarity.rawValue ?? "", &row)
            text(",\"sex\":", "", &row)
            text(",\"source\":", source, &row)
            text(",\"unit\":", indicator?.unit ?? "", &row)
            row.append(",\"upper_ci_95\":null,\"upper_ci_99_8\":null,\"value\":")
        }
        return (toMissing, toValue)
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
