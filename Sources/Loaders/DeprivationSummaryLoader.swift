import CSV
import Core
import Evidence

/// MHCLG's local-authority summaries of the Indices of Deprivation (File 10) in long ("tidy") form:
/// one row per authority and index or domain, with `average_rank`, `rank_average_rank`, `average_score`,
/// `rank_average_score`, `proportion_bottom_decile` and `rank_proportion_bottom_decile`.
/// Both the 2019 (`lad19cd,…,year`) and 2025 (`area_code,…,deprivation_data_year`) layouts load, into the same
/// indicators (`iod-la:<domain>:<measure>`, the domain as the LSOA files name it) with the edition as the period,
/// so the newest edition is the latest figure.
///
/// The average rank follows MHCLG's definition: the population-weighted average of the LSOAs' ranks counted
/// with the most deprived LSOA ranked highest, so a *higher* average rank is *more* deprived (Blackpool, ranked
/// 1st in IoD2025, has 26,537; Wokingham, 295th, 4,328).
enum DeprivationSummaryLoader: Loader {
    /// The format's name as a user would say it.
    public static let format = "Indices of Deprivation local-authority summary"
    /// What the header must contain, for the message shown when no loader fits a file.
    public static let expects = "columns lad19cd or area_code, index_domain, average_rank, … and year"

    static let measures: [(key: String, label: String, unit: String, polarity: Polarity)] = [
        ("averagerank", "average rank (higher = more deprived)", "rank", .lowerIsBetter),
        ("rankaveragerank", "rank of average rank among authorities (1 = most deprived)", "rank", .higherIsBetter),
        ("averagescore", "average score", "score", .lowerIsBetter),
        ("rankaveragescore", "rank of average score among authorities (1 = most deprived)", "rank", .higherIsBetter),
        ("proportionbottomdecile", "share of LSOAs in the most deprived 10% nationally", "proportion", .lowerIsBetter),
        (
            "rankproportionbottomdecile", "rank of that share among authorities (1 = most deprived)", "rank",
            .higherIsBetter
        ),
    ]

    /// A domain as the LSOA files name it, whichever edition's summary names it: IoD2025's summaries add
    /// "Deprivation" to the domains (`Income Deprivation`), and IoD2019's call the health domain
    /// `Health and Disability`.
    static func canonicalDomain(_ name: String) -> String {
        if name == "Health and Disability" { return "Health Deprivation and Disability" }
        guard name.hasSuffix(" Deprivation"), name != "Index of Multiple Deprivation" else { return name }
        return String(name.dropLast(" Deprivation".count))
    }

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
            try CodeShape.gss.check(row, code, file: file, what: "area code")
            for key in [domain, year] { try CodeShape.text.check(row, key, file: file, what: "the cell") }
            let area = row[code].trimmedString
            if seenAreas.insert(area).inserted {
                sink.add(Area(code: area, name: name.map { row[$0].trimmedString } ?? area))
            }
            let domainName = canonicalDomain(row[domain].trimmedString)
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
