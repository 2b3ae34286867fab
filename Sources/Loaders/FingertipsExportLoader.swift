import CSV
import Core
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

    /// The columns every export has, as ``HeaderName/key(_:)`` gives them.
    static let keys = ["indicatorid", "indicatorname", "areacode", "timeperiod", "value"]

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
            keepingAreasIn: reader.columns.code, shape: .areaCode, keys: reader.columns.keys, options
        ) { row in
            try reader.read(row)
        }
        var warnings: [String] = []
        if !reader.columns.unread.isEmpty {
            warnings.append(
                "column(s) \(reader.columns.unread.joined(separator: ", ")) not read: svtk reads a Fingertips export's "
                    + "columns under Fingertips' own names (Lower CI 95.0 limit, Count, Sex, …); rename one to read it")
        }
        if !reader.seenIndicators.isEmpty {
            warnings.append(
                "Fingertips exports carry no polarity: load the indicator metadata file, "
                    + "or rely on the taxonomy, to judge better or worse")
        }
        return LoadOutcome(csv: summary, warnings: warnings, outside: outside)
    }

    /// Where an export's columns are, found once from its header: the five every export has, and the others
    /// under any of their spellings (`nil` when the file lacks them).
    private struct Columns {
        let id: Int
        let name: Int
        let code: Int
        let period: Int
        let value: Int
        let areaName: Int?
        let parentCode: Int?
        let parentName: Int?
        let sex: Int?
        let age: Int?
        let categoryType: Int?
        let category: Int?
        let lower95: Int?
        let upper95: Int?
        let lower998: Int?
        let upper998: Int?
        let count: Int?
        let denominator: Int?
        let note: Int?
        let trend: Int?
        let versusEngland: Int?
        let versusParent: Int?

        /// The header's columns read under none of their known names, nor known to hold nothing svtk keeps.
        let unread: [String]

        /// Columns Fingertips writes that hold nothing a figure keeps: the area's type, the period's sort key and
        /// range, whether the data are new, and the comparison with a goal.
        static let notKept: Set<String> = [
            "areatype", "columnnotused", "timeperiodsortable", "newdata", "comparedtogoal", "timeperiodrange",
        ]

        /// The columns that file a figure besides its area: a hidden character in one would make a phantom.
        var keys: [Int?] { [id, period, sex, age, categoryType, category] }

        /// Finds the columns in a header that ``FingertipsExportLoader/matches(_:)`` accepts.
        init(_ header: [String]) {
            let index = HeaderName.index(header)
            var known = Self.notKept.union(FingertipsExportLoader.keys)
            func column(_ keys: String...) -> Int? {
                known.formUnion(keys)
                return keys.lazy.compactMap { index[$0] }.first
            }
            id = index["indicatorid"]!
            name = index["indicatorname"]!
            code = index["areacode"]!
            period = index["timeperiod"]!
            value = index["value"]!
            areaName = column("areaname")
            parentCode = column("parentcode")
            parentName = column("parentname")
            sex = column("sex")
            age = column("age")
            categoryType = column("categorytype")
            category = column("category")
            lower95 = column("lowerci950limit", "lowerci95limit")
            upper95 = column("upperci950limit", "upperci95limit")
            lower998 = column("lowerci998limit")
            upper998 = column("upperci998limit")
            count = column("count")
            denominator = column("denominator")
            note = column("valuenote")
            trend = column("recenttrend")
            versusEngland = column("comparedtoenglandvalueorpercentiles")
            versusParent = column(
                "comparedtoregionvalueorpercentiles", "comparedtoparentvalueorpercentiles",
                "comparedtoparentvalueorpercentile")
            unread = header.filter { !known.contains(HeaderName.key($0)) && !$0.isEmpty }
        }
    }

    /// Reads an export's rows into a sink: each indicator and area the first time it is seen, then the row's
    /// figure with its breakdown, confidence limits, count, denominator and notes.
    private struct RowReader {
        let columns: Columns
        /// The file, header and interned texts that cells are read with.
        let cells: Cells
        let sink: EvidenceSink
        /// The indicators and areas already given to the sink.
        private(set) var seenIndicators: Set<String> = []
        private var seenAreas: Set<String> = []
        /// The figure being read, kept from row to row: a text is replaced only where its column differs from the
        /// last row's, and most columns of a sorted export repeat, so most rows copy and release no `String`.
        private var figure: Observation
        /// The row's parent area code, kept from row to row as the figure's texts are.
        private var parent: String?

        /// A reader of `table`'s rows, giving what it reads to `sink`.
        init(_ table: CSVTable, into sink: EvidenceSink) {
            columns = Columns(table.header)
            cells = Cells(table)
            self.sink = sink
            figure = Observation(indicator: "", area: "", period: "", value: nil, source: table.path)
        }

        /// Reads one row (of an area that is kept) into the sink.
        /// - Throws: `ToolkitError` at an empty indicator ID or area code, or at a cell that cannot be read.
        mutating func read(_ row: CSVRow) throws {
            let newIndicator = cells.update(&figure.indicator, row, columns.id)
            guard !figure.indicator.isEmpty else {
                throw ToolkitError(file: cells.file, line: row.line, column: columns.id + 1, "empty indicator ID")
            }
            let newArea = cells.update(&figure.area, row, columns.code)
            guard !figure.area.isEmpty else {
                throw ToolkitError(file: cells.file, line: row.line, column: columns.code + 1, "empty area code")
            }
            declare(newIndicator: newIndicator, newArea: newArea, from: row)
            try readFigure(row)
            try sink.add(figure)
        }

        /// Gives the sink the row's indicator, its area's parent and its area, each the first time it is seen.
        /// `newIndicator` and `newArea` tell whether the row's indicator and area differ from the last row's.
        private mutating func declare(newIndicator: Bool, newArea: Bool, from row: CSVRow) {
            let newParent = cells.update(&parent, row, columns.parentCode)
            if newIndicator, seenIndicators.insert(figure.indicator).inserted {
                let title = cells.text(row, columns.name)
                sink.add(
                    Indicator(
                        id: figure.indicator, name: title, unit: FingertipsUnit.guess(fromName: title),
                        source: "OHID Fingertips"))
            }
            if newParent, let parent, seenAreas.insert(parent).inserted {
                sink.add(Area(code: parent, name: cells.text(row, columns.parentName)))
            }
            if newArea, seenAreas.insert(figure.area).inserted {
                sink.add(Area(code: figure.area, name: cells.text(row, columns.areaName), parent: parent))
            }
        }

        /// Reads the row's figure: its value, breakdown and period, both pairs of confidence limits (checked
        /// against the value), count, denominator, value note, recent trend and comparisons. An empty value whose
        /// note says it was suppressed is missing as suppressed, not empty.
        /// - Throws: `ToolkitError` at a cell that is neither a number nor a marker, or at a lower confidence limit
        ///   above its upper or with the value outside them.
        private mutating func readFigure(_ row: CSVRow) throws {
            let parsed = try NumericCell.parse(
                row[columns.value], file: cells.file, line: row.line, column: columns.value + 1,
                columnName: cells.header[columns.value])
            let limits95 = (try cells.number(row, columns.lower95), try cells.number(row, columns.upper95))
            let limits998 = (try cells.number(row, columns.lower998), try cells.number(row, columns.upper998))
            try ConfidenceLimits.check(
                value: parsed.number, lower: limits95.0, upper: limits95.1, level: "95%",
                file: cells.file, line: row.line, column: columns.lower95.map { $0 + 1 })
            try ConfidenceLimits.check(
                value: parsed.number, lower: limits998.0, upper: limits998.1, level: "99.8%",
                file: cells.file, line: row.line, column: columns.lower998.map { $0 + 1 })
            cells.update(&figure.period, row, columns.period)
            cells.update(&figure.breakdown.sex, row, columns.sex)
            cells.update(&figure.breakdown.age, row, columns.age)
            cells.update(&figure.breakdown.categoryType, row, columns.categoryType)
            cells.update(&figure.breakdown.category, row, columns.category)
            figure.value = parsed.number
            figure.missing = parsed.missingReason
            (figure.lower95, figure.upper95) = limits95
            (figure.lower998, figure.upper998) = limits998
            figure.count = try cells.number(row, columns.count)
            figure.denominator = try cells.number(row, columns.denominator)
            cells.update(&figure.note, row, columns.note)
            if figure.missing == .empty { figure.missing = MissingReason(emptyCellWithNote: figure.note) }
            cells.update(&figure.comparedToEngland, row, columns.versusEngland)
            cells.update(&figure.comparedToParent, row, columns.versusParent)
            cells.update(&figure.recentTrend, row, columns.trend)
        }
    }

    /// What reading a cell needs besides the row: the file and header to name in a message, and the interned texts.
    /// Kept apart from ``RowReader``, whose `mutating` methods would otherwise copy the whole reader (some 700 bytes)
    /// for each call to these.
    private struct Cells {
        let file: String
        let header: [String]
        /// Repeated indicator names, breakdowns and notes share one `String`.
        private let strings: StringInterner

        /// What reading `table`'s cells needs, with no text interned yet.
        init(_ table: CSVTable) {
            file = table.path
            header = table.header
            strings = StringInterner(columns: table.header.count)
        }

        /// A cell's text, trimmed; empty when the file has no such column.
        func text(_ row: CSVRow, _ column: Int?) -> String {
            guard let column else { return "" }
            return strings.string(row[column].trimmed, column: column)
        }

        /// Sets `text` to a cell's text, trimmed (unchanged when the file has no such column).
        /// - Returns: true when the cell differs from the last row's.
        @discardableResult
        func update(_ text: inout String, _ row: CSVRow, _ column: Int?) -> Bool {
            guard let column else { return false }
            return strings.update(&text, to: row[column].trimmed, column: column)
        }

        /// Sets an optional `text` to a cell's text, trimmed, or `nil` when the cell is empty (unchanged when the
        /// file has no such column).
        /// - Returns: true when the cell differs from the last row's.
        @discardableResult
        func update(_ text: inout String?, _ row: CSVRow, _ column: Int?) -> Bool {
            guard let column else { return false }
            return strings.update(&text, to: row[column].trimmed, column: column)
        }

        /// A cell's number; `nil` when it holds a missing-value marker or the file has no such column.
        /// - Throws: `ToolkitError` at the cell when it is neither a number nor a marker.
        func number(_ row: CSVRow, _ column: Int?) throws -> Double? {
            guard let column else { return nil }
            return try NumericCell.parse(
                row[column], file: file, line: row.line, column: column + 1,
                columnName: header[column]
            ).number
        }
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
