import Core
import Evidence
import Loaders

/// How LSOAs of one vintage share out into wards, built from ONS lookups.
///
/// Either a direct lookup (`LSOA11CD…WD19CD`), or a chain through the LSOA 2011→2021 lookup
/// (`F_LSOA11CD,LSOA21CD,CHGIND`) and an LSOA 2021→ward lookup (`LSOA21CD…WD22CD`). In a chain, an LSOA
/// split into several 2021 LSOAs (CHGIND `S`, or `X`) shares its weight equally among the pieces, and
/// LSOAs merged into one (`M`) each keep their full weight in the merged LSOA's ward. An LSOA that the
/// lookups do not place is an error naming it.
public struct WardLookup: Sendable {
    /// A ward's share of an LSOA.
    public struct Share: Sendable, Equatable {
        /// The ward's code (GSS, e.g. E05013010).
        public var ward: String
        /// The fraction of the LSOA in the ward, from 0 to 1.
        public var fraction: Double
    }

    /// Per LSOA, the wards it lies in and the fraction of it in each.
    public private(set) var shares: [String: [Share]] = [:]
    /// Ward code → ward area (name, vintage, authority as parent).
    public private(set) var wards: [String: Area] = [:]
    /// The ward vintage used, e.g. `WD22`.
    public let wardVintage: String
    /// The LSOA vintage placed, e.g. `LSOA21`.
    public let lsoaVintage: String
    /// How the lookup was put together, for the report.
    public let method: String
    /// Rows repeated word for word in the lookups, counted once (none when zero).
    public private(set) var repeatedRows = 0

    /// Builds the lookup from LSOAs of `lsoaVintage` (e.g. `LSOA11`) to wards, reading the lookup files.
    /// - Parameter wardVintage: the ward vintage wanted (e.g. `WD22`); the newest available when `nil`.
    /// - Throws: `ToolkitError` when a file is not a lookup or the lookups do not link the vintages.
    public init(files: [String], from lsoaVintage: String, to wardVintage: String? = nil) throws {
        try self.init(tables: files.map { try LookupTable(path: $0) }, from: lsoaVintage, to: wardVintage)
    }

    /// An error about the lookups: at the first file, or about the lookup setting when none was given.
    static func error(in files: [String], _ message: String) -> ToolkitError {
        files.first.map { ToolkitError(file: $0, message) } ?? ToolkitError(setting: "lookup", message)
    }

    /// Builds the lookup from LSOAs of `lsoaVintage` (e.g. `LSOA11`) to wards, from lookup tables already read.
    /// - Parameter wardVintage: the ward vintage wanted (e.g. `WD22`); the newest available when `nil`.
    /// - Throws: `ToolkitError` when the tables have no ward column or do not link the vintages, when a best-fit
    ///   lookup places an LSOA in two wards, or when an LSOA's 2021 piece is not in the ward lookup.
    public init(tables: [LookupTable], from lsoaVintage: String, to wardVintage: String? = nil) throws {
        let files = tables.map(\.path)
        guard let chosen = wardVintage ?? LookupTable.newest("WD", in: tables) else {
            throw Self.error(in: files, "no ward column (WDyyCD) in the lookups given")
        }
        self.wardVintage = chosen
        self.lsoaVintage = lsoaVintage
        wards = Self.wardAreas(in: tables, vintage: chosen)
        let linking =
            try Self.directLinking(tables, from: lsoaVintage, to: chosen)
            ?? Self.chainedLinking(tables, from: lsoaVintage, to: chosen, files: files)
        shares = linking.shares
        repeatedRows = linking.repeated
        method = linking.method
    }

    /// How the lookups link LSOAs to wards: the wards' shares of each LSOA, the rows repeated word for word,
    /// and how the link was made, for the report.
    private typealias Linking = (shares: [String: [Share]], repeated: Int, method: String)

    /// Ward code → ward area (name, vintage, authority as parent), from every table with the `vintage` ward
    /// column: the first row that gives a ward names it.
    private static func wardAreas(in tables: [LookupTable], vintage chosen: String) -> [String: Area] {
        var wards: [String: Area] = [:]
        for table in tables {
            guard let wardColumn = table.columns[chosen] else { continue }
            let authority = table.columns.keys.filter { $0.hasPrefix("LAD") }.max()
            for row in table.rows where !row[wardColumn].isEmpty && wards[row[wardColumn]] == nil {
                wards[row[wardColumn]] = Area(
                    code: row[wardColumn], name: table.names[chosen].map { row[$0] } ?? row[wardColumn],
                    level: .ward, vintage: chosen, parent: authority.flatMap { table.columns[$0] }.map { row[$0] })
            }
        }
        return wards
    }

    /// The link made by the first table with both an `lsoaVintage` and a `chosen` ward column, read as a
    /// best-fit lookup (each LSOA wholly in one ward); `nil` when no table has both.
    /// - Throws: `ToolkitError` where that table places an LSOA in a second ward or gives it no ward code.
    private static func directLinking(
        _ tables: [LookupTable], from lsoaVintage: String, to chosen: String
    ) throws -> Linking? {
        guard let direct = tables.first(where: { $0.columns[lsoaVintage] != nil && $0.columns[chosen] != nil }) else {
            return nil
        }
        let bestFit = try Self.bestFit(direct, from: direct.columns[lsoaVintage]!, to: direct.columns[chosen]!)
        var shares: [String: [Share]] = [:]
        for (lsoa, ward) in bestFit.wards { shares[lsoa] = [Share(ward: ward, fraction: 1)] }
        return (shares, bestFit.repeated, "\(lsoaVintage)→\(chosen) from \(direct.path)")
    }

    /// The link made through an intermediate LSOA vintage: `lsoaVintage` to its pieces in the bridge table, then
    /// each piece to its ward in the ward table; a split LSOA's weight is shared equally among its pieces.
    /// - Throws: `ToolkitError` when the tables do not chain the vintages, when the ward table places a piece in
    ///   two wards, or when a piece is not in the ward table.
    private static func chainedLinking(
        _ tables: [LookupTable], from lsoaVintage: String, to chosen: String, files: [String]
    ) throws -> Linking {
        let (wardTable, middle, bridge) = try chain(tables, from: lsoaVintage, to: chosen, files: files)
        let bestFit = try Self.bestFit(wardTable, from: wardTable.columns[middle]!, to: wardTable.columns[chosen]!)
        let wardOf = bestFit.wards
        let split = pieces(in: bridge, from: bridge.columns[lsoaVintage]!, to: bridge.columns[middle]!)
        var shares: [String: [Share]] = [:]
        for (lsoa, parts) in split.pieces {
            var byWard: [String: Double] = [:]
            for part in parts {
                guard let ward = wardOf[part] else {
                    throw ToolkitError(
                        file: wardTable.path,
                        "\(middle) \(part) (from \(lsoaVintage) \(lsoa) in "
                            + "\(bridge.path)) is not in this lookup")
                }
                byWard[ward, default: 0] += 1 / Double(parts.count)
            }
            shares[lsoa] = byWard.keys.sorted().map { Share(ward: $0, fraction: byWard[$0]!) }
        }
        let method =
            "\(lsoaVintage)→\(middle) from \(bridge.path), then \(middle)→\(chosen) from \(wardTable.path); "
            + "a split LSOA shares its population equally among its pieces"
        return (shares, bestFit.repeated + split.repeated, method)
    }

    /// The tables that chain `lsoaVintage` to `chosen` wards: the first with a `chosen` ward column and an LSOA
    /// column, that LSOA vintage (`middle`), and the first table linking `lsoaVintage` to `middle`.
    /// - Throws: `ToolkitError` when no tables chain the vintages this way.
    private static func chain(
        _ tables: [LookupTable], from lsoaVintage: String, to chosen: String, files: [String]
    ) throws -> (wardTable: LookupTable, middle: String, bridge: LookupTable) {
        guard
            let wardTable = tables.first(where: { t in
                t.columns[chosen] != nil && t.columns.keys.contains { $0.hasPrefix("LSOA") }
            }),
            let middle = wardTable.columns.keys.first(where: { $0.hasPrefix("LSOA") }),
            let bridge = tables.first(where: { $0.columns[lsoaVintage] != nil && $0.columns[middle] != nil })
        else {
            throw Self.error(
                in: files,
                "the lookups do not link \(lsoaVintage) to \(chosen) wards: give an \(lsoaVintage)→ward lookup, or an "
                    + "\(lsoaVintage)→LSOA21 lookup together with an LSOA21→ward lookup")
        }
        return (wardTable, middle, bridge)
    }

    /// Each LSOA's pieces in a bridge lookup (column `from` to column `to`), in row order, and the number of
    /// rows repeated word for word (counted once).
    private static func pieces(
        in bridge: LookupTable, from: Int, to: Int
    ) -> (pieces: [String: [String]], repeated: Int) {
        var pieces: [String: [String]] = [:]
        var seenPieces: Set<[String]> = []
        var repeated = 0
        for row in bridge.rows where !row[from].isEmpty {
            guard seenPieces.insert([row[from], row[to]]).inserted else {
                repeated += 1
                continue
            }
            pieces[row[from], default: []].append(row[to])
        }
        return (pieces, repeated)
    }

    /// Each LSOA's one ward from a best-fit lookup, and the number of rows repeated word for word.
    /// - Throws: `ToolkitError` at the line where an LSOA is placed in a second, different ward.
    static func bestFit(_ table: LookupTable, from: Int, to: Int) throws -> (wards: [String: String], repeated: Int) {
        var repeated = 0
        var wardOf: [String: (ward: String, line: Int)] = [:]
        for (row, line) in zip(table.rows, table.lines) where !row[from].isEmpty {
            guard !row[to].isEmpty else {
                throw ToolkitError(file: table.path, line: line, column: to + 1, "\(row[from]) has no ward code")
            }
            if let first = wardOf[row[from]] {
                guard first.ward == row[to] else {
                    throw ToolkitError(
                        file: table.path, line: line,
                        "\(row[from]) is placed in \(row[to]) here but in "
                            + "\(first.ward) on line \(first.line): a best-fit lookup puts each area in one ward")
                }
                repeated += 1
            } else {
                wardOf[row[from]] = (row[to], line)
            }
        }
        return (wardOf.mapValues(\.ward), repeated)
    }
}
