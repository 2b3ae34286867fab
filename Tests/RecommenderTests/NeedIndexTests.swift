import Catalogue
import Evidence
import Foundation
import Geography
import Loaders
import NeedsAnalysis
import Recommender
import TestSupport
import Testing

let index: NeedIndex = {
    let analysis = DemoBorough.analysis
    let profiles = ([analysis.borough] + analysis.wards).map { analysis.profile(for: $0.code) }
    return NeedIndex(
        catalogue: catalogue, framework: "open", profiles: profiles,
        equalityNeeds: DemoBorough.loaded("the demo's equality needs") { try analysis.equalityNeeds(DemoBorough.gaps) })
}()

@Suite("The need index")
struct NeedIndexTests {
    @Test("an equality gap for disabled people links to employing disabled people")
    func disability() {
        let links = index.gapLinks(characteristic: "disability")
        #expect(links.contains { $0.measure.ref == "J5" })
        #expect(index.gapLinks(measure: "open:J5").contains { $0.need.gap.characteristics.contains("disability") })
    }

    @Test("every link carries a reason and its chain of evidence")
    func reasons() {
        #expect(!index.needLinks.isEmpty && !index.gapLinks.isEmpty)
        for link in index.needLinks {
            #expect(!link.reason.isEmpty)
            #expect(!link.evidence.isEmpty)
            #expect(link.chain.contains("→ \(link.domain.name)"))
            #expect(link.score >= 0.5)
        }
        for link in index.gapLinks { #expect(!link.reason.isEmpty) }
    }

    @Test("which local needs does J2 answer here? Worklessness and poverty in the most deprived wards")
    func byMeasure() {
        let links = index.links(measure: "open:J2")
        #expect(links.allSatisfy { ["worklessness", "income-poverty"].contains($0.domain.id) })
        #expect(links.contains { $0.area.name == "Rotherham East" && $0.domain.id == "worklessness" })
        #expect(index.links(measure: "J2").count == links.count)
    }

    @Test("queries by area and by domain agree")
    func byAreaAndDomain() {
        let east = index.links(area: "E05013010")
        #expect(east.allSatisfy { $0.area.code == "E05013010" })
        let poverty = index.links(domain: "income-poverty")
        #expect(
            Set(east.filter { $0.domain.id == "income-poverty" }.map(\.measure.key))
                == Set(poverty.filter { $0.area.code == "E05013010" }.map(\.measure.key)))
    }
}
