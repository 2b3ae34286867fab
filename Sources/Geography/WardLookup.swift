import CSV
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
    /// How the lookup was put together, for the report.
    public let method: String
    /// Rows repeated word for word in the lookups, counted once (none when zero).
    public private(set) var repeatedRows = 0

    /// Builds the lookup from LSOAs of `lsoaVintage` (e.g. `LSOA11`) to wards, reading the lookup files.
    /// - Parameter wardVintage: the ward vintage wanted (e.g. `WD22`); the newest available when `nil`.
    /// - Throws: `InputError` when a file is not a lookup or the lookups do not link the vintages.
    public init(files: [String], from lsoaVintage: String, to wardVintage: String? = nil) throws {
        try self.init(tables: files.map(LookupTable.init(path:)), from: lsoaVintage, to: wardVintage)
    }

    /// An error about the lookups: at the first file, or about the lookup setting when none was given.
    static func error(in files: [String], _ message: String) -> InputError {
        files.first.map { InputError(file: $0, message) } ?? InputError(setting: "lookup", message)
    }

    /// Builds the lookup from LSOAs of `lsoaVintage` (e.g. `LSOA11`) to wards, from lookup tables already read.
    /// - Parameter wardVintage: the ward vintage wanted (e.g. `WD22`); the newest available when `nil`.
    /// - Throws: `InputError` when the tables have no ward column or do not link the vintages, when a best-fit
    ///   lookup places an LSOA in two wards, or when an LSOA's 2021 piece is not in the ward lookup.
    public init(tables: [LookupTable], from lsoaVintage: String, to wardVintage: String? = nil) throws {
        let files = tables.map(\.path)
        guard let chosen = wardVintage ?? LookupTable.newest("WD", in: tables) else {
            throw Self.error(in: files, "no ward column (WDyyCD) in the lookups given")
        }
        self.wardVintage = chosen
        // Ward names and authorities from any table with the chosen ward column.
        for table in tables {
            guard let wardColumn = table.columns[chosen] else { continue }
            let authority = table.columns.keys.filter { $0.hasPrefix("LAD") }.max()
            for row in table.rows where !row[wardColumn].isEmpty && wards[row[wardColumn]] == nil {
                wards[row[wardColumn]] = Area(
                    code: row[wardColumn], name: table.names[chosen].map { row[$0] } ?? row[wardColumn],
                    level: .ward, vintage: chosen, parent: authority.flatMap { table.columns[$0] }.map { row[$0] })
            }
        }
        if let direct = tables.first(where: { $0.columns[lsoaVintage] != nil && $0.columns[chosen] != nil }) {
            let from = direct.columns[lsoaVintage]!
            let to = direct.columns[chosen]!
            let bestFit = try Self.bestFit(direct, from: from, to: to)
            repeatedRows = bestFit.repeated
            for (lsoa, ward) in bestFit.wards { shares[lsoa] = [Share(ward: ward, fraction: 1)] }
            method = "\(lsoaVintage)→\(chosen) from \(direct.path)"
            return
        }
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
        let bestFit = try Self.bestFit(wardTable, from: wardTable.columns[middle]!, to: wardTable.columns[chosen]!)
        let wardOf = bestFit.wards
        repeatedRows = bestFit.repeated
        var pieces: [String: [String]] = [:]
        var seenPieces: Set<[String]> = []
        let from = bridge.columns[lsoaVintage]!
        let to = bridge.columns[middle]!
        for row in bridge.rows where !row[from].isEmpty {
            guard seenPieces.insert([row[from], row[to]]).inserted else {
                repeatedRows += 1
                continue
            }
            pieces[row[from], default: []].append(row[to])
        }
        for (lsoa, parts) in pieces {
            var byWard: [String: Double] = [:]
            for part in parts {
                guard let ward = wardOf[part] else {
                    throw InputError(
                        file: wardTable.path,
                        "\(middle) \(part) (from \(lsoaVintage) \(lsoa) in "
                            + "\(bridge.path)) is not in this lookup")
                }
                byWard[ward, default: 0] += 1 / Double(parts.count)
            }
            shares[lsoa] = byWard.keys.sorted().map { Share(ward: $0, fraction: byWard[$0]!) }
        }
        method =
            "\(lsoaVintage)→\(middle) from \(bridge.path), then \(middle)→\(chosen) from \(wardTable.path); "
            + "a split LSOA shares its population equally among its pieces"
    }

    /// Each LSOA's one ward from a best-fit lookup, and the number of rows repeated word for word.
    /// - Throws: `InputError` at the line where an LSOA is placed in a second, different ward.
    static func bestFit(_ table: LookupTable, from: Int, to: Int) throws -> (wards: [String: String], repeated: Int) {
        var repeated = 0
        var wardOf: [String: (ward: String, line: Int)] = [:]
        for (row, line) in zip(table.rows, table.lines) where !row[from].isEmpty {
            guard !row[to].isEmpty else {
                throw InputError(file: table.path, line: line, column: to + 1, "\(row[from]) has no ward code")
            }
            if let first = wardOf[row[from]] {
                guard first.ward == row[to] else {
                    throw InputError(
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
