import Catalogue
import Foundation
import Geography
import Loaders
import NeedsAnalysis
import Recommender
import Reports
import TestSupport
import Testing

let repository = DemoBorough.repository

nonisolated(unsafe) let setting: (Recommender, NeedsAnalysis) = (
    Recommender(
        catalogue: DemoBorough.catalogue,
        policy: DemoBorough.loaded("the shipped policy") { try Policy.load(for: DemoBorough.catalogue) },
        analysis: DemoBorough.analysis, equalityGaps: []),
    DemoBorough.analysis
)

@Suite("Reports")
struct ReportsTests {
    static let provenance = Provenance(
        generated: "2026-11-27 09:00 UTC", toolkit: "svtk test",
        files: [
            .init(
                path: "Datasets/demo/fingertips_rotherham.csv", format: "OHID Fingertips export",
                publisher: DemoBorough.catalogue.publishedSources.publisher(of: "OHID Fingertips export"),
                periods: "2013 to 2019", coverage: "1 local authority", bytes: 1234,
                sha256: String(repeating: "ab", count: 32), warnings: ["the latest period ends in 2019"])
        ],
        catalogue: ["policy": "Datasets/policy"], prices: "2024-25 prices")

    func maps(delivery: Set<String>) throws -> ReportMaps {
        let (_, analysis) = setting
        return ReportMaps(
            boundaries: try Boundaries(path: repository + "/Datasets/geography/wards22_rotherham.geojson"),
            attribution: "Source: ONS", view: analysis.boroughView(), deciles: ["E05013010": 1.2, "E05012993": 9.5],
            edition: "2025",
            delivery: delivery)
    }

    func page() throws -> (String, Recommendation) {
        let (recommender, analysis) = setting
        let r = try recommender.recommend(
            try ContractProfile.load(repository + "/Datasets/contracts/highways_resurfacing.json"))
        let east = analysis.wards.first { $0.name == "Rotherham East" }!
        let dalton = analysis.wards.first { $0.name == "Dalton & Thrybergh" }!
        return (
            RecommendationPage.html(
                r, view: analysis.boroughView(), area: analysis.profile(for: east.code),
                areaResults: analysis.results(for: east.code), maps: try maps(delivery: [east.code, dalton.code]),
                provenance: Self.provenance), r
        )
    }

    @Test("the answer comes first: the summary holds every measure, its target and the rules, before the reasoning")
    func answerFirst() throws {
        let (html, r) = try page()
        let summary = try #require(html.range(of: "<section id=\"summary\""))
        let detail = try #require(html.range(of: "<section id=\"measures\""))
        #expect(summary.lowerBound < detail.lowerBound)
        let head = String(html[summary.lowerBound..<detail.lowerBound])
        for m in r.measures { #expect(head.contains(m.title.replacingOccurrences(of: "&", with: "&amp;"))) }
        #expect(head.contains("The rules that bind") && head.contains("Social value is 20% of the evaluation"))
        for id in ["summary", "measures", "needs", "rules", "excluded", "method"] {
            #expect(html.contains("href=\"#\(id)\"") && html.contains("id=\"\(id)\""))
        }
    }

    @Test("ward maps: where it is delivered, deprivation and the needs the measures answer, accessible, attributed")
    func maps() throws {
        let (html, _) = try page()
        #expect(html.components(separatedBy: "<svg class=\"map\" role=\"img\"").count - 1 == 4)
        #expect(html.contains("<title id=\"map-delivery-title\">Where the contract is delivered</title>"))
        #expect(html.contains("Deprivation: average IMD decile by ward"))
        #expect(html.contains("<title>Rotherham East: 1 to 3 (most deprived) (delivery area)</title>"))
        #expect(html.contains("<title>Anston &amp; Woodsetts: 9 to 10 (least deprived)</title>"))
        #expect(html.contains("<title>Wath: no data</title>"))  // no decile given for it here
        #expect(html.components(separatedBy: "Source: ONS").count - 1 == 4)
    }

    @Test("the map keeps the borough's shape: x scaled by cos(latitude), 560 wide and 588 high for the demo's extent")
    func projection() throws {
        // Rotherham spans 0.34165° of longitude and 0.21357° of latitude around 53.408°N:
        // 560 × 0.21357 ÷ (0.34165 × cos 53.408°) = 587.2, rounded up to 588, plus 16 and three legend rows of 26.
        let svg = try maps(delivery: []).deliveryAreas().svg(id: "m")
        #expect(svg.contains("viewBox=\"0 0 560 682\""))
    }

    @Test("the provenance is on the page: when, by what, from which files with publisher, licence, size and SHA-256")
    func provenance() throws {
        let (html, _) = try page()
        #expect(html.contains("Made 2026-11-27 09:00 UTC by svtk test from 1 input file(s); money in 2024-25 prices."))
        #expect(
            html.contains(String(repeating: "ab", count: 32)) && html.contains("1,234 bytes")
                && html.contains("2013 to 2019"))
        // The register: what the file is, its publisher and licence, its coverage and warning, and the attribution.
        #expect(html.contains("Public health indicators from Fingertips"))
        #expect(html.contains("Office for Health Improvement and Disparities (OHID); Open Government Licence v3.0"))
        #expect(html.contains("1 local authority") && html.contains("the latest period ends in 2019"))
        #expect(html.contains("<p class=\"attribution\">Contains public sector information licensed under the Open"))
    }

    @Test("the HTML report is self-contained: no scripts, no external fonts, styles or images")
    func selfContained() throws {
        let (html, _) = try page()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
    }

    @Test("a table's cells: numbers set right, a cell's own class beside it, text and class names escaped")
    func tableCells() {
        let html = HTML.table(
            caption: "Delivery", header: ["Measure", "Progress", "RAG"],
            rows: [["J2 <new>", "50%", "GREEN"], ["E8", "29%", "x\" onclick=\"y"]], numeric: [1],
            cellClass: { column, text in column == 2 ? "rag-" + text.lowercased() : nil })
        #expect(html.contains("<tr><th scope=\"row\">J2 &lt;new&gt;</th><td class=\"num\">50%</td>"))
        #expect(html.contains("<td class=\"rag-green\">GREEN</td>"))
        #expect(html.contains("<td class=\"rag-x&quot; onclick=&quot;y\">x&quot; onclick=&quot;y</td>"))
        #expect(!html.contains("class=\"\""))
    }

    @Test("the report has the contract, the rules, every measure with its target and SLEVA, and the exclusions")
    func content() throws {
        let (html, r) = try page()
        #expect(html.contains("<h1>Highways resurfacing works</h1>"))
        #expect(html.contains("Real Living Wage: in scope"))
        for m in r.measures {
            #expect(html.contains("\(m.rank). \(m.ref) "))
            #expect(html.contains(m.target.working.replacingOccurrences(of: "&", with: "&amp;")))
        }
        for e in r.excluded.prefix(5) { #expect(html.contains(e.ref + " ")) }
    }

    @Test("accessible: headings, table headers, captions and charts with titles and descriptions")
    func accessible() throws {
        let (html, _) = try page()
        #expect(html.contains("<html lang=\"en-GB\">"))
        #expect(html.contains("<th scope=\"col\">"))
        #expect(html.contains("<caption>"))
        let charts = html.components(separatedBy: "<svg role=\"img\"").count - 1
        #expect(charts == 2)  // SLEVA by theme, ward heat map (the spine chart and the maps are counted apart)
        #expect(html.contains("<svg class=\"spine\" role=\"img\" aria-labelledby=\"spine-title spine-desc\""))
        #expect(html.contains("<title id=\"hm-title\">") && html.contains("<desc id=\"hm-desc\">"))
        #expect(html.contains("@media print"))
    }

    @Test("the heat map shows every ward and marks missing data")
    func heatMap() {
        let (_, analysis) = setting
        let svg = SVGCharts.heatMap(analysis.boroughView().wardProfiles, title: "t")
        for ward in analysis.wards {
            #expect(svg.contains(">\(ward.name.replacingOccurrences(of: "&", with: "&amp;"))</text>"))
        }
    }

    @Test("the ward profile page has its needs, indicators and the borough's heat map")
    func profile() {
        let (_, analysis) = setting
        let east = analysis.wards.first { $0.name == "Rotherham East" }!
        let html = ProfilePage.html(
            analysis.profile(for: east.code), results: analysis.results(for: east.code),
            view: analysis.boroughView(), gaps: [])
        #expect(html.contains("<h1>Rotherham East</h1>"))
        #expect(html.contains("Income and child poverty"))
        #expect(html.contains("no data for digital exclusion in Rotherham East"))
        #expect(!html.contains("<script"))
    }

    @Test("the ward profile page shows each domain's decile in both IoD editions and the move, with the caution")
    func profileEditions() throws {
        let (_, analysis) = setting
        let east = analysis.wards.first { $0.name == "Rotherham East" }!
        let change = try #require(EditionChange(analysis.dataset))
        let html = ProfilePage.html(
            analysis.profile(for: east.code), results: analysis.results(for: east.code),
            view: analysis.boroughView(), gaps: [], change: change)
        #expect(html.contains("<h2>Deprivation in IoD2019 and IoD2025</h2>"))
        #expect(html.contains("ranks are relative"))
        // Barriers to Housing and Services in IoD2025, by hand: Rotherham East's 10 LSOAs, deciles weighed by their
        // Census 2021 residents (16,483 in all) = 6.83.
        let barriers = try #require(change.move(of: east.code, domain: "barriers-to-housing-and-services"))
        #expect(abs(barriers.to - 6.829278650731056) < 1e-9)
        #expect(html.contains("moved from the 70–80% most deprived to the 60–70% most deprived"))
        // The borough has no moves of its own: no section on its page.
        let borough = ProfilePage.html(
            analysis.profile(for: analysis.borough.code), results: [], view: analysis.boroughView(), gaps: [],
            change: change)
        #expect(!borough.contains("Deprivation in IoD"))
    }

    @Test("Markdown and JSON carry the same measures")
    func otherFormats() throws {
        let (_, r) = try page()
        let markdown = RecommendationText.markdown(r)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try RecommendationText.json(r).utf8)) as? [String: Any])
        let measures = try #require(json["measures"] as? [[String: Any]])
        #expect(measures.count == r.measures.count)
        for m in r.measures { #expect(markdown.contains("### \(m.rank). \(m.ref) \(m.title)")) }
    }

    @Test("Markdown cannot carry a link or an image from a contract's text")
    func markdownLinks() throws {
        var (_, r) = try page()
        r.contract.title = "Roads [x](javascript:alert(1)) ![i](http://evil.example/x.png) <b>"
        let markdown = RecommendationText.markdown(r)
        #expect(markdown.contains(#"Roads \[x](javascript:alert(1)) !\[i](http://evil.example/x.png) &lt;b>"#))
        #expect(markdown.replacingOccurrences(of: #"\["#, with: "").firstIndex(of: "[") == nil)  // every [ escaped
    }
}
