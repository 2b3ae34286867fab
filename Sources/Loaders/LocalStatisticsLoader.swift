import CSV
import Core
import Evidence

/// ONS "Explore local statistics" data in its tidy long layout, as ONS publishes it for each indicator
/// (claimant count, business demography, employment rate, gross value added, …):
/// `areacd,areanm,geography,indicator,period,observation,measure,unit,lci_95,uci_95,status,notes`.
/// `period` is ISO 8601 (`2024-01-01/P1Y` is the calendar year 2024, written `2024`); confidence limits load where
/// given; an empty observation with a `status` (e.g. `x`) is missing with that reason.
enum LocalStatisticsLoader: Loader {
    /// The format's name as a user would say it.
    public static let format = "ONS local statistics (Explore local statistics)"
    /// What the header must contain, for the message shown when no loader fits a file.
    public static let expects = "columns areacd, areanm, indicator, period, observation and unit"

    /// The columns the format must have, as ``HeaderName/key(_:)`` gives them.
    static let keys = ["areacd", "areanm", "indicator", "period", "observation"]

    /// True when a header is this format's.
    public static func matches(_ header: [String]) -> Bool {
        let present = Set(header.map(HeaderName.key))
        return keys.allSatisfy(present.contains)
    }

    /// Reads every row of the table into the sink.
    /// - Throws: `ToolkitError` at the file, line and column of the first cell or row that cannot be read.
    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        var reader = RowReader(table, into: sink)
        let (summary, outside) = try table.forEachRow(
            keepingAreasIn: reader.code, shape: .gss, keys: [reader.indicator, reader.period], options
        ) { row in
            try reader.read(row)
        }
        return LoadOutcome(csv: summary, outside: outside)
    }

    /// Reads a local statistics file's rows into a sink, with its columns found once from the header: each area
    /// and indicator the first time it is seen, then the row's figure with its confidence limits and note.
    private struct RowReader {
        let code: Int
        let name: Int
        let indicator: Int
        let period: Int
        let value: Int
        let unit: Int?
        let lower: Int?
        let upper: Int?
        let status: Int?
        let notes: Int?
        let file: String
        let header: [String]
        let sink: EvidenceSink
        private var seenAreas: Set<String> = []
        /// The periods already found to be ISO 8601: a file repeats a few periods on every area's rows.
        private var periods: Set<String> = []
        /// Each indicator's unit, as its first row gives it.
        private var units: [String: String] = [:]
        /// Indicator label → id, so each label is made a slug once.
        private var ids: [String: String] = [:]

        /// A reader of `table`'s rows, whose header ``LocalStatisticsLoader/matches(_:)`` accepts, giving what it
        /// reads to `sink`.
        init(_ table: CSVTable, into sink: EvidenceSink) {
            let index = HeaderName.index(table.header)
            code = index["areacd"]!
            name = index["areanm"]!
            indicator = index["indicator"]!
            period = index["period"]!
            value = index["observation"]!
            unit = index["unit"]
            lower = index["lci95"]
            upper = index["uci95"]
            status = index["status"]
            notes = index["notes"]
            file = table.path
            header = table.header
            self.sink = sink
        }

        /// Reads one row (of an area that is kept): gives the sink its area and indicator the first time each is
        /// seen, then its figure.
        /// - Throws: `ToolkitError` at an empty area code, a period that is not ISO 8601, a cell that cannot be read
        ///   or confidence limits that do not hold the value; what the sink throws.
        mutating func read(_ row: CSVRow) throws {
            let area = row[code].trimmedString
            guard !area.isEmpty else {
                throw ToolkitError(file: file, line: row.line, column: code + 1, "empty area code")
            }
            if seenAreas.insert(area).inserted { sink.add(Area(code: area, name: row[name].trimmedString)) }
            let id = try declareIndicator(of: row)
            let periodText = row[period].trimmedString
            if !periods.contains(periodText) {
                guard LocalStatisticsLoader.isPeriod(periodText) else {
                    throw ToolkitError(
                        file: file, line: row.line, column: period + 1,
                        "period \(ToolkitError.quoted(periodText)) is "
                            + "not an ISO 8601 date or interval such as 2024-01-01/P1Y")
                }
                periods.insert(periodText)
            }
            try sink.add(observation(of: id, in: area, period: periodText, from: row))
        }

        /// The id of the row's indicator, given to the sink (with the row's unit) the first time it is seen.
        /// - Throws: `ToolkitError` at the unit when an earlier row gave the indicator another unit.
        private mutating func declareIndicator(of row: CSVRow) throws -> String {
            let label = row[indicator].trimmedString
            let id = ids[label] ?? "ons-local:" + slug(label)
            ids[label] = id
            let rowUnit = unit.map { row[$0].trimmedString } ?? ""
            guard let known = units[id] else {
                units[id] = rowUnit
                sink.add(Indicator(id: id, name: label, unit: rowUnit, source: "ONS Explore local statistics"))
                return id
            }
            guard known != rowUnit, let column = unit else { return id }
            throw ToolkitError(
                file: file, line: row.line, column: column + 1,
                "unit \(ToolkitError.quoted(rowUnit)) for \(ToolkitError.quoted(label)), which earlier rows give in "
                    + "\(ToolkitError.quoted(known)): one indicator has one unit (split the file by unit)")
        }

        /// The row's figure: its value (missing with the row's status as reason when the status gives one),
        /// calendar period, 95% confidence limits (checked against the value) and note.
        /// - Throws: `ToolkitError` at a cell that is neither a number nor a marker, or at a lower confidence limit
        ///   above its upper or with the value outside them.
        private func observation(
            of id: String, in area: String, period periodText: String, from row: CSVRow
        ) throws -> Observation {
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
            return Observation(
                indicator: id, area: area, period: LocalStatisticsLoader.calendarPeriod(periodText),
                value: parsed.number, missing: parsed.missingReason,
                lower95: limits.0, upper95: limits.1,
                note: note?.isEmpty == false ? note : nil, source: file)
        }

        /// A cell's number; `nil` when it holds a missing-value marker or the file has no such column.
        /// - Throws: `ToolkitError` at the cell when it is neither a number nor a marker.
        private func number(_ row: CSVRow, _ column: Int?) throws -> Double? {
            guard let column else { return nil }
            return try NumericCell.parse(
                row[column], file: file, line: row.line, column: column + 1, columnName: header[column]
            ).number
        }
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
