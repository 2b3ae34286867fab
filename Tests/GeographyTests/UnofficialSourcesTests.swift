import Evidence
import Geography
import TestSupport
import Testing

@Suite("Third parties' aggregates only when asked for", .enabled(if: SharedData.available, SharedData.skipMessage))
struct UnofficialSourcesTests {
    static let file = SharedData.path("deprivation/English_IMD2019_Ward2020_aggregates_humaniverse.csv")

    @Test("left out by default, with a note naming the file and who made it")
    func leftOut() throws {
        let built = try DatasetBuilder(files: [Self.file], reading: DataReading(DemoBorough.catalogue))
        #expect(built.dataset.indicators.isEmpty)
        #expect(built.results.isEmpty)
        #expect(built.notes.contains { $0.contains(Self.file + " left out") && $0.contains("humaniverse") })
    }

    @Test("read when asked for, every figure labelled unofficial")
    func labelled() throws {
        let built = try DatasetBuilder(
            files: [Self.file], reading: DataReading(DemoBorough.catalogue, includeUnofficial: true))
        #expect(built.dataset.indicators.count == 24)
        #expect(built.dataset.indicators.values.allSatisfy { $0.name.contains("(unofficial: humaniverse/IMD") })
        #expect(
            built.dataset.observations.first { $0.indicator == "score" && $0.area == "E05000026" }?.value
                == 31.345440519974638)
    }
}
