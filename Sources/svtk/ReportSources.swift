import ArgumentParser
import CSV
import Catalogue
import Evidence
import Foundation
import Geography
import Loaders
import NeedsAnalysis
import Reports

/// The `--boundaries FILE` option of the commands that draw ward maps.
struct BoundariesOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Ward boundaries as GeoJSON (from the ONS Open Geography portal) for the maps "
                + "(default: the demo borough's when the data are the demo's).", valueName: "file"))
    var boundaries: String?

    /// The boundaries file given, as an input of the provenance.
    var inputs: [(path: String, format: String)] { boundaries.map { [($0, SourceRegister.boundaries)] } ?? [] }

    /// The maps for a borough: from `--boundaries`, or from a file in `Datasets/geography/` holding its wards;
    /// none when neither covers the borough.
    /// - Throws: `ToolkitError` for a boundaries file that cannot be read, or that holds none of the borough's wards.
    func maps(
        _ analysis: NeedsAnalysis, view: BoroughView, delivery: Set<String>,
        outlineMeaning: String = "delivery area"
    ) throws -> ReportMaps? {
        let wards = Set(analysis.wards.map(\.code))
        let (deciles, edition) = Self.deciles(analysis)
        if let boundaries {
            let maps = ReportMaps(
                boundaries: try Boundaries(path: boundaries), attribution: try Self.attribution(for: boundaries),
                view: view, deciles: deciles, edition: edition, delivery: delivery,
                outlineMeaning: outlineMeaning)
            guard maps.coversBorough else {
                throw ToolkitError(
                    file: boundaries,
                    "holds none of \(analysis.borough.name)'s \(wards.count) wards (codes such as "
                        + "\(wards.sorted().first ?? "E05…")): give the boundaries of the borough's wards")
            }
            return maps
        }
        for path in try Self.shipped() {
            let shapes = try Boundaries(path: path)
            guard shapes.shapes.contains(where: { wards.contains($0.code) }) else { continue }
            return ReportMaps(
                boundaries: shapes, attribution: try Self.attribution(for: path), view: view,
                deciles: deciles, edition: edition, delivery: delivery, outlineMeaning: outlineMeaning)
        }
        return nil
    }

    /// The boundary files shipped in `Datasets/geography/`.
    static func shipped() throws -> [String] {
        let folder = try DatasetsDirectory.path() + "/geography"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".geojson") }.sorted().map { folder + "/" + $0 }
    }

    /// The attribution for a boundaries file: its row in `Datasets/geography/boundaries.csv`, or the `*` row.
    static func attribution(for path: String) throws -> String {
        let table = try CSVTable(path: try DatasetsDirectory.path() + "/geography/boundaries.csv")
        let name = URL(fileURLWithPath: path).lastPathComponent
        var rows: [String: String] = [:]
        try table.forEachRow { rows[$0[0].trimmedString] = $0[1].trimmedString }
        return rows[name] ?? rows["*"] ?? ""
    }

    /// Each ward's population-weighted average IMD decile in the newest IoD edition rolled up, and the edition.
    static func deciles(_ analysis: NeedsAnalysis) -> (deciles: [String: Double], edition: String) {
        let id = DeprivationRollUp.indicatorID(domain: DeprivationRollUp.multipleDeprivation, measure: "average-decile")
        let wards = Set(analysis.wards.map(\.code))
        let table = analysis.dataset.observations
        let positions = table.indices.filter {
            table.indicatorID(at: $0) == id && wards.contains(table.areaCode(at: $0))
        }
        let edition = positions.map(table.period(at:)).max() ?? ""
        var deciles: [String: Double] = [:]
        for position in positions where table.period(at: position) == edition {
            deciles[table.areaCode(at: position)] = table.value(at: position)
        }
        return (deciles, edition)
    }
}

/// Where a report came from, gathered from the files and the catalogue it used.
enum ReportProvenance {
    /// - Parameters:
    ///   - data: the data files (action plans and lookups included) in the order given; a file given twice (an
    ///     action plan among the data and as `--eaap`) is listed once.
    ///   - others: the other inputs (boundaries, contract) with their kind (``SourceRegister/boundaries``, …).
    ///   - dataset: what the data files gave: the periods and areas of each file's figures.
    ///   - options: how each data file was read (its delimiter), to tell its kind again.
    ///   - reading: whether third parties' aggregates were read (labelled) or left out.
    /// - Throws: `ToolkitError` for a file that cannot be read for its kind or checksum.
    static func gather(
        data: [String], others: [(path: String, format: String)] = [], dataset: Dataset, catalogue: Catalogue,
        options: (String) -> LoadOptions, reading: DataReading
    ) throws -> Provenance {
        let figures = FiguresBySource(dataset)
        var seen: Set<String> = []
        let reads =
            try data.filter { seen.insert($0).inserted }.map { path in
                try read(path, figures: figures, options: options(path), reading: reading)
            } + others.map { SourceRegister.Read(path: $0.path, format: $0.format, periods: [], areas: [:]) }
        let register = try SourceRegister(reads, known: catalogue.publishedSources, year: year())
        return Provenance(
            generated: generated(), toolkit: "svtk \(Version.text)", files: register.entries,
            catalogue: catalogue.sources, prices: "\(catalogue.priceBase.priceYear) prices")
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

        init(_ dataset: Dataset) {
            let table = dataset.observations
            var seen: [String: Set<String>] = [:]  // file → the areas of its figures
            for position in table.indices {
                let source = table.source(at: position)
                periods[source, default: []].insert(table.period(at: position))
                seen[source, default: []].insert(table.areaCode(at: position))
            }
            for (source, codes) in seen {
                for code in codes {
                    areas[source, default: [:]][dataset.areas[code]?.level ?? AreaLevel(code: code), default: 0] += 1
                }
            }
        }
    }

    /// Now in UTC to the minute, or `SOURCE_DATE_EPOCH` where set (for reproducible output).
    static func generated() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: now())
    }

    /// This year in UTC, or `SOURCE_DATE_EPOCH`'s, to judge whether a period is old.
    static func year() -> Int {
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
