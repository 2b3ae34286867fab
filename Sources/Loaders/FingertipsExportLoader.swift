import CSV
import Evidence

/// OHID Fingertips data exports (the JSNA source): the 26- and 27-column layouts with any of their header
/// spellings (`Indicator ID` or `IndicatorID`, `Area Name` or `AreaName`, `Lower CI 95.0 limit` or
/// `Lower_CI_95.0_limit`, `Compared to Region…`, `…parent…` or `Column not used`).
///
/// Every breakdown (sex, age, category type and category) and period form is kept as written; both
/// confidence levels, count, denominator, value note, recent trend and the "compared to" columns are kept.
public enum FingertipsExportLoader: Loader {
    /// The format's name as a user would say it.
    public static let format = "OHID Fingertips export"
    /// What the header must contain, for the message shown when no loader fits a file.
    public static let expects =
        "columns Indicator ID, Indicator Name, Area Code, Time period and Value "
        + "(any spacing or underscores), as Fingertips' data downloads have"

    /// True when a header is this format's.
    public static func matches(_ header: [String]) -> Bool {
        let keys = Set(header.map(HeaderName.key))
        return ["indicatorid", "indicatorname", "areacode", "timeperiod", "value"].allSatisfy(keys.contains)
    }

    /// Reads every row of the table into the sink.
    /// - Throws: `InputError` at the file, line and column of the first cell or row that cannot be read.
    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        let index = HeaderName.index(table.header)
        func column(_ keys: String...) -> Int? { keys.lazy.compactMap { index[$0] }.first }
        let id = index["indicatorid"]!
        let name = index["indicatorname"]!
        let code = index["areacode"]!
        let period = index["timeperiod"]!
        let value = index["value"]!
        let areaName = column("areaname")
        let parentCode = column("parentcode")
        let parentName = column("parentname")
        let sex = column("sex")
        let age = column("age")
        let categoryType = column("categorytype")
        let category = column("category")
        let lower95 = column("lowerci950limit", "lowerci95limit")
        let upper95 = column("upperci950limit", "upperci95limit")
        let lower998 = column("lowerci998limit")
        let upper998 = column("upperci998limit")
        let count = column("count")
        let denominator = column("denominator")
        let note = column("valuenote")
        let trend = column("recenttrend")
        let versusEngland = column("comparedtoenglandvalueorpercentiles")
        let versusParent = column(
            "comparedtoregionvalueorpercentiles", "comparedtoparentvalueorpercentiles",
            "comparedtoparentvalueorpercentile")
        let strings = StringInterner()
        var seenIndicators: Set<String> = []
        var seenAreas: Set<String> = []
        let file = table.path
        let header = table.header

        func text(_ row: CSVRow, _ column: Int?) -> String {
            guard let column else { return "" }
            return strings.string(row[column].trimmed)
        }
        func optionalText(_ row: CSVRow, _ column: Int?) -> String? {
            guard let column, !row[column].trimmed.isEmpty else { return nil }
            return strings.string(row[column].trimmed)
        }
        func number(_ row: CSVRow, _ column: Int?) throws -> Double? {
            guard let column else { return nil }
            return try NumericCell.parse(
                row[column], file: file, line: row.line, column: column + 1,
                columnName: header[column]
            ).number
        }

        var outside = 0
        let summary = try table.forEachRow(progress: options.progress) { row in
            guard options.keeps(row[code]) else {
                outside += 1
                return
            }
            let indicator = text(row, id)
            guard !indicator.isEmpty else {
                throw InputError(file: file, line: row.line, column: id + 1, "empty indicator ID")
            }
            let area = text(row, code)
            guard !area.isEmpty else {
                throw InputError(file: file, line: row.line, column: code + 1, "empty area code")
            }
            if seenIndicators.insert(indicator).inserted {
                let title = text(row, name)
                sink.add(
                    Indicator(
                        id: indicator, name: title, unit: FingertipsUnit.guess(fromName: title),
                        source: "OHID Fingertips"))
            }
            if let parent = optionalText(row, parentCode), seenAreas.insert(parent).inserted {
                sink.add(Area(code: parent, name: text(row, parentName)))
            }
            if seenAreas.insert(area).inserted {
                sink.add(Area(code: area, name: text(row, areaName), parent: optionalText(row, parentCode)))
            }
            let parsed = try NumericCell.parse(
                row[value], file: file, line: row.line, column: value + 1,
                columnName: header[value])
            let limits95 = (try number(row, lower95), try number(row, upper95))
            let limits998 = (try number(row, lower998), try number(row, upper998))
            try ConfidenceLimits.check(
                value: parsed.number, lower: limits95.0, upper: limits95.1, level: "95%",
                file: file, line: row.line, column: lower95.map { $0 + 1 })
            try ConfidenceLimits.check(
                value: parsed.number, lower: limits998.0, upper: limits998.1, level: "99.8%",
                file: file, line: row.line, column: lower998.map { $0 + 1 })
            try sink.add(
                Observation(
                    indicator: indicator, area: area, period: text(row, period),
                    breakdown: Breakdown(
                        sex: text(row, sex), age: text(row, age),
                        categoryType: text(row, categoryType), category: text(row, category)),
                    value: parsed.number, missing: parsed.missingReason,
                    lower95: limits95.0, upper95: limits95.1, lower998: limits998.0, upper998: limits998.1,
                    count: try number(row, count), denominator: try number(row, denominator),
                    note: optionalText(row, note),
                    comparedToEngland: optionalText(row, versusEngland),
                    comparedToParent: optionalText(row, versusParent),
                    recentTrend: optionalText(row, trend), source: file))
        }
        var warnings: [String] = []
        if !seenIndicators.isEmpty {
            warnings.append(
                "Fingertips exports carry no polarity: load the indicator metadata file, "
                    + "or rely on the taxonomy, to judge better or worse")
        }
        return LoadOutcome(csv: summary, warnings: warnings, outside: outside)
    }
}

/// Fingertips exports do not carry a unit column; the indicator name usually states it.
enum FingertipsUnit {
    static func guess(fromName name: String) -> String {
        let lower = name.lowercased()
        if lower.contains("per 100,000") || lower.contains("per 100000") { return "per 100,000" }
        if lower.contains("per 1,000") || lower.contains("per 1000") { return "per 1,000" }
        if lower.contains("%") || lower.contains("percentage") || lower.contains("proportion") { return "%" }
        if lower.contains("years of life lost") { return "years" }
        if lower.contains("rate") { return "rate" }
        return ""
    }
}
