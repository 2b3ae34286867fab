import CSV
import Core
import Evidence

/// ONS geography lookups (`LSOA21CD,LSOA21NM,WD22CD,WD22NM,LAD22CD,…`): pairs of `<entity><yy>CD` and
/// `<entity><yy>NM` columns. Each code column gives areas of that vintage (e.g. `WD22`); an area's parent is
/// the next column to its right at a coarser level. Other columns (e.g. `IMD19`, a copy of a figure published
/// with its name and edition elsewhere) are not read as evidence: the note names them. An authority replaced since
/// the lookup was published (``LoadOptions/authorityChanges``) is read as its successor.
public enum GeographyLookupLoader: Loader {
    /// The format's name as a user would say it.
    public static let format = "ONS geography lookup"
    /// What the header must contain, for the message shown when no loader fits a file.
    public static let expects = "two or more <ENTITY><yy>CD code columns, e.g. LSOA11CD and WD19CD, with their NM names"

    /// Columns that describe the lookup itself rather than an area or a figure.
    static let bookkeeping: Set<String> = ["fid", "objectid", "chgind"]

    /// A code column of a lookup: its index, vintage (e.g. `WD22`) and the index of its name column.
    public struct CodeColumn: Sendable {
        /// The column's index in the header.
        public var index: Int
        /// The areas' kind and vintage, e.g. `WD22` or `LSOA21`.
        public var vintage: String
        /// The index of its `<ENTITY><yy>NM` name column, when the lookup has one.
        public var name: Int?
    }

    /// The `<ENTITY><yy>CD` columns of a header, left to right.
    public static func codeColumns(_ header: [String]) -> [CodeColumn] {
        let keys = header.map(HeaderName.key)
        return keys.enumerated().compactMap { i, key in
            var stem = Substring(key)
            if stem.hasPrefix("f") && stem.dropFirst().first.map({ !$0.isNumber }) == true
                && keys.contains(String(stem.dropFirst().dropLast(2)) + "nm")
            {
                stem = stem.dropFirst()  // F_LSOA11CD: "F_" is an ArcGIS field prefix
            }
            guard stem.hasSuffix("cd") else { return nil }
            let entity = stem.dropLast(2)
            guard entity.count >= 4, entity.suffix(2).allSatisfy(\.isNumber),
                entity.dropLast(2).allSatisfy(\.isLetter)
            else { return nil }
            return CodeColumn(index: i, vintage: entity.uppercased(), name: keys.firstIndex(of: entity + "nm"))
        }
    }

    /// True when a header is this format's.
    public static func matches(_ header: [String]) -> Bool { codeColumns(header).count >= 2 }

    /// Reads every row of the table into the sink.
    /// - Throws: `ToolkitError` at the file, line and column of the first cell or row that cannot be read.
    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        let codes = codeColumns(table.header)
        let keys = table.header.map(HeaderName.key)
        let described = Set(codes.flatMap { [$0.index] + ($0.name.map { [$0] } ?? []) })
        let extras = keys.indices.filter { i in
            !described.contains(i) && !bookkeeping.contains(keys[i]) && !keys[i].hasSuffix("nmw")
        }
        var seen: Set<String> = []
        let header = table.header
        let summary = try table.forEachRow(progress: options.progress) { row in
            for column in codes { try CodeShape.gss.check(row, column.index, file: table.path, what: "area code") }
            var values = codes.map { row[$0.index].trimmedString }
            let replaced = !options.authorityChanges.isEmpty && options.authorityChanges.update(codes: &values)
            // Every row is read, so that other authorities keep their regions for comparisons; only small
            // areas of other authorities are left out.
            for (position, column) in codes.enumerated() {
                let code = values[position]
                guard !code.isEmpty, options.areas?.keeps(code) ?? true, seen.insert(code).inserted else { continue }
                let level = AreaLevel(code: code)
                let parent = codes.indices.dropFirst(position + 1).first { other in
                    !values[other].isEmpty && AreaLevel(code: values[other]) > level
                        && AreaLevel(code: values[other]) != .unknown
                }.map { values[$0] }
                sink.add(
                    Area(
                        code: code,
                        name: (replaced ? options.authorityChanges.successorName(code) : nil)
                            ?? column.name.map { row[$0].trimmedString } ?? code,
                        level: level, vintage: column.vintage, parent: parent))
            }
        }
        var warnings: [String] = []
        if !extras.isEmpty {
            warnings.append(
                "column(s) \(extras.map { header[$0] }.joined(separator: ", ")) not read: a lookup places areas, "
                    + "and gives no name, period, unit or polarity for a figure (load the figure's own file)")
        }
        return LoadOutcome(csv: summary, warnings: warnings)
    }
}
