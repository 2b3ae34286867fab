import CSV
import Catalogue
import Core
import Evidence
import Loaders

/// Loads a set of data files for analysis: every file through its loader into one ``Dataset``, then, where
/// ONS lookups are among the files, the Indices of Deprivation rolled up from LSOAs to wards and census LSOA
/// counts summed to wards and authorities.
///
/// With an authority chosen and lookups given, the lookups are read first and rows for other authorities'
/// small areas are skipped as each file is read (authorities, regions and England are kept for comparisons),
/// so one borough from the national files takes seconds and little memory. Unless every authority's areas are read,
/// several files are read at once, one per processor, and added to the dataset in the order given: the figures,
/// duplicates, notes and first error are those of reading them one after another.
public struct DatasetBuilder {
    /// What was loaded, with the roll-ups added.
    public let dataset: Dataset
    /// Each file's result.
    public let results: [FileLoader.Result]
    /// Notes on what was derived and how.
    public let notes: [String]
    /// What each file's reading left out, converted or could not tell (`file: warning`), for the user to see.
    public let warnings: [String]

    /// - Parameters:
    ///   - files: data files of any supported format, lookups included.
    ///   - authority: the borough (code or name); rows of other authorities' small areas are skipped.
    ///   - everyAuthority: read every authority's areas (for a national atlas) instead of choosing one.
    ///   - smallest: when given, figures of areas smaller than it (LSOAs below wards) are forgotten once rolled up,
    ///     for an analysis that reads only areas from it up: the national atlas's millions of LSOA figures are then
    ///     not held beside the analysis.
    ///   - reading: the deprivation domains weighed by another population than the total, and which third
    ///     parties' aggregates to read (a file the catalogue knows as one is left out, with a note, unless asked
    ///     for, and its figures are then labelled unofficial).
    /// - Throws: `ToolkitError` for a file that cannot be read, and when lookups cover several authorities and
    ///   none is chosen (listing them with their ward counts).
    public init(
        files: [String], authority: String? = nil, everyAuthority: Bool = false, keepingFrom smallest: AreaLevel? = nil,
        reading: DataReading = DataReading(), options: (String) -> LoadOptions = { _ in LoadOptions() }
    ) throws {
        try FileLoader.checkEachOnce(files)
        let lookups = try Self.readLookups(files, changes: reading.authorityChanges)
        let chosen = everyAuthority ? nil : try Self.choose(authority, lookups, changes: reading.authorityChanges)
        let fileOptions = files.map { file in
            var fileOptions = options(file)
            fileOptions.areas = chosen?.filter
            fileOptions.rankedAreas = reading.rankedAreas
            fileOptions.authorityChanges = reading.authorityChanges
            return fileOptions
        }
        let data = Dataset()
        var (results, notes) = try Self.load(
            files, options: fileOptions, reading: reading, severalAtOnce: !everyAuthority && files.count > 1,
            into: data)
        warnings = results.flatMap { result in result.outcome.warnings.map { "\(result.file): \($0)" } }
        let outside = results.map(\.outcome.outside).reduce(0, +)
        if let chosen { notes += Self.successorNotes(chosen, reading.authorityChanges) }
        if let chosen, outside > 0 {
            notes.append("\(outside) row(s) for other authorities' areas skipped: the data are read for \(chosen.name)")
        }
        if !lookups.isEmpty {
            // A county's areas are its districts': the data hold only theirs, so every LSOA read is the county's.
            notes += try Self.rollUp(
                data, lookups: lookups, authority: chosen?.level == .county ? nil : authority,
                weights: reading.weights, keepingFrom: smallest)
        }
        if data.duplicates > 0 {
            notes.append(
                "\(data.duplicates) figure(s) appeared in more than one file and were counted once (the first file's "
                    + "kept; the roll-ups count as files)"
            )
        }
        if data.contradicted > 0, let first = data.firstContradiction {
            notes.append(
                "\(data.contradicted) figure(s) given by two files with different values; the first file's is kept "
                    + "(load only one of them to choose): e.g. \(first)")
        }
        if data.derivedDiffering > 0 {
            notes.append(
                "\(data.derivedDiffering) roll-up figure(s) differ from a data file's figure for the same area and "
                    + "period: the data file's is kept")
        }
        if let smallest { data.removeFigures(below: smallest) }
        dataset = data
        self.results = results
        self.notes = notes
    }

    /// Loads every file into `data`, in order: several files at once, each into a dataset of its own then added to
    /// `data`, when `severalAtOnce`; else one after another straight into `data`. Reading several at once suits files
    /// read for one authority, whose figures are few once the rows of other authorities' areas are skipped; files read
    /// for every authority are large, and adding each file's figures to `data` a second time costs the time saved.
    /// - Returns: each file's result, and a note for each file left out.
    /// - Throws: `ToolkitError` for the first file in order that cannot be read.
    static func load(
        _ files: [String], options: [LoadOptions], reading: DataReading, severalAtOnce: Bool, into data: Dataset
    ) throws -> (results: [FileLoader.Result], notes: [String]) {
        var results: [FileLoader.Result] = []
        var notes: [String] = []
        func take(_ read: FileRead) {
            switch read {
            case .loaded(let result): results.append(result)
            case .leftOut(let note): notes.append(note)
            }
        }
        guard severalAtOnce else {
            for (file, options) in zip(files, options) {
                take(try read(file, options: options, reading: reading, into: data))
            }
            return (results, notes)
        }
        try WorkAhead(count: files.count) { index in
            let own = Dataset()
            var alone = options[index]
            alone.threads = .one
            return (try read(files[index], options: alone, reading: reading, into: own), own)
        }
        .forEach { _, loaded in
            try data.add(contentsOf: loaded.1)
            take(loaded.0)
        }
        return (results, notes)
    }

    /// What reading one file gave: its loader's result, or why it was left out.
    enum FileRead {
        case loaded(FileLoader.Result)
        case leftOut(String)
    }

    /// Reads one file into a sink, unless it is a third party's aggregate not asked for.
    /// - Throws: `ToolkitError` for a file that cannot be read.
    static func read(_ file: String, options: LoadOptions, reading: DataReading, into data: Dataset) throws -> FileRead
    {
        guard let table = try FileLoader.table(file, options: options) else {
            return .loaded(try FileLoader.load(file, options: options, into: data))
        }
        guard let unofficial = reading.unofficial.source(of: table.header) else {
            return .loaded(try FileLoader.load(table, options: options, into: data))
        }
        guard reading.includeUnofficial else {
            return .leftOut(
                "\(file) left out: \(unofficial.what), made by \(unofficial.who); read it with --unofficial")
        }
        return .loaded(try loadUnofficial(table, unofficial, options: options, into: data))
    }

    /// Reads the files that are ONS geography lookups as lookups, several files at once.
    /// - Throws: `ToolkitError` for the first file in order that cannot be read, or is a lookup that cannot be read
    ///   as one.
    static func readLookups(_ files: [String], changes: AuthorityChanges) throws -> [LookupTable] {
        var tables: [LookupTable] = []
        try WorkAhead(count: files.count) {
            try LookupTable.isLookup(files[$0]) ? LookupTable(path: files[$0], changes: changes, threads: .one) : nil
        }
        .forEach { if let table = $1 { tables.append(table) } }
        return tables
    }

    /// Loads a third party's aggregate with every indicator's name and source saying whose it is.
    /// - Throws: what ``FileLoader/load(_:options:into:)-(CSVTable,_,_)`` throws.
    static func loadUnofficial(
        _ table: CSVTable, _ source: UnofficialSources.Source, options: LoadOptions, into data: Dataset
    ) throws -> FileLoader.Result {
        let own = Dataset()
        let result = try FileLoader.load(table, options: options, into: own)
        for var indicator in own.indicators.values.sorted(by: { $0.id < $1.id }) {
            indicator.name += " (unofficial: \(source.who))"
            indicator.source = source.who
            data.add(indicator)
        }
        for area in own.areas.values.sorted(by: { $0.code < $1.code }) { data.add(area) }
        data.startFile(table.path)
        for observation in own.observations { try data.add(observation) }
        return result
    }

    /// The authority whose areas to read: the one asked for, or none when the lookups cover one authority
    /// (or there are no lookups). Several authorities and none chosen is an error listing them.
    static func choose(
        _ authority: String?, _ lookups: [LookupTable], changes: AuthorityChanges
    ) throws -> AuthorityAreas? {
        guard !lookups.isEmpty else { return nil }
        if let authority { return try AuthorityAreas(tables: lookups, authority: authority, changes: changes) }
        let covered = AuthorityAreas.authorities(in: lookups)
        guard covered.count <= 1 else { throw ToolkitError(setting: "authority", AuthorityAreas.listing(covered)) }
        return nil
    }

    /// `the lookups' Craven (E07000163), … are read as North Yorkshire (E06000065), which replaced them on 2023-04-01`.
    static func successorNotes(_ chosen: AuthorityAreas, _ changes: AuthorityChanges) -> [String] {
        let replaced = changes.all.filter { chosen.codes.contains($0.successor.code) }
        guard let first = replaced.first else { return [] }
        return [
            "the lookups' "
                + replaced.map { "\($0.predecessor.name) (\($0.predecessor.code))" }.joined(separator: ", ")
                + " are read as \(first.successor.name) (\(first.successor.code)), which replaced them on "
                + first.since
        ]
    }

    /// Adds the deprivation and census roll-ups to wards, each as a file of its own (named as its figures' source), so
    /// that a figure a data file gave already is a duplicate whichever file was read last; returns notes on them.
    static func rollUp(
        _ data: Dataset, lookups: [LookupTable], authority: String?, weights: DeprivationWeights,
        keepingFrom smallest: AreaLevel?
    ) throws -> [String] {
        var notes: [String] = []
        for rollUp in try DeprivationRollUp.everyEdition(
            data: data, lookups: lookups, authority: authority, weights: weights)
        {
            data.startFile(DeprivationRollUp.source, derived: true)
            try data.add(contentsOf: rollUp.wards)
            notes += rollUp.notes.map { "deprivation: \($0)" }
        }
        let wardOf = try censusWards(lookups)
        if !wardOf.isEmpty {
            data.startFile(CensusRollUp.source, derived: true)
            notes += try CensusRollUp.rollUp(into: data, wardOf: wardOf, keepingFrom: smallest)
        } else if case let unsummed = CensusRollUp.lsoaFigures(in: data), unsummed > 0 {
            notes.append(
                "\(unsummed) census figure(s) by LSOA not summed to wards or authorities: no lookup from LSOA 2021 "
                    + "to wards among the files (ONS's LSOA 2021 to ward to local authority lookup)")
        }
        // Counties from their districts' figures, which the authority tables give without any LSOA lookup.
        data.startFile(CensusRollUp.source, derived: true)
        notes += try CensusRollUp.sumCounties(into: data)
        return notes
    }

    /// LSOA 2021 → (ward, authority) from a lookup with LSOA21CD, a ward column and an authority column.
    /// - Throws: `ToolkitError` at a line placing an LSOA in a second, different ward.
    static func censusWards(_ lookups: [LookupTable]) throws -> [String: (ward: String, authority: String)] {
        for table in lookups {
            guard let lsoa = table.columns["LSOA21"], let ward = table.newest("WD").flatMap({ table.columns[$0] }),
                let authority = table.newest("LAD").flatMap({ table.columns[$0] })
            else { continue }
            let wardOf = try WardLookup.bestFit(table, from: lsoa, to: ward).wards
            var map: [String: (String, String)] = [:]
            for row in table.rows where !row[lsoa].isEmpty { map[row[lsoa]] = (wardOf[row[lsoa]]!, row[authority]) }
            return map
        }
        return [:]
    }
}
