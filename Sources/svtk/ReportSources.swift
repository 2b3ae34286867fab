import ArgumentParser
import CSV
import Catalogue
import Evidence
import Foundation
import Geography
import NeedsAnalysis
import Reports

/// The `--boundaries FILE` option of the commands that draw ward maps.
struct BoundariesOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Ward boundaries as GeoJSON (from the ONS Open Geography portal) for the maps "
                + "(default: the demo borough's when the data are the demo's).", valueName: "file"))
    var boundaries: String?

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
    ///   - files: every input file (data, action plan, boundaries, contract) in the order given.
    static func gather(files: [String], dataset: Dataset, catalogue: Catalogue) throws -> Provenance {
        let periods = periodsBySource(dataset)
        let described = try files.map { path -> Provenance.File in
            var info = stat()
            let bytes = stat(path, &info) == 0 ? Int64(info.st_size) : 0
            return Provenance.File(
                path: path, bytes: bytes, sha256: try SHA256.hex(ofFile: path),
                periods: periods[path].map {
                    $0.lowerBound == $0.upperBound ? $0.lowerBound : "\($0.lowerBound) to \($0.upperBound)"
                } ?? "—")
        }
        return Provenance(
            generated: generated(), toolkit: "svtk \(Version.text)", files: described,
            catalogue: catalogue.sources, prices: "\(catalogue.priceBase.priceYear) prices")
    }

    /// Each source file's earliest and latest period, in text order (periods are years or year ranges).
    static func periodsBySource(_ dataset: Dataset) -> [String: ClosedRange<String>] {
        let table = dataset.observations
        var ranges: [String: ClosedRange<String>] = [:]
        for position in table.indices {
            let source = table.source(at: position)
            let period = table.period(at: position)
            let known = ranges[source]
            ranges[source] = min(known?.lowerBound ?? period, period)...max(known?.upperBound ?? period, period)
        }
        return ranges
    }

    /// Now in UTC to the minute, or `SOURCE_DATE_EPOCH` where set (for reproducible output).
    static func generated() -> String {
        let seconds = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        let date = seconds.map(Date.init(timeIntervalSince1970:)) ?? Date()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
