import CSV
import Core
import Evidence
import Foundation

/// Ward profile tables and other wide tables: an area per row (the first column its code, e.g. `Ward code`
/// or `WD22CD`), an indicator per column. An optional name column (`…name…` or `…NM`) and period column
/// (`period`, `year`, `date`) are recognised.
///
/// Units, polarity, names and periods come from a sidecar metadata CSV: `--metadata FILE`, or
/// `<table>.meta.csv` beside the table (format in `Datasets/README.md`). Columns it does not describe load
/// with their header as name and no unit or polarity, and are listed in a warning.
public enum WardProfileLoader: Loader {
    /// The format's name as a user would say it.
    public static let format = "ward profile table (wide)"
    /// What the header must contain, for the message shown when no loader fits a file.
    public static let expects =
        "an area code first column (header ending in \"code\" or \"CD\"), "
        + "then one numeric column per indicator"

    /// True when a header is this format's.
    public static func matches(_ header: [String]) -> Bool {
        guard header.count >= 2, let first = header.first.map(HeaderName.key) else { return false }
        return first.hasSuffix("code") || (first.hasSuffix("cd") && first.count > 2)
    }

    /// Reads every row of the table into the sink.
    /// - Throws: `ToolkitError` at the file, line and column of the first cell or row that cannot be read.
    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        let sidecarPath = options.metadata ?? Self.defaultSidecar(for: table.path)
        let metadata = try sidecarPath.map { try ProfileMetadata.load($0) } ?? [:]
        if let sidecarPath { try checkSidecar(metadata, at: sidecarPath, against: table) }
        var reader = RowReader(table, metadata: metadata, into: sink)
        let (summary, outside) = try table.forEachRow(
            keepingAreasIn: 0, shape: .areaCode, keys: [reader.periodColumn], options
        ) { row in
            try reader.read(row)
        }
        return LoadOutcome(
            csv: summary,
            warnings: warnings(
                file: table.path, sidecarPath: sidecarPath, undescribed: reader.undescribed,
                unspecifiedPeriods: reader.unspecifiedPeriods),
            outside: outside)
    }

    /// Checks that every column the sidecar describes is in the table's header.
    /// - Throws: `ToolkitError` at the sidecar line of the first described column (by name) the header lacks.
    private static func checkSidecar(
        _ metadata: [String: ProfileMetadata.Entry], at sidecarPath: String, against table: CSVTable
    ) throws {
        for column in metadata.keys.sorted() where !table.header.contains(column) {
            throw ToolkitError(
                file: sidecarPath, line: metadata[column]!.line, column: 1,
                "column \"\(column)\" is not in \(table.path)'s header")
        }
    }

    /// What a user should know once the table is read: a missing sidecar, value columns it does not describe, and
    /// values with no period.
    private static func warnings(
        file: String, sidecarPath: String?, undescribed: [String], unspecifiedPeriods: Int
    ) -> [String] {
        var warnings: [String] = []
        if sidecarPath == nil {
            warnings.append(
                "no metadata sidecar (\(file.replacingCSVExtension(with: ".meta.csv"))): units and polarity unknown")
        }
        if !undescribed.isEmpty && sidecarPath != nil {
            warnings.append("columns not described by the metadata: \(undescribed.joined(separator: ", "))")
        }
        if unspecifiedPeriods > 0 {
            warnings.append(
                "\(unspecifiedPeriods) value(s) have no period: add a period column or a period in the metadata")
        }
        return warnings
    }

    /// Reads a wide table's rows into a sink, with its columns found once from the header: each area the first
    /// time it is seen, then a figure for each value column.
    private struct RowReader {
        let file: String
        let header: [String]
        let sink: EvidenceSink
        /// The column of area names, if the table has one.
        let nameColumn: Int?
        /// The column of periods, if the table has one.
        let periodColumn: Int?
        /// Every column after the first that is neither the name nor the period column.
        let valueColumns: [Int]
        /// Each value column's indicator and default period.
        let indicators: [Int: ProfileMetadata.Entry]
        /// The headers of the value columns the metadata does not describe, in column order.
        let undescribed: [String]
        /// The number of values with no period, in the row or in the metadata.
        private(set) var unspecifiedPeriods = 0
        private var seen: Set<String> = []

        /// A reader of `table`'s rows, giving what it reads to `sink`; gives the sink each value column's
        /// indicator, as `metadata` describes it or named by its header.
        init(_ table: CSVTable, metadata: [String: ProfileMetadata.Entry], into sink: EvidenceSink) {
            let keys = table.header.map(HeaderName.key)
            let nameColumn = keys.indices.dropFirst().first { keys[$0].contains("name") || keys[$0].hasSuffix("nm") }
            let periodColumn = keys.indices.dropFirst().first {
                ["period", "timeperiod", "year", "date"].contains(keys[$0])
            }
            let valueColumns = keys.indices.dropFirst().filter { $0 != nameColumn && $0 != periodColumn }
            let declared = Self.declare(valueColumns, of: table, metadata: metadata, into: sink)
            file = table.path
            header = table.header
            self.sink = sink
            self.nameColumn = nameColumn
            self.periodColumn = periodColumn
            self.valueColumns = valueColumns
            indicators = declared.indicators
            undescribed = declared.undescribed
        }

        /// Gives the sink each value column's indicator: the metadata's entry for its header, or one named by
        /// the header, with no unit or polarity, for a column the metadata does not describe.
        private static func declare(
            _ valueColumns: [Int], of table: CSVTable, metadata: [String: ProfileMetadata.Entry],
            into sink: EvidenceSink
        ) -> (indicators: [Int: ProfileMetadata.Entry], undescribed: [String]) {
            let header = table.header
            var undescribed: [String] = []
            var indicators: [Int: ProfileMetadata.Entry] = [:]
            for i in valueColumns {
                let entry =
                    metadata[header[i]]
                    ?? {
                        undescribed.append(header[i])
                        return ProfileMetadata.Entry(
                            line: 0,
                            indicator: Indicator(
                                id: slug(header[i]), name: Self.readable(header[i]),
                                source: URL(fileURLWithPath: table.path).lastPathComponent),
                            period: nil)
                    }()
                indicators[i] = entry
                sink.add(entry.indicator)
            }
            return (indicators, undescribed)
        }

        /// A column header as a reader says it, for a column no metadata describes: `Employment_Extent` →
        /// `Employment Extent (a column no metadata describes)`; the id keeps the header's own spelling.
        static func readable(_ header: String) -> String {
            header.replacingOccurrences(of: "_", with: " ").trimmingSpaces + " (a column no metadata describes)"
        }

        /// Reads one row (of an area that is kept): gives the sink its area the first time it is seen, then its
        /// figures.
        /// - Throws: `ToolkitError` at an empty area code or a cell that cannot be read; what the sink throws.
        mutating func read(_ row: CSVRow) throws {
            let code = row[0].trimmedString
            guard !code.isEmpty else { throw ToolkitError(file: file, line: row.line, column: 1, "empty area code") }
            if seen.insert(code).inserted {
                sink.add(Area(code: code, name: nameColumn.map { row[$0].trimmedString } ?? code))
            }
            try addFigures(of: row, area: code)
        }

        /// Gives the sink a figure for each value column of the row, in the row's period, or else the
        /// metadata's; counts the figures left with no period.
        /// - Throws: `ToolkitError` at a cell that is neither a number nor a marker; what the sink throws.
        private mutating func addFigures(of row: CSVRow, area code: String) throws {
            let rowPeriod = periodColumn.map { row[$0].trimmedString }
            for i in valueColumns {
                let entry = indicators[i]!
                let parsed = try NumericCell.parse(
                    row[i], file: file, line: row.line, column: i + 1, columnName: header[i])
                let period = rowPeriod ?? entry.period ?? ""
                if period.isEmpty { unspecifiedPeriods += 1 }
                try sink.add(
                    Observation(
                        indicator: entry.indicator.id, area: code, period: period,
                        value: parsed.number, missing: parsed.missingReason, source: file))
            }
        }
    }

    static func defaultSidecar(for path: String) -> String? {
        let candidate = path.replacingCSVExtension(with: ".meta.csv")
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }
}

extension String {
    func replacingCSVExtension(with suffix: String) -> String {
        (hasSuffix(".csv") ? String(dropLast(4)) : self) + suffix
    }
}

/// The sidecar metadata of a ward profile table: `column,id,name,unit,polarity,period,source`.
enum ProfileMetadata {
    struct Entry {
        var line: Int
        var indicator: Indicator
        var period: String?
    }

    static func load(_ path: String) throws -> [String: Entry] {
        let table = try CSVTable(path: path)
        let index = HeaderName.index(table.header)
        guard let column = index["column"] else {
            throw ToolkitError(
                file: path, line: table.headerLine,
                "missing column \"column\": a metadata sidecar has column,id,name,unit,polarity,period,source")
        }
        var entries: [String: Entry] = [:]
        try table.forEachRow { row in
            func text(_ key: String) -> String { index[key].map { row[$0].trimmedString } ?? "" }
            let name = row[column].trimmedString
            guard entries[name] == nil else {
                throw ToolkitError(
                    file: path, line: row.line, column: column + 1, "column \"\(name)\" is described twice")
            }
            let polarityText = text("polarity")
            guard let polarity = Polarity(text: polarityText) else {
                throw ToolkitError(
                    file: path, line: row.line, column: index["polarity"]! + 1,
                    "unknown polarity \"\(polarityText)\": use higher is better, lower is better or neither")
            }
            let id = text("id").isEmpty ? slug(name) : text("id")
            let source = text("source").isEmpty ? URL(fileURLWithPath: path).lastPathComponent : text("source")
            entries[name] = Entry(
                line: row.line,
                indicator: Indicator(
                    id: id, name: text("name").isEmpty ? name : text("name"), unit: text("unit"),
                    polarity: polarity, source: source), period: text("period").isEmpty ? nil : text("period"))
        }
        return entries
    }
}
