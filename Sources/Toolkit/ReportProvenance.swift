import Catalogue
import Core
import Evidence
import Foundation
import Geography
import Loaders
import Reports

/// Where a report came from, gathered from the files and the catalogue it used.
public enum ReportProvenance {
    /// - Parameters:
    ///   - data: the data files (action plans and lookups included) in the order given; a file given twice (an
    ///     action plan among the data and as `--eaap`) is listed once.
    ///   - others: the other inputs (boundaries, contract) with their kind (``SourceRegister/boundaries``, …).
    ///   - dataset: what the data files gave: the periods and areas of each file's figures.
    ///   - options: how each data file was read (its delimiter), to tell its kind again.
    ///   - reading: whether third parties' aggregates were read (labelled) or left out.
    ///   - toolkit: the svtk that made it (`svtk 0.12.0 (commit 1a2b3c4)`).
    /// - Throws: `ToolkitError` for a file that cannot be read for its kind or checksum.
    static func gather(
        data: [String], others: [(path: String, format: String)] = [], dataset: Dataset, catalogue: Catalogue,
        options: (String) -> LoadOptions, reading: DataReading, toolkit: String
    ) throws -> Provenance {
        let figures = FiguresBySource(dataset)
        var seen: Set<String> = []
        let paths = data.filter { seen.insert($0).inserted }
        let fileOptions = paths.map(options)
        var reads: [SourceRegister.Read] = []
        try WorkAhead(count: paths.count) {  // each file's kind told again, several files at once
            try read(paths[$0], figures: figures, options: fileOptions[$0], reading: reading)
        }
        .forEach { reads.append($1) }
        reads += others.map { SourceRegister.Read(path: $0.path, format: $0.format, periods: [], areas: [:]) }
        let register = try SourceRegister(reads, known: catalogue.publishedSources, year: year())
        return Provenance(
            generated: generated(), toolkit: toolkit, files: register.entries,
            catalogue: catalogue.sources, prices: "\(catalogue.priceBase.priceYear) prices")
    }

    /// The provenance with more inputs listed after its own (a report's contract profile), each once.
    /// - Throws: `ToolkitError` for a file that cannot be read for its checksum.
    public static func adding(
        _ others: [(path: String, format: String)], to provenance: Provenance, catalogue: Catalogue
    ) throws -> Provenance {
        let listed = Set(provenance.files.map(\.path))
        let reads = others.filter { !listed.contains($0.path) }.map {
            SourceRegister.Read(path: $0.path, format: $0.format, periods: [], areas: [:])
        }
        guard !reads.isEmpty else { return provenance }
        var more = provenance
        more.files += try SourceRegister(reads, known: catalogue.publishedSources, year: year()).entries
        return more
    }

    /// What a data file gave the analysis: its kind (an action plan, or the format of the loader its header fits),
    /// the periods and areas of its figures, and, for a third party's aggregate, whether it was read or left out.
    /// - Throws: `ToolkitError` for a file that cannot be read or fits no loader.
    static func read(
        _ path: String, figures: FiguresBySource, options: LoadOptions, reading: DataReading
    ) throws -> SourceRegister.Read {
        if EqualityActionPlanLoader.isActionPlan(path) {
            return SourceRegister.Read(path: path, format: EqualityActionPlanLoader.format, periods: [], areas: [:])
        }
        let table = try FileLoader.table(path, options: options)
        let unofficial = table.flatMap { reading.unofficial.source(of: $0.header) }.map {
            reading.includeUnofficial
                ? "unofficial: \($0.what), made by \($0.who); its figures are labelled unofficial"
                : "left out: \($0.what), made by \($0.who) (read it with --unofficial)"
        }
        return SourceRegister.Read(
            path: path, format: try table.map { try FileLoader.detect($0).format } ?? NormalisedJSONLoader.format,
            periods: figures.periods[path] ?? [], areas: figures.areas[path] ?? [:],
            notes: unofficial.map { [$0] } ?? [])
    }

    /// The periods of each file's figures and the areas they are for, by kind, from one pass over the dataset.
    struct FiguresBySource {
        /// File → the periods of its figures.
        private(set) var periods: [String: Set<String>] = [:]
        /// File → how many areas of each kind its figures are for.
        private(set) var areas: [String: [AreaLevel: Int]] = [:]

        /// - Complexity: O(*n*) in the figures, grouped by their symbols (each text read once, not per figure).
        init(_ dataset: Dataset) {
            let table = dataset.observations
            var periodsOf: [UInt32: Set<UInt32>] = [:]  // file → the periods of its figures, by symbol
            var areasOf: [UInt32: Set<UInt32>] = [:]  // file → the areas of its figures, by symbol
            for position in table.indices {
                let source = table.sourceSymbol(at: position)
                periodsOf[source, default: []].insert(table.periodSymbol(at: position))
                areasOf[source, default: []].insert(table.areaSymbol(at: position))
            }
            for (source, symbols) in periodsOf {
                periods[table.symbols[source]] = Set(symbols.map { table.symbols[$0] })
            }
            for (source, symbols) in areasOf {
                for area in symbols {
                    let code = table.symbols[area]
                    areas[table.symbols[source], default: [:]][
                        dataset.areas[code]?.level ?? AreaLevel(code: code), default: 0] += 1
                }
            }
        }
    }

    /// Now in UTC to the minute, or `SOURCE_DATE_EPOCH` where set (for reproducible output).
    public static func generated() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: now())
    }

    /// This year in UTC, or `SOURCE_DATE_EPOCH`'s, to judge whether a period is old.
    public static func year() -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.component(.year, from: now())
    }

    /// Now, or `SOURCE_DATE_EPOCH` where set.
    private static func now() -> Date {
        let seconds = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        return seconds.map(Date.init(timeIntervalSince1970:)) ?? Date()
    }
}
