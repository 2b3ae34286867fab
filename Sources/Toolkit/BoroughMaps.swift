import CSV
import Core
import Evidence
import Foundation
import Geography
import NeedsAnalysis
import Reports

/// A borough's ward maps: from the boundaries a user gives, or from a file shipped in `Datasets/geography/`
/// that holds the borough's wards (the demo borough's), with the attribution `geography/boundaries.csv` gives.
enum BoroughMaps {
    /// The maps, no ward outlined; none when no boundaries are given and none shipped cover the borough.
    /// - Throws: `ToolkitError` for a boundaries file that cannot be read, or that holds none of the borough's wards.
    static func maps(_ analysis: NeedsAnalysis, view: BoroughView, boundaries: String?) throws -> ReportMaps? {
        let wards = Set(analysis.wards.map(\.code))
        let (deciles, edition) = deciles(analysis)
        if let boundaries {
            let maps = ReportMaps(
                boundaries: try Boundaries(path: boundaries), attribution: try attribution(for: boundaries),
                view: view, deciles: deciles, edition: edition, delivery: [])
            guard maps.coversBorough else {
                throw ToolkitError(
                    file: boundaries,
                    "holds none of \(analysis.borough.name)'s \(wards.count) wards (codes such as "
                        + "\(wards.sorted().first ?? "E05…")): give the boundaries of the borough's wards")
            }
            return maps
        }
        for path in try shipped() {
            let shapes = try Boundaries(path: path)
            guard shapes.shapes.contains(where: { wards.contains($0.code) }) else { continue }
            return ReportMaps(
                boundaries: shapes, attribution: try attribution(for: path), view: view, deciles: deciles,
                edition: edition, delivery: [])
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
