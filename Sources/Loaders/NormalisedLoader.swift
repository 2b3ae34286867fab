import CSV
import Core
import Evidence

/// The toolkit's own normalised observations, as `svtk load --format csv` writes them: one row per figure with
/// its source, indicator, area, period, breakdown, value or missing reason, confidence limits, count,
/// denominator and note. Reading it back gives the same rows, so the output of one run is the input of the next.
///
/// The formula guard's `'` before text a spreadsheet would run is taken off again.
public enum NormalisedLoader: Loader {
    /// The format's name as a user would say it.
    public static let format = "svtk observations (svtk load --format csv)"
    /// What the header must contain, for the message shown when no loader fits a file.
    public static let expects = "the columns svtk load writes: " + columns.joined(separator: ", ")

    /// The columns, in the order `svtk load` writes them.
    public static let columns = [
        "source", "indicator_id", "indicator_name", "unit", "polarity", "area_code", "area_name",
        "area_level", "period", "sex", "age", "category_type", "category", "value", "missing",
        "lower_ci_95", "upper_ci_95", "lower_ci_99_8", "upper_ci_99_8", "count", "denominator",
        "note",
    ]

    /// True when a header is this format's.
    public static func matches(_ header: [String]) -> Bool { header.map(HeaderName.key) == columns.map(HeaderName.key) }

    /// Reads every row of the table into the sink.
    /// - Throws: `ToolkitError` at the file, line and column of the first cell or row that cannot be read.
    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        var declarations = IndicatorDeclarations()
        let descriptions = StringInterner(columns: columns.count)  // a row's name, unit and polarity, as written
        var seenAreas: Set<String> = []
        let (summary, outside) = try table.forEachRow(
            keepingAreasIn: 5, shape: .areaCode, keys: [1, 8, 9, 10, 11, 12], options
        ) { row in
            let cells = Cells(row: row, table: table)
            let indicator = try cells.required(1)
            let area = try cells.required(5)
            let name = descriptions.string(row[2].trimmed, column: 2)
            let unit = descriptions.string(row[3].trimmed, column: 3)
            let polarity = descriptions.string(row[4].trimmed, column: 4)
            if declarations.changes(indicator, name: name, unit: unit, polarity: polarity) {
                sink.add(
                    Indicator(
                        id: indicator, name: cells.text(2), unit: cells.text(3),
                        polarity: try cells.named(4, "polarity") ?? .unknown, source: cells.text(0)))
            }
            if seenAreas.insert(area).inserted {
                sink.add(Area(code: area, name: cells.text(6), level: try cells.named(7, "area level")))
            }
            try sink.add(try cells.observation(indicator: indicator, area: area))
        }
        return LoadOutcome(csv: summary, outside: outside)
    }

    /// What is wrong with text that should name one of `T`'s values (an area level, a missing reason), or `nil`
    /// when it names one or is empty. Shared by the CSV and JSON forms.
    static func unknownName<T: RawRepresentable & CaseIterable>(_ text: String, _: T.Type, _ what: String) -> String?
    where T.RawValue == String {
        guard !text.isEmpty, T(rawValue: text) == nil else { return nil }
        return "unknown \(what) \(ToolkitError.quoted(text)); one of "
            + T.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// What is wrong with an observation's value and missing reason (exactly one is given), or `nil`.
    static func valueOrMissingProblem(_ value: Double?, _ missing: MissingReason?) -> String? {
        guard (value == nil) == (missing == nil) else { return nil }
        return value == nil ? "no value and no missing reason: give one" : "a value and a missing reason: give one"
    }

    /// One row's cells, read with errors at their line and column.
    struct Cells {
        let row: CSVRow
        let table: CSVTable

        func text(_ column: Int) -> String { FormulaGuard.unguarding(row[column].trimmedString) }

        func required(_ column: Int) throws -> String {
            let value = text(column)
            guard !value.isEmpty else { throw error(column, "empty \(NormalisedLoader.columns[column])") }
            return value
        }

        func number(_ column: Int) throws -> Double? {
            try NumericCell.parse(
                row[column], file: table.path, line: row.line, column: column + 1,
                columnName: table.header[column]
            ).number
        }

        /// A named value (an area level, a missing reason), or nil for an empty cell.
        func named<T: RawRepresentable & CaseIterable>(_ column: Int, _ what: String) throws -> T?
        where T.RawValue == String {
            let value = text(column)
            if let problem = NormalisedLoader.unknownName(value, T.self, what) { throw error(column, problem) }
            return T(rawValue: value)
        }

        func observation(indicator: String, area: String) throws -> Observation {
            let value = try number(13)
            let missing: MissingReason? = try named(14, "missing reason")
            if let problem = NormalisedLoader.valueOrMissingProblem(value, missing) { throw error(13, problem) }
            let note = text(21)
            return Observation(
                indicator: indicator, area: area, period: text(8),
                breakdown: Breakdown(sex: text(9), age: text(10), categoryType: text(11), category: text(12)),
                value: value, missing: missing, lower95: try number(15), upper95: try number(16),
                lower998: try number(17), upper998: try number(18), count: try number(19), denominator: try number(20),
                note: note.isEmpty ? nil : note, source: text(0).isEmpty ? table.path : text(0))
        }

        private func error(_ column: Int, _ message: String) -> ToolkitError {
            ToolkitError(file: table.path, line: row.line, column: column + 1, message)
        }
    }
}
