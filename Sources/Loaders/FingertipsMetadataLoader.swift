import CSV
import Core
import Evidence

/// Fingertips indicator metadata (`IndicatorID,Polarity,…,IndicatorName,…`): names, value types and
/// polarity for indicators, applied to the data files loaded with it. It holds no observations.
enum FingertipsMetadataLoader: Loader {
    /// The format's name as a user would say it.
    public static let format = "Fingertips indicator metadata"
    /// What the header must contain, for the message shown when no loader fits a file.
    public static let expects = "columns IndicatorID, IndicatorName and Polarity"

    /// True when a header is this format's.
    public static func matches(_ header: [String]) -> Bool {
        let keys = Set(header.map(HeaderName.key))
        return ["indicatorid", "indicatorname", "polarity"].allSatisfy(keys.contains) && !keys.contains("value")
    }

    /// Reads every row of the table into the sink.
    /// - Throws: `ToolkitError` at the file, line and column of the first cell or row that cannot be read.
    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        let index = HeaderName.index(table.header)
        let id = index["indicatorid"]!
        let name = index["indicatorname"]!
        let polarity = index["polarity"]!
        let valueType = index["valuetype"]
        var unknownPolarity = 0
        let summary = try table.forEachRow(progress: options.progress) { row in
            let text = row[polarity].trimmedString
            guard let parsed = Polarity(text: text) else {
                throw ToolkitError(
                    file: table.path, line: row.line, column: polarity + 1,
                    "unknown polarity \"\(text)\": expected High is good, Low is good, No judgement or empty")
            }
            if parsed == .unknown { unknownPolarity += 1 }
            let unit = valueType.map { FingertipsUnit.unit(forValueType: row[$0].trimmedString) } ?? ""
            sink.add(
                Indicator(
                    id: row[id].trimmedString, name: row[name].trimmedString, unit: unit,
                    polarity: parsed, source: "OHID Fingertips metadata"))
        }
        var warnings: [String] = []
        if unknownPolarity > 0 { warnings.append("\(unknownPolarity) indicator(s) have no polarity") }
        return LoadOutcome(csv: summary, warnings: warnings)
    }
}

extension FingertipsUnit {
    /// The unit implied by Fingertips' value type (e.g. `Proportion` → `%`).
    static func unit(forValueType type: String) -> String {
        let lower = type.lowercased()
        if lower.contains("proportion") || lower.contains("percentage") { return "%" }
        if lower.contains("rate") { return "rate" }
        if lower.contains("count") { return "count" }
        if lower.contains("ratio") { return "ratio" }
        return lower
    }
}
