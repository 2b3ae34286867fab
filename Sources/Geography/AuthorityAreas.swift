import Core
import Evidence

/// One local authority's wards and small areas as the ONS lookups place them, so that national files can be
/// read for that authority alone (``filter``), and the list of authorities a set of lookups covers.
public struct AuthorityAreas: Sendable {
    /// An authority a set of lookups covers, with its number of wards (newest ward vintage).
    public struct Summary: Sendable, Equatable {
        /// The authority's code (GSS, e.g. E08000016).
        public var code: String
        /// The authority's name in the lookups.
        public var name: String
        /// The number of distinct wards of the newest ward vintage in the authority.
        public var wards: Int

        /// An authority with its code, name and ward count.
        public init(code: String, name: String, wards: Int) {
            self.code = code
            self.name = name
            self.wards = wards
        }
    }

    /// The authority's codes in every vintage the lookups hold (usually one code); a shire county's, with its
    /// districts' codes.
    public let codes: Set<String>
    /// The authority's name in the lookups.
    public let name: String
    /// A local authority (district, unitary or borough), or a shire county whose areas are its districts'.
    public let level: AreaLevel
    /// Its wards in the newest ward vintage of the lookups, by name.
    public let wards: [Area]
    /// Keeps rows of this authority's small areas (and of areas the lookups do not place) when loading.
    public let filter: AreaFilter

    /// Finds an authority by code or name (ignoring case) in the lookups: a district, unitary or borough, or a shire
    /// county council (`E10`), whose areas are its districts'.
    /// - Throws: `ToolkitError` naming the successor of an authority replaced since (`changes`), the authorities of
    ///   a county-level area that is no council (a metropolitan county), or, when none matches, the closest names
    ///   (``notFound(_:_:)``).
    public init(tables: [LookupTable], authority wanted: String, changes: AuthorityChanges = AuthorityChanges()) throws
    {
        var (codes, name) = Self.codes(of: wanted, in: tables) { Self.isAuthority($0) }
        level = codes.isEmpty ? .county : .localAuthority
        if codes.isEmpty {
            let (counties, countyName) = Self.codes(of: wanted, in: tables) { Self.isCounty($0) }
            codes = counties.filter { $0.hasPrefix("E10") }
            name = countyName
            if codes.isEmpty, !counties.isEmpty {
                throw Self.notACouncil(
                    countyName ?? wanted, districts: Self.districts(of: counties, in: tables), tables)
            }
            codes.formUnion(Self.districts(of: codes, in: tables))
        }
        if codes.isEmpty, let change = changes.change(named: wanted) {
            throw ToolkitError(
                setting: "authority",
                "\(change.description): choose \(change.successor.name) (\(change.successor.code))")
        }
        guard !codes.isEmpty else { throw Self.notFound(wanted, tables) }
        var inside: Set<String> = []
        var placed: Set<String> = []
        var wards: [String: Area] = [:]
        let newestWard = LookupTable.newest("WD", in: tables)
        for table in tables {
            let authorityColumns = table.columns.filter { Self.isAuthority($0.key) }.map(\.value)
            let small = table.columns.filter { Self.isSmallArea($0.key) }
            for row in table.rows {
                let isInside = authorityColumns.contains { codes.contains(row[$0]) }
                for (vintage, column) in small where !row[column].isEmpty {
                    placed.insert(row[column])
                    guard isInside else { continue }
                    inside.insert(row[column])
                    if vintage == newestWard, wards[row[column]] == nil {
                        wards[row[column]] = Area(
                            code: row[column], name: table.names[vintage].map { row[$0] } ?? row[column],
                            level: .ward, vintage: vintage)
                    }
                }
            }
        }
        self.codes = codes
        self.name = name ?? wanted
        self.wards = wards.values.sorted { ($0.name, $0.code) < ($1.name, $1.code) }
        filter = AreaFilter(inside: inside, placed: placed)
    }

    /// An authority the lookups lack: the names closest to it (authorities and shire counties), and every authority
    /// where the lookups cover few, else how to list them.
    static func notFound(_ wanted: String, _ tables: [LookupTable]) -> ToolkitError {
        let covered = authorities(in: tables)
        let names = (covered + shireCounties(in: tables)).map(\.name)
        let typed = wanted.lowercased().trimmingCharacters(in: .whitespaces)
        let close = names.map { (name: $0, distance: $0.lowercased().editDistance(to: typed)) }
            .filter { $0.distance <= 2 || ($0.name.lowercased().hasPrefix(typed.prefix(4)) && $0.distance <= 4) }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(3).map(\.name)
        return ToolkitError(
            setting: "authority",
            "no local authority or shire county \"\(wanted)\" in the lookups"
                + (close.isEmpty ? "" : " (did you mean \(close.joined(separator: " or "))?)") + "; "
                + (covered.count <= 30
                    ? listing(covered)
                    : "svtk wards --data with the same lookups lists the authorities and shire counties they cover"))
    }

    /// A county-level area that is no council (a metropolitan county, or Inner or Outer London): its districts are.
    static func notACouncil(_ name: String, districts: Set<String>, _ tables: [LookupTable]) -> ToolkitError {
        let names = authorities(in: tables).filter { districts.contains($0.code) }.map(\.name)
        return ToolkitError(
            setting: "authority",
            "\(name) has no county council: choose one of its \(names.count) authorities "
                + "(\(names.joined(separator: ", ")))")
    }

    /// The shire counties (`E10`) of the newest county vintage in the lookups, by name, with their ward counts (newest
    /// ward vintage of a lookup holding both).
    public static func shireCounties(in tables: [LookupTable]) -> [Summary] {
        summaries(of: "CTY", in: tables) { $0.hasPrefix("E10") }
    }

    /// The codes in columns of the vintages `isWanted` picks whose code or name is `wanted` (ignoring case), and the
    /// first such name.
    private static func codes(
        of wanted: String, in tables: [LookupTable], _ isWanted: (String) -> Bool
    ) -> (Set<String>, String?) {
        var codes: Set<String> = []
        var name: String?
        for table in tables {
            for vintage in table.columns.keys where isWanted(vintage) {
                let column = table.columns[vintage]!
                let nameColumn = table.names[vintage]
                for row in table.rows where !row[column].isEmpty {
                    let rowName = nameColumn.map { row[$0] }
                    if row[column].sameIgnoringCase(wanted) || rowName?.sameIgnoringCase(wanted) == true {
                        codes.insert(row[column])
                        name = name ?? rowName
                    }
                }
            }
        }
        return (codes, name)
    }

    /// The district codes, in every vintage, of the lookups' rows placing them in one of `counties`.
    private static func districts(of counties: Set<String>, in tables: [LookupTable]) -> Set<String> {
        guard !counties.isEmpty else { return [] }
        var districts: Set<String> = []
        for table in tables {
            let county = table.columns.filter { isCounty($0.key) }.map(\.value)
            let authority = table.columns.filter { isAuthority($0.key) }.map(\.value)
            for row in table.rows where county.contains(where: { counties.contains(row[$0]) }) {
                for column in authority where !row[column].isEmpty { districts.insert(row[column]) }
            }
        }
        return districts
    }

    /// Every authority of the newest authority vintage in the lookups, by name, with its ward count.
    public static func authorities(in tables: [LookupTable]) -> [Summary] {
        summaries(of: "LAD", in: tables) { _ in true }
    }

    /// The areas of the newest vintage of `entity` (`LAD`, `CTY`) in the lookups whose code `keeps`, by name, with
    /// their ward counts (the newest ward vintage of a lookup holding both).
    private static func summaries(of entity: String, in tables: [LookupTable], keeps: (String) -> Bool) -> [Summary] {
        guard let vintage = LookupTable.newest(entity, in: tables) else { return [] }
        var names: [String: String] = [:]
        var wards: [String: Set<String>] = [:]
        for table in tables {
            guard let column = table.columns[vintage] else { continue }
            let ward = table.newest("WD").flatMap { table.columns[$0] }
            for row in table.rows where !row[column].isEmpty && keeps(row[column]) {
                if names[row[column]] == nil {
                    names[row[column]] = table.names[vintage].map { row[$0] } ?? row[column]
                }
                if let ward, !row[ward].isEmpty { wards[row[column], default: []].insert(row[ward]) }
            }
        }
        return names.map { Summary(code: $0.key, name: $0.value, wards: wards[$0.key]?.count ?? 0) }
            .sorted { ($0.name, $0.code) < ($1.name, $1.code) }
    }

    /// `the lookups cover 3 authorities: Barnsley (E08000016, 21 wards), …; choose one by its code or name`.
    public static func listing(_ authorities: [Summary]) -> String {
        "the lookups cover \(authorities.count) \(authorities.count == 1 ? "authority" : "authorities"): "
            + authorities.map { "\($0.name) (\($0.code), \($0.wards) wards)" }.joined(separator: ", ")
            + "; choose one by its code or name"
    }

    /// `LAD19`, `LAD22`: the lookups' local-authority columns.
    static func isAuthority(_ vintage: String) -> Bool { LookupTable.isVintage(vintage, of: "LAD") }

    /// `CTY22`: the lookups' county columns (shire counties, and metropolitan counties or Inner and Outer London
    /// for other authorities).
    static func isCounty(_ vintage: String) -> Bool { LookupTable.isVintage(vintage, of: "CTY") }

    /// Output areas, LSOAs, MSOAs and wards: the areas a chosen authority narrows down.
    static func isSmallArea(_ vintage: String) -> Bool {
        ["OA", "LSOA", "MSOA", "WD"].contains { LookupTable.isVintage(vintage, of: $0) }
    }
}

extension String {
    func sameIgnoringCase(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
