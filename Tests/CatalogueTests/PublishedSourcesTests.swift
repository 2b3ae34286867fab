import Catalogue
import Testing

@Suite("Publishers and editions of the files the toolkit reads")
struct PublishedSourcesTests {
    static let iod = "English Indices of Deprivation (LSOA)"

    @Test("IoD2019 is superseded by IoD2025: kept to show the change when IoD2025 is read, else download it")
    func superseded() {
        let known = shipped.publishedSources
        let withNewer = known.warnings(format: Self.iod, periods: ["2019"], present: ["2019", "2025"], year: 2026)
        #expect(
            withNewer == [
                "edition 2019 is superseded by 2025 (published 2025-10-30): 2025 is among the files and drives need; "
                    + "2019 is kept to show the change"
            ])
        let alone = known.warnings(format: Self.iod, periods: ["2019"], present: ["2019"], year: 2026)
        #expect(alone.count == 1 && alone[0].hasSuffix("download 2025 and give it with this file"))
        #expect(known.warnings(format: Self.iod, periods: ["2025"], present: ["2019", "2025"], year: 2026).isEmpty)
        #expect(known.publisher(of: Self.iod)?.licence == "Open Government Licence v3.0")
    }

    @Test("a Fingertips latest period more than two years old is flagged, whatever its form")
    func stale() {
        let known = shipped.publishedSources
        let format = "OHID Fingertips export"
        #expect(known.warnings(format: format, periods: ["2012 - 14", "2017/18"], present: [], year: 2026).count == 1)
        #expect(known.warnings(format: format, periods: ["2023/24"], present: [], year: 2026).isEmpty)
        #expect(known.warnings(format: format, periods: ["2015 - 24"], present: [], year: 2026).isEmpty)
        // A census table has no rule on its age.
        #expect(
            known.warnings(format: "ONS Census 2021 table (wide)", periods: ["2021"], present: [], year: 2026)
                .isEmpty)
    }
}
