import CSV
import Evidence

/// MHCLG's local-authority summaries of the Indices of Deprivation (File 10) in long ("tidy") form:
/// one row per authority and index or domain, with `average_rank`, `rank_average_rank`, `average_score`,
/// `rank_average_score`, `proportion_bottom_decile` and `rank_proportion_bottom_decile`.
/// Both the 2019 (`lad19cd,…,year`) and 2025 (`area_code,…,deprivation_data_year`) layouts load.
public enum DeprivationSummaryLoader: Loader {
    /// The format's name as a user would say it.
    public static let format = "Indices of Deprivation local-authority summary"
    /// What the header must contain, for the message shown when no loader fits a file.
    public static let expects = "columns lad19cd or area_code, index_domain, average_rank, … and year"

    static let measures: [(key: String, label: String, unit: String, polarity: Polarity)] = [
        ("averagerank", "average rank (1 = most deprived)", "rank", .higherIsBetter),
        ("rankaveragerank", "rank of average rank among authorities (1 = most deprived)", "rank", .higherIsBetter),
        ("averagescore", "average score", "score", .lowerIsBetter),
        ("rankaveragescore", "rank of average score among authorities (1 = most deprived)", "rank", .higherIsBetter),
        ("proportionbottomdecile", "share of LSOAs in the most deprived 10% nationally", "proportion", .lowerIsBetter),
        (
            "rankproportionbottomdecile", "rank of that share among authorities (1 = most deprived)", "rank",
            .higherIsBetter
        ),
    ]

    /// True when a header is this format's.
    public static func matches(_ header: [String]) -> Bool {
        let keys = Set(header.map(HeaderName.key))
        return keys.contains("indexdomain") && keys.contains("averagerank")
    }

    /// Reads every row of the table into the sink.
    /// - Throws: `ToolkitError` at the file, line and column of the first cell or row that cannot be read.
    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        let index = HeaderName.index(table.header)
        guard let code = index["lad19cd"] ?? index["areacode"] ?? index["ladcd"],
            let year = index["year"] ?? index["deprivationdatayear"]
        else {
            throw ToolkitError(
                file: table.path, line: table.headerLine,
                "missing column: expected lad19cd or area_code, and year or deprivation_data_year")
        }
        let name = index["lad19nm"] ?? index["areaname"]
        let domain = index["indexdomain"]!
        let present = measures.compactMap { measure in index[measure.key].map { (measure, $0) } }
        var seenAreas: Set<String> = []
        var seenIndicators: Set<String> = []
        var slugs: [String: String] = [:]  // domain name → slug, made once each
        let file = table.path
        let header = table.header
        let summary = try table.forEachRow(progress: options.progress) { row in
            let area = row[code].trimmedString
            if seenAreas.insert(area).inserted {
                sink.add(Area(code: area, name: name.map { row[$0].trimmedString } ?? area))
            }
            let domainName = row[domain].trimmedString
            let domainSlug = slugs[domainName] ?? slug(domainName)
            slugs[domainName] = domainSlug
            for (measure, column) in present {
                let id = "iod-la:\(domainSlug):\(measure.key)"
                if seenIndicators.insert(id).inserted {
                    sink.add(
                        Indicator(
                            id: id, name: "\(domainName): \(measure.label)", unit: measure.unit,
                            polarity: measure.polarity, source: "MHCLG Indices of Deprivation File 10"))
                }
                let parsed = try NumericCell.parse(
                    row[column], file: file, line: row.line, column: column + 1,
                    columnName: header[column])
                try sink.add(
                    Observation(
                        indicator: id, area: area, period: row[year].trimmedString,
                        value: parsed.number, missing: parsed.missingReason, source: file))
            }
        }
        return LoadOutcome(csv: summary)
    }
}
