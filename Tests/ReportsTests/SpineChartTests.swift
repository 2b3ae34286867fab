import Foundation
import NeedsAnalysis
import Reports
import Testing

@Suite("Spine chart")
struct SpineChartTests {
    /// A result as the analysis would give it, from its JSON form.
    static func result(
        _ indicator: String, unit: String, polarity: String, value: Double, england: Double?,
        significance: String = "worse", breakdown: String = "", siblings: (Double, Double)? = nil,
        trend: (String, [String], [Double])? = nil
    ) throws -> IndicatorResult {
        var object: [String: Any] = [
            "indicator": indicator, "name": "Indicator \(indicator)", "unit": unit, "polarity": polarity,
            "area": "E05013010",
            "period": "2019", "breakdown": breakdown, "value": value, "trendPeriods": trend?.1 ?? [String](),
            "trendValues": trend?.2 ?? [Double](), "signalBasis": "", "source": "f.csv",
        ]
        if let trend { object["trend"] = trend.0 }
        if let england {
            object["england"] = [
                "area": "E92000001", "name": "England", "value": england, "difference": value - england,
                "significance95": significance, "significance998": "not compared",
            ]
        }
        if let siblings {
            object["siblingMinimum"] = siblings.0
            object["siblingMaximum"] = siblings.1
            object["siblings"] = "25 wards"
        }
        return try JSONDecoder().decode(IndicatorResult.self, from: JSONSerialization.data(withJSONObject: object))
    }

    /// The dot's x for the row whose title names `indicator`.
    static func dotX(_ svg: String, _ indicator: String) throws -> Double {
        let title = try #require(svg.range(of: "<title>Indicator \(indicator)"))
        let circle = try #require(svg[title.upperBound...].range(of: "<circle cx=\""))
        return try #require(Double(svg[circle.upperBound...].prefix { $0 != "\"" }))
    }

    @Test("rows are centred on England with worse to the left, whichever way the indicator runs")
    func orientation() throws {
        // Plot from x 360 to 760, centre 560. A lower-is-better rate above England is worse: left of centre.
        // A higher-is-better share below England is worse: left too. Each row's farthest figure reaches 90%.
        let svg = try #require(
            SpineChart.svg(
                [
                    try Self.result("a", unit: "per 100,000", polarity: "lower is better", value: 30, england: 20),
                    try Self.result(
                        "b", unit: "%", polarity: "higher is better", value: 60, england: 75, significance: "worse"),
                ], area: "Rotherham East"))
        #expect(try Self.dotX(svg, "a") == 380)  // 560 − 200 × 10/(10/0.9) = 380
        #expect(try Self.dotX(svg, "b") == 380)
        #expect(svg.contains("fill=\"#c0392b\""))  // worse than England
        #expect(svg.contains(">England</text>"))
    }

    @Test("counts are left out, breakdowns are kept in the label, and a row without England says so")
    func labels() throws {
        let svg = try #require(
            SpineChart.svg(
                [
                    try Self.result("c", unit: "count", polarity: "lower is better", value: 120, england: 900_000),
                    try Self.result(
                        "d", unit: "%", polarity: "lower is better", value: 4, england: nil,
                        breakdown: "Female; 10-34 yrs",
                        siblings: (2, 8)),
                ], area: "Wath"))
        #expect(!svg.contains("Indicator c"))
        #expect(svg.contains("Indicator d (Female; 10-34 yrs)"))
        #expect(svg.contains("4% (2019); no England figure"))
        #expect(svg.contains("middle of the sibling areas' range (no England figures)"))
        #expect(try Self.dotX(svg, "d") == 560 + 200 * 1 / (3 / 0.9))  // centre 5, lower is better: 4 is right of it
        #expect(
            SpineChart.svg([try Self.result("e", unit: "count", polarity: "neither", value: 1, england: 2)], area: "x")
                == nil)
    }

    @Test("a figure with several periods has a sparkline from its first to its last value, and says how it moved")
    func sparkline() throws {
        let svg = try #require(
            SpineChart.svg(
                [
                    try Self.result(
                        "f", unit: "%", polarity: "lower is better", value: 15, england: 10,
                        trend: ("worsening", ["2017", "2018", "2019"], [10, 12, 15]))
                ], area: "Rotherham"))
        // x from 770 in steps of 30; y from the row's middle (54 + 16 = 70): 78 for the lowest, 62 for the highest.
        #expect(svg.contains("<polyline points=\"770.0,78.0 800.0,71.6 830.0,62.0\""))
        #expect(svg.contains("15% (2019); England 10%; worsening since 2017"))
    }
}
