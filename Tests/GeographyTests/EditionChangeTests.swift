import Evidence
import Geography
import Testing

@Suite("A ward's move between IoD editions")
struct EditionChangeTests {
    static func wards(_ figures: [(ward: String, edition: String, decile: Double)]) throws -> Dataset {
        let data = Dataset()
        data.add(
            Indicator(
                id: "iod-ward:income:average-decile", name: "Income: population-weighted average decile",
                unit: "decile", polarity: .higherIsBetter, source: "test"))
        for figure in figures {
            try data.add(
                Observation(
                    indicator: "iod-ward:income:average-decile", area: figure.ward, period: figure.edition,
                    value: figure.decile, source: "test"))
        }
        return data
    }

    @Test("the older and newer deciles of each ward, the change and the words")
    func moves() throws {
        let data = try Self.wards([
            ("E05013010", "2019", 1.4), ("E05013010", "2025", 2.1), ("E05013016", "2019", 3.1),
            ("E05013016", "2025", 3.3), ("E05099999", "2025", 5),
        ])
        let change = try #require(EditionChange(data))
        #expect((change.older, change.newer) == ("2019", "2025"))
        #expect(change.moves.count == 2)  // a ward in one edition only has no move
        let east = try #require(change.move(of: "E05013010", domain: "income"))
        #expect(abs(east.change - 0.7) < 1e-9)
        #expect(east.domainName == "Income")
        #expect(
            change.sentence(east)
                == "moved from the most deprived 10% to the 10–20% most deprived (IoD2019 average decile 1.4, "
                + "IoD2025 2.1)")
        #expect(change.sentence(change.move(of: "E05013016", domain: "income")!).hasPrefix("stayed in the 20–30%"))
        let figures = try change.dataset()
        #expect(figures.observations.first { $0.area == "E05013010" }?.period == "2025")
    }

    @Test("one edition: no change to show")
    func oneEdition() throws {
        #expect(EditionChange(try Self.wards([("E05013010", "2025", 2.1)])) == nil)
    }
}
