import Foundation
import Geography

/// A choropleth of an authority's wards in SVG, drawn from their boundaries with no map library: each ward
/// filled by the class it falls in, the delivery wards outlined, a legend, the data's attribution, and a title
/// and description for screen readers (each ward also names itself and its class).
///
/// Longitude and latitude are drawn equirectangular, x scaled by the cosine of the map's mean latitude (at 53°N a
/// degree of longitude is 0.6 of a degree of latitude), which keeps a borough's shape true; British National
/// Grid metres are drawn as they are. North is up.
///
/// - Complexity: O(n) in the boundary points.
public struct WardMap {
    /// A class of the map's key: its label and fill colour.
    public struct Key: Sendable, Equatable {
        /// The class's label in the legend and in each ward's title.
        public let label: String
        /// The fill colour, as a CSS colour (e.g. `#a63603`).
        public let colour: String
        /// A class with its label and fill colour.
        public init(_ label: String, _ colour: String) {
            self.label = label
            self.colour = colour
        }
    }

    /// The boundaries drawn.
    let boundaries: Boundaries
    /// Ward code → its class; a ward without one is drawn as "no data".
    let classes: [String: Key]
    /// The key, in legend order.
    let key: [Key]
    /// Ward codes outlined (the contract's delivery areas, or the ward a profile is about).
    let outlined: Set<String>
    /// What the outline means, for the key and each outlined ward's title.
    let outlineMeaning: String
    let title: String
    let description: String
    /// The boundaries' attribution, shown under the map.
    let attribution: String

    static let width = 560.0
    static let legendRow = 26.0
    static let noData = Key("no data", "#d9d9d9")

    /// A map of the boundaries' wards.
    /// - Parameters:
    ///   - classes: ward code → its class; a ward without one is drawn as "no data".
    ///   - key: the classes, in legend order.
    ///   - outlined: ward codes outlined (the contract's delivery areas, or the ward a profile is about).
    ///   - outlineMeaning: what the outline means, for the key and each outlined ward's title.
    ///   - title: the map's title, in its caption and for screen readers.
    ///   - description: the map's description, in its caption and for screen readers.
    ///   - attribution: the boundaries' attribution, shown under the map.
    public init(
        boundaries: Boundaries, classes: [String: Key], key: [Key], outlined: Set<String>,
        outlineMeaning: String = "delivery area", title: String, description: String, attribution: String
    ) {
        self.boundaries = boundaries
        self.classes = classes
        self.key = key
        self.outlined = outlined
        self.outlineMeaning = outlineMeaning
        self.title = title
        self.description = description
        self.attribution = attribution
    }

    /// The map as an SVG element; `id` makes its labels unique on the page. With `link`, each ward it gives an
    /// address for is a link (keyboard-focusable, working without scripts) carrying the ward's code as `data-ward`.
    public func svg(id: String, link: ((String) -> String?)? = nil) -> String {
        let projection = Projection(boundaries)
        let height = projection.height(width: Self.width)
        let legendTop = height + 16
        let rows = Double(key.count + 1 + (outlined.isEmpty ? 0 : 1))
        var svg =
            "<svg class=\"map\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" viewBox=\"0 0 "
            + "\(Int(Self.width)) "
            + "\(Int(legendTop + Self.legendRow * rows))\" width=\"100%\" "
            + "style=\"max-width:\(Int(Self.width))px\" xmlns=\"http://www.w3.org/2000/svg\">\n"
            + "<title id=\"\(id)-title\">\(HTML.escape(title))</title>\n<desc "
            + "id=\"\(id)-desc\">\(HTML.escape(description))</desc>\n"
        let ordered =
            boundaries.shapes.filter { !outlined.contains($0.code) }
            + boundaries.shapes.filter { outlined.contains($0.code) }
        for shape in ordered {
            let cls = classes[shape.code] ?? Self.noData
            let edge =
                outlined.contains(shape.code)
                ? "stroke=\"#111\" stroke-width=\"2.5\"" : "stroke=\"#fff\" stroke-width=\"0.8\""
            let address = link?(shape.code)
            svg +=
                (address.map { "<a href=\"\(HTML.escape($0))\" data-ward=\"\(HTML.escape(shape.code))\">" } ?? "")
                + "<path d=\"\(projection.path(shape, width: Self.width))\" fill=\"\(cls.colour)\" "
                + "fill-rule=\"evenodd\" \(edge)>"
                + "<title>\(HTML.escape(shape.name)): "
                + "\(HTML.escape(cls.label))\(outlined.contains(shape.code) ? " (\(outlineMeaning))" : "")"
                + "</title></path>" + (address == nil ? "" : "</a>") + "\n"
        }
        svg += legend(top: legendTop)
        return svg + "</svg>"
    }

    /// The key's swatches and labels, and the delivery outline, below the map.
    func legend(top: Double) -> String {
        var rows = key + (classes.count < boundaries.shapes.count ? [Self.noData] : [])
        if !outlined.isEmpty { rows.append(Key(outlineMeaning, "none")) }
        return rows.enumerated().map { i, row in
            let y = top + Double(i) * Self.legendRow
            let swatch =
                row.colour == "none"
                ? "<rect x=\"1\" y=\"\(y)\" width=\"22\" height=\"17\" fill=\"#fff\" stroke=\"#111\" "
                    + "stroke-width=\"2.5\"/>"
                : "<rect x=\"1\" y=\"\(y)\" width=\"22\" height=\"17\" fill=\"\(row.colour)\" stroke=\"#777\" "
                    + "stroke-width=\"0.5\"/>"
            return swatch + "<text x=\"32\" y=\"\(y + 14)\" font-size=\"17\">\(HTML.escape(row.label))</text>\n"
        }.joined()
    }

    /// The map with its title, description and attribution as an HTML figure.
    public func figure(id: String, link: ((String) -> String?)? = nil) -> String {
        "<figure class=\"map\">" + svg(id: id, link: link)
            + "<figcaption><b>\(HTML.escape(title)).</b> \(HTML.escape(description)) "
            + "<small>\(HTML.escape(attribution))</small></figcaption></figure>"
    }
}

/// Longitude and latitude (or Grid metres) to SVG points: equirectangular with x scaled by the cosine of the
/// mean latitude, fitted to a width, north up.
struct Projection {
    let minX: Double, maxX: Double, minY: Double, maxY: Double
    /// The east-west scale: cos(mean latitude) for degrees, 1 for metres.
    let xScale: Double

    init(_ boundaries: Boundaries) {
        let points = boundaries.shapes.flatMap { $0.polygons.joined().joined() }
        let ys = points.map(\.y)
        let xs = points.map(\.x)
        let meanLatitude = ((ys.min() ?? 0) + (ys.max() ?? 0)) / 2
        xScale = boundaries.isBritishNationalGrid ? 1 : cos(meanLatitude * .pi / 180)
        minX = (xs.min() ?? 0) * xScale
        maxX = (xs.max() ?? 1) * xScale
        minY = ys.min() ?? 0
        maxY = ys.max() ?? 1
    }

    /// SVG units per map unit at a width.
    func scale(width: Double) -> Double { width / max(maxX - minX, .leastNonzeroMagnitude) }

    func height(width: Double) -> Double { ((maxY - minY) * scale(width: width)).rounded(.up) }

    /// An SVG path for a shape: one subpath per ring, coordinates to a tenth of a unit.
    /// - Complexity: O(n) in the shape's points, writing bytes (no formatter per point).
    func path(_ shape: Boundaries.Shape, width: Double) -> String {
        let k = scale(width: width)
        var out: [UInt8] = []
        out.reserveCapacity(shape.polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } * 14)
        for ring in shape.polygons.joined() {
            for (i, p) in ring.enumerated() {
                out.append(i == 0 ? UInt8(ascii: "M") : UInt8(ascii: "L"))
                Self.appendTenths((p.x * xScale - minX) * k, to: &out)
                out.append(UInt8(ascii: " "))
                Self.appendTenths((maxY - p.y) * k, to: &out)
            }
            out.append(UInt8(ascii: "Z"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A number to a tenth, as `%.1f` writes it.
    static func appendTenths(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite, abs(value) < 1e15 else {
            out.append(contentsOf: svgNumber(value).utf8)
            return
        }
        var tenths = Int((value * 10).rounded(.toNearestOrEven))
        if tenths < 0 {
            out.append(UInt8(ascii: "-"))
            tenths = -tenths
        }
        out.append(contentsOf: String(tenths / 10).utf8)
        out.append(UInt8(ascii: "."))
        out.append(UInt8(ascii: "0") + UInt8(tenths % 10))
    }
}
