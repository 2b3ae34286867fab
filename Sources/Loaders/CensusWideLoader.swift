import CSV
import Core
import Evidence
import Foundation

/// ONS Census 2021 bulk tables in their wide form: `date,geography,geography code,` then one column per
/// category, named `<Variable>: <Category>` and optionally suffixed `; measures: Value` or `; measures: Percent`.
///
/// Each category gives a count indicator; the variable's `Total` column is recognised, and a share
/// indicator (`…:percent`, count ÷ total × 100) is derived for every category, unless the file gives the
/// percentage itself.
public enum CensusWideLoader: Loader {
    /// The format's name as a user would say it.
    public static let format = "ONS Census 2021 table (wide)"
    /// What the header must contain, for the message shown when no loader fits a file.
    public static let expects = "columns date, geography, geography code, then <Variable>: <Category> columns"
    /// The indicator of all usual residents: the `Age: Total` column of TS007 and TS007A.
    public static let usualResidents = "census2021:age:total"

    /// True when a header is this format's.
    public static func matches(_ header: [String]) -> Bool {
        let keys = header.map(HeaderName.key)
        return keys.count > 3 && keys[0] == "date" && keys[1] == "geography" && keys[2] == "geographycode"
    }

    /// One category column of the header.
    struct Column {
        var index: Int
        var variable: String
        var category: String
        var isPercent: Bool
        var isTotal: Bool
        var countID: String
        var shareID: String

        init(index: Int, variable: String, category: String, isPercent: Bool) {
            self.index = index
            self.variable = variable
            self.category = category
            self.isPercent = isPercent
            isTotal = category.lowercased().hasPrefix("total")
            countID = "census2021:\(slug(variable)):\(slug(category))"
            shareID = countID + ":percent"
        }
    }

    /// The category columns of a table's header.
    /// - Throws: `ToolkitError` at a column with no variable name (empty, or only `:`) or one that reads as a
    ///   deprivation rank, decile or score rather than a count; at the header when no column parts variable and
    ///   category with `:` (as ONS writes them, and `janitor::clean_names` loses).
    static func columns(_ table: CSVTable) throws -> [Column] {
        let measures = table.header.dropFirst(3)
        guard measures.contains(where: { $0.contains(":") }) else {
            throw ToolkitError(
                file: table.path, line: table.headerLine,
                "no column names its variable and category as ONS writes them (Variable: Category, e.g. \"Number "
                    + "of cars or vans: No cars or vans in household\"): load the table as ONS published it")
        }
        for (index, name) in measures.enumerated() {
            if let word = HeaderName.words(name).first(where: DeprivationLSOALoader.measureWords.contains) {
                throw ToolkitError(
                    file: table.path, line: table.headerLine, column: index + 4,
                    "column \(ToolkitError.quoted(name, limit: 60)) holds a \(word), not a census count: load the "
                        + "Indices of Deprivation in their own layout (LSOA code, LSOA name, authority code and name)")
            }
        }
        return try measures.enumerated().map { offset, name in
            let index = offset + 3
            var text = Substring(name)
            var isPercent = false
            if let range = text.range(of: "; measures: ") {
                isPercent = text[range.upperBound...].lowercased().hasPrefix("percent")
                text = text[..<range.lowerBound]
            }
            let parts = text.split(separator: ":", maxSplits: 1)
            guard let first = parts.first, !first.trimmingSpaces.isEmpty else {
                throw ToolkitError(
                    file: table.path, line: table.headerLine, column: index + 1,
                    "column \(index + 1) has no variable name (\"\(name)\"): name it <Variable>: <Category>")
            }
            let variable = String(first).trimmingSpaces
            let category = parts.count > 1 ? String(parts[1]).trimmingSpaces : variable
            return Column(index: index, variable: variable, category: category, isPercent: isPercent)
        }
    }

    /// Reads every row of the table into the sink.
    /// - Throws: `ToolkitError` at the file, line and column of the first cell or row that cannot be read.
    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        let columns = try columns(table)
        var totals: [String: Int] = [:]  // variable → total column
        for column in columns where column.isTotal && !column.isPercent {
            totals[column.variable] = totals[column.variable] ?? column.index
        }
        let givenPercent = Set(columns.filter(\.isPercent).map(\.countID))
        var warnings: [String] = []
        let withoutTotal = Set(columns.map(\.variable)).subtracting(totals.keys).sorted()
        if !withoutTotal.isEmpty {
            warnings.append("no Total column for \(withoutTotal.joined(separator: ", ")): shares are not derived")
        }
        for column in columns {
            if column.isPercent {
                sink.add(
                    Indicator(
                        id: column.shareID, name: "\(column.variable): \(column.category) (% of total)",
                        unit: "%", source: "ONS Census 2021"))
                continue
            }
            sink.add(
                Indicator(
                    id: column.countID, name: "\(column.variable): \(column.category)", unit: "count",
                    source: "ONS Census 2021"))
            if totals[column.variable] != nil && !column.isTotal && !givenPercent.contains(column.countID) {
                sink.add(
                    Indicator(
                        id: column.shareID, name: "\(column.variable): \(column.category) (% of total)",
                        unit: "%", source: "ONS Census 2021"))
            }
        }
        let layout = CensusLayout(columns, totals: totals, givenPercent: givenPercent)
        let batch = ObservationBatch(layout: BatchLayout(indicators: layout.indicators))
        batch.source = table.path
        let file = table.path
        let header = table.header
        let (summary, outside) = try table.forEachRow(keepingAreasIn: 2, shape: .gss, keys: [0], options) { row in
            let code = row[2].trimmedString
            guard !code.isEmpty else {
                throw ToolkitError(file: file, line: row.line, column: 3, "empty geography code")
            }
            let level = AreaLevel(code: code)  // one row per area: no need to remember which were seen
            sink.add(
                Area(code: code, name: row[1].trimmedString, level: level, vintage: CensusGeography.vintage(level)))
            batch.area = code
            batch.period = try CensusGeography.period(row[0].trimmedString, file: file, line: row.line, column: 1)
            try layout.fill(batch, from: row, file: file, header: header)
            try sink.add(batch)
        }
        return LoadOutcome(csv: summary, warnings: warnings, outside: outside)
    }
}

/// Boundary vintages and the date of Census 2021 outputs.
enum CensusGeography {
    /// The census these loaders read: its date, and the prefix of its indicators' ids.
    static let date = "2021"

    /// A row's period: its date cell, which must be Census 2021's (a 2011 table has the same layout, and its figures
    /// would be mislabelled as 2021's).
    /// - Throws: `ToolkitError` at the cell for any other date.
    static func period(_ cell: String, file: String, line: Int, column: Int) throws -> String {
        guard cell == date else {
            throw ToolkitError(
                file: file, line: line, column: column,
                "date \"\(cell)\": this is read as a Census \(date) table (its indicators are census\(date):…), so "
                    + "a table of another census would be mislabelled; load Census \(date) tables only")
        }
        return cell
    }

    static func vintage(_ level: AreaLevel) -> String? {
        switch level {
        case .outputArea: "OA21"
        case .lsoa: "LSOA21"
        case .msoa: "MSOA21"
        case .ward: "WD22"
        default: nil
        }
    }
}

/// A census table's columns as batch slots: each category's count (or the percentage the file gives), then its
/// share derived from the variable's total, in header order.
struct CensusLayout {
    /// The header index of each category column.
    let columnIndex: [Int]
    /// The indicator id of each slot.
    let indicators: [String]
    /// Per column: its slot, the slot of its derived share (if any), whether the file gives it as a percentage,
    /// and the column position of its variable's total (if any).
    private let slot: [Int], shareSlot: [Int?], isPercent: [Bool], totalPosition: [Int?]

    init(_ columns: [CensusWideLoader.Column], totals: [String: Int], givenPercent: Set<String>) {
        columnIndex = columns.map(\.index)
        let positionOfIndex = Dictionary(
            uniqueKeysWithValues: columns.enumerated().map { ($0.element.index, $0.offset) })
        var indicators: [String] = []
        var slot: [Int] = []
        var shareSlot: [Int?] = []
        for column in columns {
            slot.append(indicators.count)
            indicators.append(column.isPercent ? column.shareID : column.countID)
            let derives =
                totals[column.variable] != nil && !column.isTotal && !column.isPercent
                && !givenPercent.contains(column.countID)
            shareSlot.append(derives ? indicators.count : nil)
            if derives { indicators.append(column.shareID) }
        }
        self.indicators = indicators
        self.slot = slot
        self.shareSlot = shareSlot
        isPercent = columns.map(\.isPercent)
        totalPosition = columns.map { $0.isTotal ? nil : totals[$0.variable].flatMap { positionOfIndex[$0] } }
    }

    /// Fills a batch from a row: every category cell parsed into its slot, then each count's denominator and
    /// derived share from its variable's total.
    ///
    /// - Throws: `ToolkitError` naming the file, line and column of a cell that is neither a number nor a marker.
    func fill(_ batch: ObservationBatch, from row: CSVRow, file: String, header: [String]) throws {
        let values = batch.values
        let missing = batch.missing
        let columnIndex = self.columnIndex
        let slot = self.slot
        let isPercent = self.isPercent
        for position in columnIndex.indices {
            let index = columnIndex[position]
            let cell = try NumericCell.parse(
                row[index], file: file, line: row.line, column: index + 1,
                columnName: header[index])
            if let number = cell.number,
                let problem = CensusFigure.problem(with: number, isPercent: isPercent[position], in: row[index])
            {
                throw ToolkitError(
                    file: file, line: row.line, column: index + 1,
                    "\(problem), not \(row[index].trimmedString), in column \(ToolkitError.quoted(header[index]))")
            }
            values[slot[position]] = cell.number ?? .nan
            missing[slot[position]] = cell.missingReason
        }
        let totalPosition = self.totalPosition
        let shareSlot = self.shareSlot
        for position in columnIndex.indices where !isPercent[position] {
            let count = slot[position]
            let total = totalPosition[position].map { values[slot[$0]] } ?? .nan
            if CensusFigure.isClearlyAbove(values[count], total), let totalPosition = totalPosition[position] {
                let index = columnIndex[position]
                throw ToolkitError(
                    file: file, line: row.line, column: index + 1,
                    CensusFigure.aboveTotal(
                        row[index].trimmedString, total: row[columnIndex[totalPosition]].trimmedString,
                        of: "column \(ToolkitError.quoted(header[index]))"))
            }
            batch.denominators[count] = total
            if let share = shareSlot[position] { CensusShare.write(share, of: count, total: total, in: batch) }
        }
    }
}

/// What a census cell may hold: a count is a whole number of people or households, 0 or more; a percentage
/// the file gives is from 0 to 100.
enum CensusFigure {
    /// 2^53: the largest whole number a `Double` holds exactly (and far beyond any count of people).
    static let largestCount = 9_007_199_254_740_992.0

    /// What is wrong with a figure read from `field`, if anything.
    @inline(__always)
    static func problem(with value: Double, isPercent: Bool, in field: CSVField) -> String? {
        if isPercent { return (0...100).contains(value) ? nil : "a percentage is from 0 to 100" }
        if field.trimmed.bytes.last == UInt8(ascii: "%") {
            return "a census count has no % sign (a percentage belongs under a Percent measure)"
        }
        // Within 0...2^53 the conversion to a whole number is exact, so it tells a whole number without `round`.
        return value >= 0 && value <= largestCount && value == Double(Int64(value))
            ? nil
            : "a census count is a whole number from 0 to 2^53 (the most held exactly)"
    }
}

extension CensusFigure {
    /// True when a category's count is clearly above its total: by more than 10 and more than 10% of it. Census
    /// 2021 tables are perturbed for disclosure control (ONS's cell key method), so a total and its parts may differ
    /// a little in a small area; a count well above its total is of another total (persons against households), or
    /// wrong. NaN (a missing figure) is never above.
    @inline(__always)
    static func isClearlyAbove(_ count: Double, _ total: Double) -> Bool {
        count > total + max(10, total * 0.1)
    }

    /// Why a category's count above its variable's total is refused: the categories are parts of the total, so the
    /// total is not the one the counts are of, or a figure is wrong.
    static func aboveTotal(_ count: String, total: String, of category: String) -> String {
        "count \(count) of \(category) is above its total \(total): a category is part of its total"
    }
}

/// A share derived from a count and its total: count ÷ total × 100, or missing with the count's reason, or
/// not available (with a note) when the total is zero or missing.
struct CensusShare {
    var value: Double?
    var missing: MissingReason?
    var count: Double?
    var denominator: Double?
    var note: String?

    init(count: NumericCell.Value, total: Double?) {
        if let reason = count.missingReason {
            missing = reason
        } else if let total, total > 0, let number = count.number {
            value = number / total * 100
            self.count = number
            denominator = total
        } else {
            missing = .notAvailable
            self.count = count.number
            denominator = total
            note = "total is zero or missing"
        }
    }

    /// Writes the share of the count in slot `count` into slot `share`, as ``init(count:total:)`` works it out;
    /// `total` is NaN where the variable's total is missing.
    ///
    /// - Complexity: O(1), without allocating.
    @inline(__always)
    static func write(_ share: Int, of count: Int, total: Double, in batch: ObservationBatch) {
        let number = batch.values[count]
        if let reason = batch.missing[count] {
            batch.set(share, value: nil, missing: reason)
        } else if total > 0 {
            batch.set(share, value: number / total * 100, count: number, denominator: total)
        } else {
            batch.set(
                share, value: nil, missing: .notAvailable, count: number,
                denominator: total.isNaN ? nil : total, note: "total is zero or missing")
        }
    }

    /// The share as an observation.
    func observation(indicator: String, area: String, period: String, source: String) -> Observation {
        Observation(
            indicator: indicator, area: area, period: period, value: value, missing: missing, count: count,
            denominator: denominator, note: note, source: source)
    }
}
