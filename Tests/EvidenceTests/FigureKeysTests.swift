import Core
import Evidence
import Testing

@Suite("Figures given twice, caught where figures are not kept")
struct FigureKeysTests {
    /// A census-like row: two counts and a share of the first, for an area in 2021; the first count, when not given,
    /// is missing for `reason`.
    static func row(
        source: String, area: String = "E01000001", owned: Double?, rented: Double?, share: Double?,
        reason: MissingReason? = .suppressed
    ) -> ObservationBatch {
        let layout = BatchLayout(indicators: ["tenure:owned", "tenure:rented", "tenure:owned:percent"])
        let batch = ObservationBatch(layout: layout)
        (batch.area, batch.period, batch.source) = (area, "2021", source)
        batch.set(0, value: owned, missing: owned == nil ? reason : nil)
        batch.set(1, value: rented)
        batch.set(2, value: share)
        return batch
    }

    @Test("a row given again by a later file with the same figures is a repeat; by its own file, an error")
    func rowRepeated() throws {
        var keys = FigureKeys()
        #expect(try keys.admit(Self.row(source: "a.csv", owned: 300, rented: 100, share: 75)))
        #expect(try !keys.admit(Self.row(source: "b.csv", owned: 300, rented: 100, share: 75)))
        #expect(throws: ToolkitError.self) { try keys.admit(Self.row(source: "a.csv", owned: 1, rented: 2, share: 3)) }
    }

    @Test("a later file's row differing in a figure, two swapped, or one missing or why, contradicts the first")
    func rowContradicted() throws {
        var keys = FigureKeys()
        #expect(try keys.admit(Self.row(source: "a.csv", owned: 300, rented: 100, share: 75)))
        let others: [(Double?, Double?, Double)] = [(300, 100, 75.1), (100, 300, 75), (nil, 100, 75)]
        for (owned, rented, share) in others {
            #expect(throws: ToolkitError.self) {
                try keys.admit(Self.row(source: "b.csv", owned: owned, rented: rented, share: share))
            }
        }
        // A first count missing for one reason, then for another or for none given.
        let third = "E01000003"
        #expect(try keys.admit(Self.row(source: "a.csv", area: third, owned: nil, rented: 5, share: nil)))
        for reason in [MissingReason.notAvailable, nil] {
            let other = Self.row(source: "b.csv", area: third, owned: nil, rented: 5, share: nil, reason: reason)
            #expect(throws: ToolkitError.self) { try keys.admit(other) }
        }
        // Another area's row with the first row's figures is a figure of its own.
        let elsewhere = Self.row(source: "b.csv", owned: 300, rented: 100, share: 75)
        elsewhere.area = "E01000002"
        #expect(try keys.admit(elsewhere))
    }

    /// A figure of a.csv.
    static let rate = Observation(
        indicator: "41001", area: "E08000018", period: "2015 - 17", value: 10, source: "a.csv")

    @Test("the file being read tells files apart: a normalised file and its figures' source are two files")
    func fileBeingRead() throws {
        var keys = FigureKeys()
        let figure = Self.rate
        keys.startFile("normalised.csv")
        #expect(try keys.admit(figure))
        keys.startFile("a.csv")
        #expect(try !keys.admit(figure))  // the same value from another file: a repeat
        keys.startFile("again.csv")
        var other = figure
        other.value = 11
        #expect {
            try keys.admit(other)
        } throws: { error in
            let error = error as? ToolkitError
            return error?.file == "again.csv" && error?.message.contains("another value") == true
        }
        // Two sources in one normalised file are two files; one source twice in it is its error, naming it.
        keys.startFile("both.csv")
        var elsewhere = figure
        elsewhere.area = "E08000019"
        #expect(try keys.admit(elsewhere))
        elsewhere.source = "b.csv"
        #expect(try !keys.admit(elsewhere))
        #expect { try keys.admit(elsewhere) } throws: { ($0 as? ToolkitError)?.file == "both.csv" }
    }

    @Test("a file giving a figure twice is its error however many files repeated it in between")
    func repeatedByThree() throws {
        var keys = FigureKeys()
        let figure = Self.rate
        keys.startFile(figure.source)
        #expect(try keys.admit(figure))
        // A normalised file holding two sources, each repeating a.csv's figure, one of them twice.
        keys.startFile("both.csv")
        var repeats = [figure, figure, figure]
        repeats[0].source = "b.csv"
        repeats[1].source = "c.csv"
        repeats[2].source = "b.csv"
        #expect(try !keys.admit(repeats[0]))
        #expect(try !keys.admit(repeats[1]))
        #expect { try keys.admit(repeats[2]) } throws: { ($0 as? ToolkitError)?.file == "both.csv" }
        #expect { try keys.admit(repeats[1]) } throws: { ($0 as? ToolkitError)?.file == "both.csv" }
        keys.startFile("d.csv")  // another file: its sources are new
        #expect(try !keys.admit(repeats[2]))
    }

    @Test("a single figure: new, repeated by a later file, contradicted by one, given twice by its own")
    func figureRepeated() throws {
        var keys = FigureKeys()
        let figure = Observation(
            indicator: "90366", area: "E08000018", period: "2018 - 20", breakdown: Breakdown(sex: "Male"), value: 77.1,
            source: "a.csv")
        #expect(try keys.admit(figure))
        var later = figure
        later.source = "b.csv"
        #expect(try !keys.admit(later))
        later.value = 77.2
        #expect(throws: ToolkitError.self) { try keys.admit(later) }
        var female = figure
        female.breakdown = Breakdown(sex: "Female")
        #expect(try keys.admit(female))
        #expect(throws: ToolkitError.self) { try keys.admit(figure) }
    }
}
