import CSV
import Foundation
import Evidence

/// ONS Census 2021 bulk tables in their wide form: `date,geography,geography code,` then one column per
/// category, named `<Variable>: <Category>` and optionally suffixed `; measures: Value` or `; measures: Percent`.
///
/// Each category gives a count indicator; the variable's `Total` column is recognised, and a share
/// indicator (`…:percent`, count ÷ total × 100) is derived for every category, unless the file gives the
/// percentage itself.
public enum CensusWideLoader: Loader {
    public static let format = "ONS Census 2021 table (wide)"
    public static let expects = "columns date, geography, geography code, then <Variable>: <Category> columns"

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

    static func columns(_ header: [String]) -> [Column] {
        header.enumerated().dropFirst(3).map { index, name in
            var text = Substring(name)
            var isPercent = false
            if let range = text.range(of: "; measures: ") {
                isPercent = text[range.upperBound...].lowercased().hasPrefix("percent")
                text = text[..<range.lowerBound]
            }
            let parts = text.split(separator: ":", maxSplits: 1)
            let variable = String(parts[0]).trimmingSpaces
            let category = parts.count > 1 ? String(parts[1]).trimmingSpaces : variable
            return Column(index: index, variable: variable, category: category, isPercent: isPercent)
        }
    }

    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        let columns = columns(table.header)
        var totals: [String: Int] = [:]  // variable → total column
        for column in columns where column.isTotal && !column.isPercent { totals[column.variable] = totals[column.variable] ?? column.index }
        let givenPercent = Set(columns.filter(\.isPercent).map(\.countID))
        var warnings: [String] = []
        let withoutTotal = Set(columns.map(\.variable)).subtracting(totals.keys).sorted()
        if !withoutTotal.isEmpty {
            warnings.append("no Total column for \(withoutTotal.joined(separator: ", ")): shares are not derived")
        }
        for column in columns {
            if column.isPercent {
                sink.add(Indicator(id: column.shareID, name: "\(column.variable): \(column.category) (% of total)",
                                   unit: "%", source: "ONS Census 2021"))
                continue
            }
            sink.add(Indicator(id: column.countID, name: "\(column.variable): \(column.category)", unit: "count",
                               source: "ONS Census 2021"))
            if totals[column.variable] != nil && !column.isTotal && !givenPercent.contains(column.countID) {
                sink.add(Indicator(id: column.shareID, name: "\(column.variable): \(column.category) (% of total)",
                                   unit: "%", source: "ONS Census 2021"))
            }
        }
        let file = table.path, header = table.header
        // Per column: where its total is, and whether a share is derived from it.
        let totalColumn = columns.map { $0.isTotal ? nil : totals[$0.variable] }
        let derivesShare = columns.map { c in totals[c.variable] != nil && !c.isTotal && !c.isPercent && !givenPercent.contains(c.countID) }
        var totalValues = [Double?](repeating: nil, count: header.count)
        // Column facts as flat arrays: the row loop reads them without copying each Column.
        let columnIndex = columns.map(\.index), isPercent = columns.map(\.isPercent)
        let countIDs = columns.map(\.countID), shareIDs = columns.map(\.shareID)
        var outside = 0
        let summary = try table.forEachRow(progress: options.progress) { row in
            guard options.keeps(row[2]) else { outside += 1; return }
            let code = row[2].trimmedString
            guard !code.isEmpty else { throw InputError(file: file, line: row.line, column: 3, "empty geography code") }
            let level = AreaLevel(code: code)  // one row per area: no need to remember which were seen
            sink.add(Area(code: code, name: row[1].trimmedString, level: level, vintage: CensusGeography.vintage(level)))
            let period = row[0].trimmedString
            for column in totals.values {
                totalValues[column] = try NumericCell.parse(row[column], file: file, line: row.line,
                                                            column: column + 1, columnName: header[column]).number
            }
            for position in columns.indices {
                let index = columnIndex[position]
                let parsed = try NumericCell.parse(row[index], file: file, line: row.line, column: index + 1,
                                                   columnName: header[index])
                if isPercent[position] {
                    try sink.add(Observation(indicator: shareIDs[position], area: code, period: period,
                                             value: parsed.number, missing: parsed.missingReason, source: file))
                    continue
                }
                let total = totalColumn[position].flatMap { totalValues[$0] }
                try sink.add(Observation(indicator: countIDs[position], area: code, period: period,
                                         value: parsed.number, missing: parsed.missingReason,
                                         denominator: total, source: file))
                if derivesShare[position] {
                    try sink.add(CensusShare.observation(indicator: shareIDs[position], area: code, period: period,
                                                         count: parsed, total: total, source: file))
                }
            }
        }
        return LoadOutcome(csv: summary, warnings: warnings, outside: outside)
    }
}

/// Boundary vintages of Census 2021 outputs.
enum CensusGeography {
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

/// A share derived from a count and its total.
enum CensusShare {
    static func observation(indicator: String, area: String, period: String, count: NumericCell.Value,
                            total: Double?, source: String) -> Observation {
        if let missing = count.missingReason {
            return Observation(indicator: indicator, area: area, period: period, value: nil, missing: missing, source: source)
        }
        guard let total, total > 0, let value = count.number else {
            return Observation(indicator: indicator, area: area, period: period, value: nil, missing: .notAvailable,
                               count: count.number, denominator: total, note: "total is zero or missing",
                               source: source)
        }
        return Observation(indicator: indicator, area: area, period: period, value: value / total * 100,
                           count: value, denominator: total, source: source)
    }
}
