import CSV
import Core
import Evidence
import Foundation

/// The English Indices of Deprivation at LSOA level, as MHCLG publishes them (Files 1 to 7 saved as CSV):
/// `LSOA code (2011),LSOA name (2011),Local Authority District code (2019),…` then rank, decile and score
/// columns for the index and its domains (`Income Rank (where 1 is most deprived)`, `… Decile …`,
/// `Income Score (rate)`), or the population denominators of File 6.
///
/// Indicators are `iod:<domain>:rank|decile|score` (polarity: a higher rank or decile is less deprived,
/// a higher score more deprived) and `iod:population:<column>`.
public enum DeprivationLSOALoader: Loader {
    /// The format's name as a user would say it.
    public static let format = "English Indices of Deprivation (LSOA)"
    /// What the header must contain, for the message shown when no loader fits a file.
    public static let expects =
        "columns LSOA code (2011 or 2021), LSOA name, Local Authority District code and name, "
        + "then rank, decile, score or population columns"

    /// True when a header is this format's.
    public static func matches(_ header: [String]) -> Bool {
        let keys = header.map(HeaderName.key)
        return keys.count > 4 && keys[0].hasPrefix("lsoacode") && keys[2].hasPrefix("localauthoritydistrictcode")
    }

    /// What a measure column holds.
    struct Column {
        var index: Int
        var indicator: Indicator
        /// The largest rank the edition gives: the number of LSOAs it ranks, where known.
        var largestRank: Double

        /// True for File 6's total population, the weight of ward averages.
        var isTotalPopulation: Bool { DeprivationLSOALoader.isTotalPopulation(indicator.id) }

        /// What is wrong with a value for this column, if anything: ranks are whole, from 1 to the number of LSOAs
        /// the edition ranks, deciles 1 to 10, populations 0 or more, and a total population (the weight of ward
        /// averages) above 0. Scores may be negative (the health and crime domains' are).
        func problem(with value: Double) -> String? {
            switch indicator.unit {
            case "rank" where value > largestRank && largestRank < CensusFigure.largestCount:
                "a rank is at most \(Int(largestRank)), the number of LSOAs this edition ranks"
            case "rank":
                value >= 1 && value == value.rounded() && value <= largestRank
                    ? nil
                    : "a rank is a whole number, 1 or more"
            case "decile":
                (1...10).contains(value) && value == value.rounded() ? nil : "a decile is a whole number from 1 to 10"
            case "score":
                abs(value) <= 100 ? nil : "an IoD score is a rate, a percentage or a standardised score, within ±100"
            case _ where isTotalPopulation:
                value > 0 ? nil : "a total population is above 0 (it weighs the LSOA in ward averages)"
            default: value >= 0 ? nil : "a population is 0 or more"
            }
        }
    }

    /// True for the indicator of an edition's total population by LSOA (File 6's, or File 7's), the weight of ward
    /// averages.
    public static func isTotalPopulation(_ id: String) -> Bool { id.hasPrefix("iod:population:total-population") }

    /// What a column holds, read from its name by meaning: a domain's rank, decile or score, else a population.
    static func column(_ index: Int, _ name: String, edition: String, largestRank: Double) -> Column {
        let source = "MHCLG English Indices of Deprivation \(edition)"
        guard let (domain, unit) = measure(named: name) else {
            return Column(
                index: index,
                indicator: Indicator(
                    id: "iod:population:\(slug(name.replacingParentheticals()))", name: name, unit: "count",
                    polarity: .neither, source: source),
                largestRank: largestRank)
        }
        let shown =
            name.range(of: " " + unit.capitalized).map { String(name[..<$0.lowerBound]) }
            ?? domain.prefix(1).uppercased() + domain.dropFirst()
        let meaning = unit == "score" ? "" : " (1 = most deprived)"
        return Column(
            index: index,
            indicator: Indicator(
                id: "iod:\(slug(domain)):\(unit)", name: "\(shown.trimmingSpaces) \(unit)\(meaning)", unit: unit,
                polarity: unit == "score" ? .lowerIsBetter : .higherIsBetter, source: source),
            largestRank: largestRank)
    }

    /// The domain and measure (`rank`, `decile` or `score`) a column name gives, however it is spelt: MHCLG's
    /// `Income Rank (where 1 is most deprived)`, upper case, or snake case as R's `janitor::clean_names` writes
    /// it (`income_rank_where_1_is_most_deprived`). Parentheticals are dropped, the name is split into words at
    /// anything but a letter or digit, and the domain is the words before the first measure word, less a last
    /// word that only abbreviates the others (`index of multiple deprivation imd`). `nil` for a population.
    static func measure(named name: String) -> (domain: String, unit: String)? {
        let words = HeaderName.words(name.replacingParentheticals())
        guard let at = words.firstIndex(where: measureWords.contains), at > 0 else {
            return nil
        }
        var domain = Array(words[..<at])
        if domain.count > 2, let last = domain.last, abbreviates(last, domain.dropLast()) { domain.removeLast() }
        return (domain.joined(separator: " "), words[at])
    }

    /// The words that name what a column of the Indices holds.
    static let measureWords: Set<String> = ["rank", "decile", "score"]

    /// True when `word` is made of the initials of `words`, in order, from the first word's to the last's
    /// (`imd` for `index of multiple deprivation`, `idaci` for `income deprivation affecting children index`).
    static func abbreviates(_ word: String, _ words: ArraySlice<String>) -> Bool {
        let initials = words.compactMap(\.first)
        guard word.count >= 2, word.first == initials.first, word.last == initials.last else { return false }
        var letters = word.makeIterator()
        var wanted = letters.next()
        for initial in initials where initial == wanted { wanted = letters.next() }
        return wanted == nil
    }

    /// Refuses a header whose measure columns cannot be told apart: a rank, decile or score that names no domain
    /// (`rank`), or, among domain measures (Files 1 to 5, or File 7 with the population denominators beside them),
    /// a column that is neither a measure nor names a population (`… population …`, `… aged …`), which could be a
    /// measure whose name lost its marker. File 6 holds population denominators alone, whatever their names.
    /// - Throws: `ToolkitError` at the header's line and the column.
    static func checkColumns(_ table: CSVTable) throws {
        var unclear: [Int] = []
        var measures = 0
        for (index, name) in table.header.enumerated().dropFirst(4) {
            let words = HeaderName.words(name)
            if let first = words.first, measureWords.contains(first) {
                throw ToolkitError(
                    file: table.path, line: table.headerLine, column: index + 1,
                    "column \(ToolkitError.quoted(name, limit: 60)) gives a \(first) but not of which domain: name "
                        + "it as MHCLG does (e.g. Income Rank (where 1 is most deprived))")
            }
            if measure(named: name) != nil {
                measures += 1
            } else if !words.contains("population") && !words.contains("aged") {
                unclear.append(index)
            }
        }
        if measures > 0, let first = unclear.first {
            throw ToolkitError(
                file: table.path, line: table.headerLine, column: first + 1,
                "column \(ToolkitError.quoted(table.header[first], limit: 60)) is neither a domain's rank, decile "
                    + "or score nor a population denominator: name it as MHCLG does")
        }
    }

    /// The LSOA boundaries an edition uses: 2011 LSOAs up to IoD2019, 2021 LSOAs from IoD2025.
    public static func lsoaVintage(edition: String) -> String { (Int(edition) ?? 0) >= 2025 ? "LSOA21" : "LSOA11" }

    /// The edition a header belongs to. MHCLG's spreadsheets name the LSOA vintage (`LSOA code (2011)` in IoD2019,
    /// `LSOA code (2021)` in IoD2025) and the authorities' (`Local Authority District code (2019)`); where the LSOA
    /// column names no year the authorities' decides (2019's districts are IoD2019's, a later year's IoD2025's).
    /// The IoD2025 open-data CSV names neither, and IoD2019 had no such file, so a header naming no year is
    /// IoD2025's; its deciles then tell a renamed IoD2019 file (``RowReader``'s decile check says so).
    static func edition(of header: [String]) -> String {
        let lsoa = HeaderName.key(header[0])
        if lsoa.hasSuffix("2011") { return "2019" }
        if lsoa.hasSuffix("2021") { return "2025" }
        let authority = HeaderName.key(header[2])
        guard let year = Int(authority.suffix(4)), (2011...2099).contains(year) else { return "2025" }
        return year < 2021 ? "2019" : "2025"
    }

    /// Reads every row of the table into the sink.
    /// - Throws: `ToolkitError` at the file, line and column of the first cell or row that cannot be read.
    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        try checkColumns(table)
        var reader = RowReader(table, options: options, into: sink)
        for column in reader.columns { sink.add(column.indicator) }
        let (summary, outside) = try table.forEachRow(keepingAreasIn: 0, shape: .gss, options) { row in
            try reader.read(row)
        }
        var warnings: [String] = []
        if let first = reader.missing.first {
            warnings.append(
                "\(reader.missing.count) figure(s) missing (suppressed or empty), the first at \(first): "
                    + "left out of ward averages, never counted as 0")
        }
        return LoadOutcome(csv: summary, warnings: warnings, outside: outside)
    }

    /// Reads an IoD file's rows into a sink: each LSOA's authority and the LSOA the first time they are seen,
    /// then a figure for each measure column, checked against what the column holds.
    private struct RowReader {
        /// True when the file's LSOAs are 2021's (IoD2025), false for 2011's (IoD2019).
        let lsoa2021: Bool
        /// The edition's year, the period of every figure.
        let edition: String
        /// The measure columns: every column after the code and name of the LSOA and of its authority.
        let columns: [Column]
        let file: String
        let header: [String]
        let sink: EvidenceSink
        private var seenAreas: Set<String> = []
        /// LSOA → the line it was first seen on.
        private var lineOf: [String: Int] = [:]
        /// The number of missing figures, and the file, line and column of the first.
        private(set) var missing: (count: Int, first: String?) = (0, nil)
        /// Each domain's rank and decile columns (their places in ``columns``), where the file gives both and the
        /// edition's number of LSOAs is known: a decile is the tenth its rank falls in.
        private let rankDeciles: [(rank: Int, decile: Int)]
        /// The row's figure in each of ``columns``, reused from row to row.
        private var values: [Double?]
        /// The number of LSOAs each edition ranks, where known (`policy/editions.csv`).
        private let rankedAreas: [String: Int]

        /// A reader of `table`'s rows, giving what it reads to `sink`; ranks are checked against the number of LSOAs
        /// the edition ranks where `options` give it.
        init(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) {
            let edition = DeprivationLSOALoader.edition(of: table.header)
            let largestRank = options.rankedAreas[edition].map(Double.init) ?? CensusFigure.largestCount
            self.lsoa2021 = DeprivationLSOALoader.lsoaVintage(edition: edition) == "LSOA21"
            self.edition = edition
            let columns = table.header.enumerated().dropFirst(4).map {
                DeprivationLSOALoader.column($0.offset, $0.element, edition: edition, largestRank: largestRank)
            }
            self.columns = columns
            rankDeciles = largestRank < CensusFigure.largestCount ? Self.rankDeciles(columns) : []
            values = Array(repeating: nil, count: columns.count)
            rankedAreas = options.rankedAreas
            file = table.path
            header = table.header
            self.sink = sink
        }

        /// Reads one row (of an LSOA that is kept): gives the sink the LSOA's authority and the LSOA the first
        /// time each is seen, then the row's figures.
        /// - Throws: `ToolkitError` at an empty LSOA code, an LSOA seen on an earlier line, or a figure that cannot
        ///   be read or is out of range; what the sink throws.
        mutating func read(_ row: CSVRow) throws {
            let code = row[0].trimmedString
            let authority = row[2].trimmedString
            guard !code.isEmpty else { throw ToolkitError(file: file, line: row.line, column: 1, "empty LSOA code") }
            if let first = lineOf.updateValue(row.line, forKey: code) {
                throw ToolkitError(
                    file: file, line: row.line, column: 1,
                    "LSOA \(code) appears twice in this file (first on line \(first)): one row per LSOA")
            }
            if seenAreas.insert(authority).inserted {
                sink.add(
                    Area(
                        code: authority, name: row[3].trimmedString, level: .localAuthority,
                        vintage: lsoa2021 ? "LAD24" : "LAD19"))
            }
            if seenAreas.insert(code).inserted {
                sink.add(
                    Area(
                        code: code, name: row[1].trimmedString, level: .lsoa,
                        vintage: lsoa2021 ? "LSOA21" : "LSOA11", parent: authority))
            }
            for (place, column) in columns.enumerated() {
                values[place] = try addFigure(of: column, lsoa: code, from: row)
            }
            try checkDeciles(row, lsoa: code)
        }

        /// The places in `columns` of each domain's rank and decile, where both are given.
        static func rankDeciles(_ columns: [Column]) -> [(rank: Int, decile: Int)] {
            columns.indices.compactMap { rank in
                guard columns[rank].indicator.unit == "rank", case let id = columns[rank].indicator.id,
                    let decile = columns.firstIndex(where: { $0.indicator.id == id.dropLast(4) + "decile" })
                else { return nil }
                return (rank, decile)
            }
        }

        /// Checks each domain's decile is the tenth its rank falls in (MHCLG's deciles: rank × 10 ÷ the LSOAs ranked,
        /// rounded up; ranks may tie), so that swapped or reversed columns, or scores in a rank column, are refused
        /// rather than read.
        /// - Throws: `ToolkitError` at a decile its rank does not fall in.
        private func checkDeciles(_ row: CSVRow, lsoa code: String) throws {
            for (rank, decile) in rankDeciles {
                guard let ranked = values[rank] else { continue }
                let column = columns[rank]
                guard let given = values[decile] else { continue }
                let expected = Self.decile(of: ranked, among: column.largestRank)
                guard given != expected else { continue }
                throw ToolkitError(
                    file: file, line: row.line, column: columns[decile].index + 1,
                    "decile \(Int(given)) of LSOA \(code) is not the tenth its rank \(Int(ranked)) falls in (decile "
                        + "\(Int(expected)) of \(Int(column.largestRank)) LSOAs, 1 = most deprived): "
                        + (otherEdition(whose: given, rank: ranked).map {
                            let year = DeprivationLSOALoader.lsoaVintage(edition: $0) == "LSOA11" ? 2011 : 2021
                            return "it is IoD\($0)'s decile: name the first column \"LSOA code (\(year))\""
                        } ?? "are the columns swapped, or the deciles reversed?"))
            }
        }

        /// MHCLG's decile of a rank: rank × 10 ÷ the LSOAs ranked, rounded up.
        static func decile(of rank: Double, among ranked: Double) -> Double { (rank * 10 / ranked).rounded(.up) }

        /// Another edition whose count of LSOAs puts `rank` in the tenth `given`, where one does: a file of that
        /// edition whose header names no year.
        private func otherEdition(whose given: Double, rank: Double) -> String? {
            rankedAreas.filter { $0.key != edition && Self.decile(of: rank, among: Double($0.value)) == given }
                .keys.sorted().first
        }

        /// Gives the sink the row's figure for one column, counting it when it is missing.
        /// - Throws: `ToolkitError` at the cell when it cannot be read, is out of range for the column, or is a
        ///   missing total population; what the sink throws.
        private mutating func addFigure(of column: Column, lsoa code: String, from row: CSVRow) throws -> Double? {
            let parsed = try NumericCell.parse(
                row[column.index], file: file, line: row.line,
                column: column.index + 1, columnName: header[column.index])
            if parsed.number == nil {
                if column.isTotalPopulation {
                    throw ToolkitError(
                        file: file, line: row.line, column: column.index + 1,
                        "no total population for LSOA \(code): it weighs the LSOA in ward averages")
                }
                missing.count += 1
                missing.first = missing.first ?? "\(file):\(row.line):\(column.index + 1)"
            }
            if let problem = parsed.number.flatMap(column.problem(with:)) {
                throw ToolkitError(
                    file: file, line: row.line, column: column.index + 1,
                    "\(problem), not \(row[column.index].trimmedString), in column "
                        + "\(ToolkitError.quoted(header[column.index]))"
                )
            }
            try sink.add(
                Observation(
                    indicator: column.indicator.id, area: code, period: edition,
                    value: parsed.number, missing: parsed.missingReason, source: file))
            return parsed.number
        }
    }
}

extension String {
    /// The text with every `(…)` group removed and spaces collapsed: `Income Rank (where 1 is most deprived)` →
    /// `Income Rank`.
    func replacingParentheticals() -> String {
        var out = ""
        var depth = 0
        for ch in self {
            if ch == "(" {
                depth += 1
                continue
            }
            if ch == ")" {
                depth = max(0, depth - 1)
                continue
            }
            if depth == 0 { out.append(ch) }
        }
        return out.split(separator: " ").joined(separator: " ")
    }
}
