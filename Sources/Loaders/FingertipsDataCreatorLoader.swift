import CSV
import Core
import Evidence

/// Fingertips values re-shaped by DHSC's FingertipsNext DataCreator: numeric IDs for indicator, age and sex
/// (`IndicatorID,Year,AgeID,SexID,AreaCode,Count,Value,LowerCI,UpperCI,Denominator`).
///
/// Age and sex stay as the IDs the file gives (`age ID 163`, `sex ID 4`): the file has no labels, and
/// none are guessed. Indicator names come from a Fingertips metadata file loaded alongside.
enum FingertipsDataCreatorLoader: Loader {
    /// The format's name as a user would say it.
    public static let format = "Fingertips DataCreator table"
    /// What the header must contain, for the message shown when no loader fits a file.
    public static let expects = "columns IndicatorID, Year, AgeID, SexID, AreaCode and Value"

    /// True when a header is this format's.
    public static func matches(_ header: [String]) -> Bool {
        let keys = Set(header.map(HeaderName.key))
        return ["indicatorid", "year", "ageid", "sexid", "areacode", "value"].allSatisfy(keys.contains)
    }

    /// Reads every row of the table into the sink.
    /// - Throws: `ToolkitError` at the file, line and column of the first cell or row that cannot be read.
    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        let index = HeaderName.index(table.header)
        let id = index["indicatorid"]!
        let year = index["year"]!
        let age = index["ageid"]!
        let sex = index["sexid"]!
        let code = index["areacode"]!
        let value = index["value"]!
        let lower = index["lowerci"]
        let upper = index["upperci"]
        let count = index["count"]
        let denominator = index["denominator"]
        var seenIndicators: Set<String> = []
        var seenAreas: Set<String> = []
        let file = table.path
        let header = table.header
        func number(_ row: CSVRow, _ column: Int?) throws -> NumericCell.Value? {
            guard let column else { return nil }
            return try NumericCell.parse(
                row[column], file: file, line: row.line, column: column + 1,
                columnName: header[column])
        }
        let (summary, outside) = try table.forEachRow(
            keepingAreasIn: code, shape: .areaCode, keys: [id, year, sex, age], options
        ) { row in
            let indicator = row[id].trimmedString
            if seenIndicators.insert(indicator).inserted {
                sink.add(Indicator(id: indicator, name: "Fingertips indicator \(indicator)", source: "OHID Fingertips"))
            }
            let area = row[code].trimmedString
            if seenAreas.insert(area).inserted { sink.add(Area(code: area, name: area)) }
            let parsed = try number(row, value)!
            let limits = (try number(row, lower)?.number, try number(row, upper)?.number)
            try ConfidenceLimits.check(
                value: parsed.number, lower: limits.0, upper: limits.1, level: "95%",
                file: file, line: row.line, column: lower.map { $0 + 1 })
            try sink.add(
                Observation(
                    indicator: indicator, area: area, period: row[year].trimmedString,
                    breakdown: Breakdown(
                        sex: "sex ID \(row[sex].trimmedString)", age: "age ID \(row[age].trimmedString)"),
                    value: parsed.number, missing: parsed.missingReason,
                    lower95: limits.0, upper95: limits.1,
                    count: try number(row, count)?.number, denominator: try number(row, denominator)?.number,
                    source: file))
        }
        return LoadOutcome(
            csv: summary,
            warnings: [
                "age and sex are numeric Fingertips IDs without labels in this file; they are kept as IDs",
                "confidence limits are taken as 95% limits (the file does not state the level)",
            ], outside: outside)
    }
}
