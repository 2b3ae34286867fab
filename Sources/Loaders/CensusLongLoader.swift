import CSV
import Core
import Evidence

/// ONS Census 2021 tables in long form, one row per area and category:
/// - the "create a custom dataset" download: `<Geography> Code,<Geography>,<Variable> Code,<Variable>,…,Observation`;
/// - the Nomis API CSV: `GEOGRAPHY_CODE`, `GEOGRAPHY_NAME`, one or more `C2021_…_NAME` columns, `OBS_VALUE`,
///   and optionally `DATE`/`DATE_NAME` and `MEASURES_NAME` (`Value` or `Percent`).
///
/// Each category gives a count indicator and a share of the area's total: the `Total` category where the
/// file has one, otherwise the sum of the area's categories. An area's rows must be together in the file.
public enum CensusLongLoader: Loader {
    /// The format's name as a user would say it.
    public static let format = "ONS Census 2021 table (long)"
    /// What the header must contain, for the message shown when no loader fits a file.
    public static let expects =
        "either <Geography> Code, <Geography>, <Variable> Code, <Variable>, Observation "
        + "(ONS custom dataset), or GEOGRAPHY_CODE, GEOGRAPHY_NAME, C2021_…_NAME, OBS_VALUE (Nomis API)"

    struct Layout {
        var code: Int
        var name: Int
        var categories: [(column: Int, variable: String)]
        var value: Int
        var measure: Int?
        var date: Int?
    }

    static func layout(_ header: [String]) -> Layout? {
        let keys = header.map(HeaderName.key)
        if let value = keys.firstIndex(of: "obsvalue"), let code = keys.firstIndex(of: "geographycode") {
            let name = keys.firstIndex(of: "geographyname") ?? code
            let categories = header.enumerated().filter { i, h in
                h.uppercased().hasPrefix("C2021_") && h.uppercased().hasSuffix("_NAME")
            }.map { ($0.offset, String($0.element.dropLast(5))) }
            guard !categories.isEmpty else { return nil }
            return Layout(
                code: code, name: name, categories: categories, value: value,
                measure: keys.firstIndex(of: "measuresname"),
                date: keys.firstIndex(of: "datename") ?? keys.firstIndex(of: "date"))
        }
        guard keys.last == "observation", header.count >= 5, header.count % 2 == 1,
            header[0].lowercased().hasSuffix(" code")
        else { return nil }
        var categories: [(Int, String)] = []
        for pair in stride(from: 2, to: header.count - 1, by: 2) {
            guard header[pair].lowercased().hasSuffix(" code"),
                header[pair].dropLast(5).trimmingSpaces == header[pair + 1].trimmingSpaces
            else { return nil }
            categories.append((pair + 1, header[pair + 1].trimmingSpaces))
        }
        return Layout(code: 0, name: 1, categories: categories, value: header.count - 1, measure: nil, date: nil)
    }

    /// True when a header is this format's.
    public static func matches(_ header: [String]) -> Bool { layout(header) != nil }

    private struct Cell {
        var category: String
        var value: NumericCell.Value
        var isPercent: Bool
        /// The line the cell is on.
        var line: Int
    }

    /// Reads every row of the table into the sink.
    /// - Throws: `ToolkitError` at the file, line and column of the first cell or row that cannot be read.
    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        let layout = layout(table.header)!
        var warnings: [String] = []
        if layout.date == nil { warnings.append("the file has no date column: its figures are taken as Census 2021") }
        var reader = AreaReader(table, layout: layout, into: sink)
        let (summary, outside) = try table.forEachRow(
            keepingAreasIn: layout.code, shape: .gss, keys: [layout.date] + layout.categories.map(\.column), options
        ) { row in
            try reader.read(row)
        }
        try reader.finishFile()
        if let short = reader.firstShortArea {
            warnings.append(
                "\(reader.shortAreas) area(s) lack rows for some categories, and the file has no Total to take shares "
                    + "of (e.g. \(short)): their totals and shares are unknown")
        }
        return LoadOutcome(csv: summary, warnings: warnings, outside: outside)
    }

    /// Reads a long table area by area: keeps an area's cells until its rows end, then gives the sink its
    /// figures, so that every share is of the area's complete total.
    private struct AreaReader {
        let layout: Layout
        /// The table's variables joined by ` by `, as the indicators' ids and names give them.
        let variable: String
        let file: String
        let header: [String]
        let sink: EvidenceSink
        private var seenIndicators: Set<String> = []
        private var seenAreas: Set<String> = []
        /// The areas whose rows have all been read: a later row for one means the file is not sorted by area.
        private var finishedAreas: Set<String> = []
        /// The area being read, its period and its cells so far.
        private var currentArea: String?
        private var currentPeriod = "2021"
        private var cells: [Cell] = []
        /// Every count category of the areas without a Total: an area lacking one of them has no total to take its
        /// shares of (its sum would be short).
        private var categories: Set<String> = []
        /// The areas without a Total, with their periods and cells, held until the file's categories are known.
        private var held: [(area: String, period: String, cells: [Cell])] = []
        /// The areas lacking a category others have, and the first of them in words.
        private(set) var shortAreas = 0
        private(set) var firstShortArea: String?

        /// A reader of `table`, whose header has `layout`, giving what it reads to `sink`.
        init(_ table: CSVTable, layout: Layout, into sink: EvidenceSink) {
            self.layout = layout
            variable = layout.categories.map(\.variable).joined(separator: " by ")
            file = table.path
            header = table.header
            self.sink = sink
        }

        /// Reads one row (of an area that is kept): finishes the previous area when the area changes, gives the
        /// sink the area the first time it is seen, and keeps the row's cell until the area is complete.
        /// - Throws: `ToolkitError` at an empty geography code, at an area whose rows are not together, or at a
        ///   figure that cannot be read; what the sink throws for the previous area's figures.
        mutating func read(_ row: CSVRow) throws {
            let code = row[layout.code].trimmedString
            guard !code.isEmpty else {
                throw ToolkitError(file: file, line: row.line, column: layout.code + 1, "empty geography code")
            }
            if code != currentArea { try startArea(code, at: row) }
            if seenAreas.insert(code).inserted {
                let level = AreaLevel(code: code)
                sink.add(
                    Area(
                        code: code, name: row[layout.name].trimmedString, level: level,
                        vintage: CensusGeography.vintage(level)))
            }
            let cell = try cell(from: row)
            if cells.contains(where: { $0.category == cell.category && $0.isPercent == cell.isPercent }) {
                throw ToolkitError(
                    file: file, line: row.line,
                    "this row repeats the figure an earlier row gave for \(code), \(cell.category); a file gives "
                        + "each figure once")
            }
            cells.append(cell)
        }

        /// Finishes the previous area and starts `code`'s, whose period is the row's date (Census 2021 when the
        /// file has no date column).
        /// - Throws: what ``finishArea()`` throws; `ToolkitError` when rows for `code` came earlier in the file.
        private mutating func startArea(_ code: String, at row: CSVRow) throws {
            try finishArea()
            if finishedAreas.contains(code) {
                throw ToolkitError(
                    file: file, line: row.line, column: layout.code + 1,
                    "rows for area \(code) are not together: sort the file by area so each area's total is complete"
                )
            }
            currentArea = code
            currentPeriod =
                try layout.date.map {
                    try CensusGeography.period(row[$0].trimmedString, file: file, line: row.line, column: $0 + 1)
                } ?? CensusGeography.date
        }

        /// The row's cell: its categories joined by `; `, its figure, and whether the figure is a percentage.
        /// - Throws: `ToolkitError` at the figure when it is neither a number nor a marker, or is not a whole count
        ///   from 0 (or a percentage from 0 to 100).
        private func cell(from row: CSVRow) throws -> Cell {
            let category = layout.categories.map { row[$0.column].trimmedString }.joined(separator: "; ")
            let value = try NumericCell.parse(
                row[layout.value], file: file, line: row.line,
                column: layout.value + 1, columnName: header[layout.value])
            let isPercent = layout.measure.map { row[$0].trimmedString.lowercased().hasPrefix("percent") } ?? false
            if let number = value.number,
                let problem = CensusFigure.problem(with: number, isPercent: isPercent, in: row[layout.value])
            {
                throw ToolkitError(
                    file: file, line: row.line, column: layout.value + 1,
                    "\(problem), not \(row[layout.value].trimmedString)")
            }
            return Cell(category: category, value: value, isPercent: isPercent, line: row.line)
        }

        /// Gives the sink the figures of the area being read, if any, now that all its cells are in, and marks the
        /// area finished. An area without a Total is held until the file ends (``finishFile()``): only then is it
        /// known whether it has every category, so whether its counts sum to its total.
        /// - Throws: what the sink throws for a figure.
        mutating func finishArea() throws {
            guard let area = currentArea else { return }
            finishedAreas.insert(area)
            defer { cells.removeAll(keepingCapacity: true) }
            let counts = cells.filter { !$0.isPercent }.map(\.category)
            guard counts.contains(where: { $0.lowercased().hasPrefix("total") }) else {
                categories.formUnion(counts)
                held.append((area, currentPeriod, cells))
                return
            }
            try addFigures(of: cells, area: area, period: currentPeriod, total: Self.total(of: cells))
        }

        /// Finishes the last area, then gives the sink the areas held for want of a Total, each with the sum of its
        /// counts as its total where it has every category the file's areas have, else with its total and shares
        /// unknown (counted among ``shortAreas``), whatever the order of the areas.
        /// - Throws: what the sink throws for a figure.
        mutating func finishFile() throws {
            try finishArea()
            for (area, period, cells) in held {
                let counts = Set(cells.filter { !$0.isPercent }.map(\.category))
                let complete = counts.isSuperset(of: categories)
                if !complete {
                    shortAreas += 1
                    let missing = categories.subtracting(counts).sorted()
                    firstShortArea = firstShortArea ?? "\(area) lacks \(missing.joined(separator: ", "))"
                }
                try addFigures(of: cells, area: area, period: period, total: complete ? Self.total(of: cells) : nil)
            }
            held.removeAll()
        }

        /// Gives the sink an area's cells, as ``addFigures(of:area:period:total:givenPercent:)`` does each.
        private mutating func addFigures(of cells: [Cell], area: String, period: String, total: Double?) throws {
            let givenPercent = Set(cells.filter(\.isPercent).map(\.category))
            for cell in cells {
                try addFigures(of: cell, area: area, period: period, total: total, givenPercent: givenPercent)
            }
        }

        /// An area's total: its `Total` category's count where the file has one, otherwise the sum of its counts;
        /// `nil` when that count is missing, or one of those summed is (a missing count is not taken as 0).
        private static func total(of cells: [Cell]) -> Double? {
            let counts = cells.filter { !$0.isPercent }
            if let totalCell = counts.first(where: { $0.category.lowercased().hasPrefix("total") }) {
                return totalCell.value.number
            }
            var sum = 0.0
            for cell in counts {
                guard let count = cell.value.number else { return nil }
                sum += count
            }
            return sum
        }

        /// Gives the sink one cell of `area`: a percentage as the file gives it; or a count, with the area's
        /// total as its denominator (none for the total itself), then its share of the total unless the cell is
        /// the total or the file gives that share.
        /// - Throws: what the sink throws for a figure.
        private mutating func addFigures(
            of cell: Cell, area: String, period: String, total: Double?, givenPercent: Set<String>
        ) throws {
            declare(cell.category, percent: cell.isPercent)
            if cell.isPercent {
                try sink.add(
                    Observation(
                        indicator: indicatorID(cell.category, percent: true), area: area,
                        period: period, value: cell.value.number,
                        missing: cell.value.missingReason, source: file))
                return
            }
            let isTotal = cell.category.lowercased().hasPrefix("total")
            if !isTotal, let count = cell.value.number, let total, CensusFigure.isClearlyAbove(count, total) {
                throw ToolkitError(
                    file: file, line: cell.line, column: layout.value + 1,
                    CensusFigure.aboveTotal(
                        "\(Int64(count))", total: "\(Int64(total))",
                        of: "category \(ToolkitError.quoted(cell.category))"))
            }
            try sink.add(
                Observation(
                    indicator: indicatorID(cell.category, percent: false), area: area,
                    period: period, value: cell.value.number,
                    missing: cell.value.missingReason, denominator: isTotal ? nil : total,
                    source: file))
            if !isTotal && !givenPercent.contains(cell.category) {
                declare(cell.category, percent: true)
                try sink.add(
                    CensusShare(count: cell.value, total: total).observation(
                        indicator: indicatorID(cell.category, percent: true), area: area, period: period,
                        source: file))
            }
        }

        /// The indicator id of a category's count, or of its share of the total when `percent`.
        private func indicatorID(_ category: String, percent: Bool) -> String {
            "census2021:\(slug(variable)):\(slug(category))" + (percent ? ":percent" : "")
        }

        /// Gives the sink a category's count (or share) indicator the first time it is met.
        private mutating func declare(_ category: String, percent: Bool) {
            let id = indicatorID(category, percent: percent)
            guard seenIndicators.insert(id).inserted else { return }
            sink.add(
                Indicator(
                    id: id, name: "\(variable): \(category)" + (percent ? " (% of total)" : ""),
                    unit: percent ? "%" : "count", source: "ONS Census 2021"))
        }
    }
}
