import Catalogue
import Foundation
import Geography
import Loaders
import NeedsAnalysis
import Recommender
import Reports
import Testing

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

nonisolated(unsafe) let setting: (Recommender, NeedsAnalysis) = {
    let catalogue = try! Catalogue.load(directory: repository + "/Datasets")
    let folder = repository + "/Datasets/demo"
    let files = (try! FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".csv") && !$0.contains("equality") }
        .sorted().map { folder + "/" + $0 }
    let analysis = try! NeedsAnalysis(dataset: DatasetBuilder(files: files).dataset, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: nil)
    return (Recommender(catalogue: catalogue, policy: try! Policy.load(for: catalogue), analysis: analysis, equalityGaps: []), analysis)
}()

@Suite("Reports")
struct ReportsTests {
    func page() throws -> (String, Recommendation) {
        let (recommender, analysis) = setting
        let r = try recommender.recommend(try ContractProfile.load(repository + "/Datasets/contracts/highways_resurfacing.json"))
        let east = analysis.wards.first { $0.name == "Rotherham East" }!
        return (RecommendationPage.html(r, view: analysis.boroughView(), area: analysis.profile(for: east.code),
                                        areaResults: analysis.results(for: east.code)), r)
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
        #expect(charts == 3)  // SLEVA by theme, ward heat map, the area's indicators
        #expect(html.contains("<title id=\"hm-title\">") && html.contains("<desc id=\"hm-desc\">"))
        #expect(html.contains("@media print"))
    }

    @Test("the heat map shows every ward and marks missing data")
    func heatMap() {
        let (_, analysis) = setting
        let svg = SVGCharts.heatMap(analysis.boroughView().wardProfiles, title: "t")
        for ward in analysis.wards { #expect(svg.contains(">\(ward.name.replacingOccurrences(of: "&", with: "&amp;"))</text>")) }
    }

    @Test("the ward profile page has its needs, indicators and the borough's heat map")
    func profile() {
        let (_, analysis) = setting
        let east = analysis.wards.first { $0.name == "Rotherham East" }!
        let html = ProfilePage.html(analysis.profile(for: east.code), results: analysis.results(for: east.code),
                                    view: analysis.boroughView(), gaps: [])
        #expect(html.contains("<h1>Rotherham East</h1>"))
        #expect(html.contains("Income and child poverty"))
        #expect(html.contains("no data for digital exclusion in Rotherham East"))
        #expect(!html.contains("<script"))
    }

    @Test("Markdown and JSON carry the same measures")
    func otherFormats() throws {
        let (_, r) = try page()
        let markdown = RecommendationText.markdown(r)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(RecommendationText.json(r).utf8)) as? [String: Any])
        let measures = try #require(json["measures"] as? [[String: Any]])
        #expect(measures.count == r.measures.count)
        for m in r.measures { #expect(markdown.contains("### \(m.rank). \(m.ref) \(m.title)")) }
    }
}
