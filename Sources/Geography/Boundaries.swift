import CSV
import Core
import Foundation

/// Area boundaries from a GeoJSON `FeatureCollection`, as the ONS Open Geography portal publishes them: each
/// feature's code and name from its `<ENTITY><yy>CD` and `…NM` properties (wards first, e.g. `WD22CD`), and its
/// `Polygon` or `MultiPolygon` rings, in longitude and latitude (WGS 84) or in British National Grid metres.
///
/// The file is untrusted: it is read whole up to ``maximumBytes``, and a feature without a code, a geometry of
/// another type, or a coordinate that is not a finite number in range is an error naming the feature.
public struct Boundaries: Sendable {
    /// One area's outline.
    public struct Shape: Sendable {
        /// The area's code, from its `<ENTITY><yy>CD` property (e.g. `WD22CD`).
        public let code: String
        /// The area's name, from the matching `…NM` property; the code when there is none.
        public let name: String
        /// Polygons, each a list of rings (the first the outline, any others holes), each a list of points.
        public let polygons: [[[Point]]]
    }

    /// A position: longitude and latitude, or easting and northing.
    public struct Point: Sendable, Equatable {
        /// Longitude in degrees, or easting in metres.
        public let x: Double
        /// Latitude in degrees, or northing in metres.
        public let y: Double
    }

    /// The largest boundary file read (every ward of England and Wales, generalised, is about 30 MB).
    static let maximumBytes = 100 << 20

    /// The file it was read from.
    public let path: String
    /// The shapes, in the file's order.
    public let shapes: [Shape]
    /// True when the coordinates are British National Grid metres rather than longitude and latitude.
    public let isBritishNationalGrid: Bool

    /// Reads a GeoJSON file.
    /// - Throws: `ToolkitError` naming the file (and the line and column of invalid JSON, or the feature).
    public init(path: String) throws {
        let data = Data(try WholeFile.bytes(at: path, limit: Self.maximumBytes))
        guard let collection = try JSONText.parse(data, file: path) as? [String: Any],
            collection["type"] as? String == "FeatureCollection", let features = collection["features"] as? [Any]
        else {
            throw ToolkitError(
                file: path, "not a GeoJSON FeatureCollection (\"type\": \"FeatureCollection\" with \"features\")")
        }
        var shapes: [Shape] = []
        for (index, item) in features.enumerated() {
            shapes.append(try Self.shape(item, number: index + 1, file: path))
        }
        guard !shapes.isEmpty else { throw ToolkitError(file: path, "the collection has no features") }
        self.path = path
        self.shapes = shapes
        isBritishNationalGrid = shapes.contains {
            $0.polygons.contains { $0.contains { $0.contains { abs($0.x) > 180 } } }
        }
        try Self.checkRanges(shapes, britishNationalGrid: isBritishNationalGrid, file: path)
    }

    /// The shape of one feature.
    static func shape(_ item: Any, number ordinal: Int, file: String) throws -> Shape {
        func fail(_ message: String) -> ToolkitError { ToolkitError(file: file, "feature \(ordinal): \(message)") }
        guard let feature = item as? [String: Any], let properties = feature["properties"] as? [String: Any],
            let geometry = feature["geometry"] as? [String: Any]
        else {
            throw fail("a feature needs \"properties\" and \"geometry\" objects")
        }
        guard let codeKey = codeProperty(in: properties.keys), let code = properties[codeKey] as? String, !code.isEmpty
        else {
            throw fail("no area code property (such as WD22CD or LAD22CD)")
        }
        let nameKey = String(codeKey.dropLast(2)) + "NM"
        let name = properties[nameKey] as? String ?? code
        let polygons: [Any]
        switch geometry["type"] as? String {
        case "Polygon": polygons = [geometry["coordinates"] as Any]
        case "MultiPolygon": polygons = geometry["coordinates"] as? [Any] ?? []
        default: throw fail("\(code): geometry must be a Polygon or MultiPolygon")
        }
        let rings = try polygons.map { polygon -> [[Point]] in
            guard let rings = polygon as? [Any], !rings.isEmpty else { throw fail("\(code): a polygon with no rings") }
            return try rings.map { ring in
                guard let positions = ring as? [Any], positions.count >= 4 else {
                    throw fail("\(code): a ring needs at least four positions")
                }
                return try positions.map { position in
                    guard let pair = position as? [Any], pair.count >= 2, let x = number(pair[0]),
                        let y = number(pair[1]),
                        x.isFinite, y.isFinite
                    else { throw fail("\(code): a position must be two finite numbers") }
                    return Point(x: x, y: y)
                }
            }
        }
        return Shape(code: code, name: name, polygons: rings)
    }

    /// The code property to use: a ward's (`WDyyCD`) where there is one, else the first `<ENTITY><yy>CD`.
    static func codeProperty(in keys: some Collection<String>) -> String? {
        let codes = keys.filter { key in
            key.hasSuffix("CD") && key.dropLast(2).suffix(2).allSatisfy(\.isNumber)
                && key.dropLast(4).allSatisfy(\.isLetter)
                && key.count > 4
        }.sorted()
        return codes.first { $0.hasPrefix("WD") } ?? codes.first
    }

    /// A JSON number as a `Double`; `true` and `false` (which Foundation also gives as numbers) are not.
    private static func number(_ value: Any) -> Double? {
        "\(type(of: value))".contains("Boolean") ? nil : (value as? NSNumber)?.doubleValue
    }

    /// Longitude -180…180 and latitude -90…90, or Grid eastings 0…700 km and northings 0…1,300 km.
    private static func checkRanges(_ shapes: [Shape], britishNationalGrid: Bool, file: String) throws {
        let (xs, ys) = britishNationalGrid ? (0.0...700_000, 0.0...1_300_000) : (-180.0...180, -90.0...90)
        for shape in shapes {
            for point in shape.polygons.joined().joined() where !xs.contains(point.x) || !ys.contains(point.y) {
                throw ToolkitError(
                    file: file,
                    "\(shape.code): position (\(point.x), \(point.y)) is outside "
                        + (britishNationalGrid
                            ? "the British National Grid" : "longitude -180 to 180 and latitude -90 to 90"))
            }
        }
    }
}
