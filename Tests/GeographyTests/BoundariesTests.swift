import CSV
import Foundation
import Geography
import TestSupport
import Testing

@Suite("Ward boundaries from GeoJSON")
struct BoundariesTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Datasets/geography/wards22_rotherham.geojson").path

    @Test("the demo borough's file has its 25 wards by WD22 code and name, in longitude and latitude")
    func demo() throws {
        let boundaries = try Boundaries(path: Self.demo)
        #expect(boundaries.shapes.count == 25)
        #expect(!boundaries.isBritishNationalGrid)
        #expect(boundaries.shapes.first?.code == "E05012993" && boundaries.shapes.first?.name == "Anston & Woodsetts")
        #expect(boundaries.shapes.last?.code == "E05013017")
        #expect(boundaries.shapes.map { $0.polygons.joined().joined().count }.reduce(0, +) == 2358)
    }

    static func feature(_ geometry: String, properties: String = "\"WD22CD\": \"E05000001\", \"WD22NM\": \"A\"")
        -> String
    {
        "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\(properties)}, "
            + "\"geometry\": \(geometry)}]}"
    }

    static let square =
        "{\"type\": \"Polygon\", \"coordinates\": [[[-1.2, 53.3], [-1.1, 53.3], [-1.1, 53.4], [-1.2, 53.3]]]}"

    @Test(
        "untrusted files are refused with the reason and the feature",
        arguments: [
            ("{\"type\": \"FeatureCollection\", \"features\": [", "not valid JSON"),
            ("{\"type\": \"Topology\"}", "not a GeoJSON FeatureCollection"),
            (feature(square, properties: "\"name\": \"A\""), "feature 1: no area code property"),
            (
                feature("{\"type\": \"Point\", \"coordinates\": [-1.2, 53.3]}"),
                "E05000001: geometry must be a Polygon or MultiPolygon"
            ),
            (
                feature("{\"type\": \"Polygon\", \"coordinates\": [[[-1.2, 53.3], [-1.1, 53.3], [-1.2, 53.3]]]}"),
                "at least four positions"
            ),
            (
                feature(
                    "{\"type\": \"Polygon\", \"coordinates\": [[[-1.2, 93.3], [-1.1, 53.3], [-1.1, 53.4], [-1.2, "
                        + "93.3]]]}"
                ),
                "outside longitude -180 to 180 and latitude -90 to 90"
            ),
            (
                feature(
                    "{\"type\": \"Polygon\", \"coordinates\": [[[true, 53.3], [-1.1, 53.3], [-1.1, 53.4], [true, "
                        + "53.3]]]}"
                ),
                "a position must be two finite numbers"
            ),
            ("{\"type\": \"FeatureCollection\", \"features\": []}", "no features"),
        ])
    func refused(text: String, reason: String) throws {
        let path = try temporaryFile(text, name: "wards.geojson")
        let error = inputError { _ = try Boundaries(path: path) }
        #expect(error?.message.contains(reason) == true, "\(error.map(String.init(describing:)) ?? "no error")")
    }

    @Test("British National Grid metres are recognised and kept in range")
    func grid() throws {
        let metres =
            "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[440000, 390000], [445000, 390000], [445000, 395000], "
            + "[440000, 390000]]]]}"
        let boundaries = try Boundaries(path: try temporaryFile(Self.feature(metres), name: "bng.geojson"))
        #expect(boundaries.isBritishNationalGrid)
        #expect(boundaries.shapes[0].polygons[0][0].count == 4)
    }
}
