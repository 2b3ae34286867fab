import CSV
import Evidence

/// ONS "Explore local statistics" data in its tidy long layout, as ONS publishes it for each indicator
/// (claimant count, business demography, employment rate, gross value added, …):
/// `areacd,areanm,geography,indicator,period,observation,measure,unit,lci_95,uci_95,status,notes`.
/// `period` is ISO 8601 (`2024-01-01/P1Y` is the calendar year 2024, written `2024`); confidence limits load where
/// given; an empty observation with a `status` (e.g. `x`) is missing with that reason.
public enum LocalStatisticsLoader: Loader {
    /// The format's name as a user would say it.
    public static let format = "ONS local statistics (Explore local statistics)"
    /// What the header must contain, for the message shown when no loader fits a file.
    public static let expects = "columns areacd, areanm, indicator, period, observation and unit"

    /// True when a header is this format's.
    public static func matches(_ header: [String]) -> Bool {
        let keys = Set(header.map(HeaderName.key))
        return ["areacd", "areanm", "indicator", "period", "observation"].allSatisfy(keys.contains)
    }

    /// Reads every row of the table into the sink.
    /// - Throws: `InputError` at the file, line and column of the first cell or row that cannot be read.
    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        let index = HeaderName.index(table.header)
        let code = index["areacd"]!
        let name = index["areanm"]!
        let indicator = index["indicator"]!
        let period = index["period"]!
        let value = index["observation"]!
        let unit = index["unit"]
        let lower = index["lci95"]
        let upper = index["uci95"]
        let status = index["status"]
        let notes = index["notes"]
        var seenAreas: Set<String> = []
        var seenIndicators: Set<String> = []
        var ids: [String: String] = [:]  // indicator label → id, so each label is made a slug once
        let file = table.path
        let header = table.header
        func number(_ row: CSVRow, _ column: Int?) throws -> Double? {
            guard let column else { return nil }
            return try NumericCell.parse(
                row[column], file: file, line: row.line, column: column + 1, columnName: header[column]
            ).number
        }
        var outside = 0
        let summary = try table.forEachRow(progress: options.progress) { row in
            guard options.keeps(row[code]) else {
                outside += 1
                return
            }
            let area = row[code].trimmedString
            guard !area.isEmpty else {
                throw InputError(file: file, line: row.line, column: code + 1, "empty area code")
            }
            if seenAreas.insert(area).inserted { sink.add(Area(code: area, name: row[name].trimmedString)) }
            let label = row[indicator].trimmedString
            let id = ids[label] ?? "ons-local:" + slug(label)
            ids[label] = id
            if seenIndicators.insert(id).inserted {
                sink.add(
                    Indicator(
                        id: id, name: label, unit: unit.map { row[$0].trimmedString } ?? "",
                        source: "ONS Explore local statistics"))
            }
            let periodText = row[period].trimmedString
            guard isPeriod(periodText) else {
                throw InputError(
                    file: file, line: row.line, column: period + 1,
                    "period \(InputError.quoted(periodText)) is "
                        + "not an ISO 8601 date or interval such as 2024-01-01/P1Y")
            }
            var parsed = try NumericCell.parse(
                row[value], file: file, line: row.line, column: value + 1, columnName: header[value])
            if parsed.number == nil, let status, let reason = MissingReason(marker: row[status].trimmedString) {
                parsed = .missing(reason)
            }
            let limits = (try number(row, lower), try number(row, upper))
            try ConfidenceLimits.check(
                value: parsed.number, lower: limits.0, upper: limits.1, level: "95%",
                file: file, line: row.line, column: lower.map { $0 + 1 })
            let note = notes.map { row[$0].trimmedString }
            try sink.add(
                Observation(
                    indicator: id, area: area, period: calendarPeriod(periodText),
                    value: parsed.number, missing: parsed.missingReason,
                    lower95: limits.0, upper95: limits.1,
                    note: note?.isEmpty == false ? note : nil, source: file))
        }
        return LoadOutcome(csv: summary, outside: outside)
    }

    /// `2024-01-01/P1Y` → `2024`; any other period as written.
    /// True for an ISO 8601 date (`2024`, `2024-04`, `2024-04-01`) that exists, optionally followed by a
    /// duration (`/P1Y`, `/P3M`, `/P1W`, `/P7D`): the periods ONS writes.
    static func isPeriod(_ text: String) -> Bool {
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(halves.count) else { return false }
        if halves.count == 2 {
            let duration = halves[1]
            guard duration.count >= 3, duration.first == "P", let unit = duration.last, "YMWD".contains(unit),
                duration.dropFirst().dropLast().allSatisfy(\.isASCII), Int(duration.dropFirst().dropLast()) != nil
            else { return false }
        }
        let parts = halves[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...3).contains(parts.count), halves[0].split(separator: "-").first?.count == 4,
            let year = parts[0], (1000...9999).contains(year)
        else { return false }
        guard parts.count > 1 else { return true }
        guard let month = parts[1], (1...12).contains(month) else { return false }
        guard parts.count > 2 else { return true }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard let day = parts[2], (1...days).contains(day) else { return false }
        return true
    }

    static func calendarPeriod(_ text: String) -> String {
        let parts = text.split(separator: "/")
        guard parts.count == 2, parts[1] == "P1Y", parts[0].hasSuffix("-01-01"), parts[0].count == 10 else {
            return text
        }
        return String(parts[0].prefix(4))
    }
}
