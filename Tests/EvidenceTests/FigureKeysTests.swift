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
        let batch = table(["tenure:owned", "tenure:rented", "tenure:owned:percent"], [owned, rented, share], source)
        batch.area = area
        batch.set(0, value: owned, missing: owned == nil ? reason : nil)
        return batch
    }

    /// A row of a table of `indicators` for E01000001 in 2021, with `values`.
    static func table(_ indicators: [String], _ values: [Double?], _ source: String) -> ObservationBatch {
        let batch = ObservationBatch(layout: BatchLayout(indicators: indicators))
        (batch.area, batch.period, batch.source) = ("E01000001", "2021", source)
        for (slot, value) in values.enumerated() { batch.set(slot, value: value) }
        return batch
    }

    @Test("a row given again by a later file with the same figures is a repeat; by its own file, an error")
    func rowRepeated() throws {
        var keys = FigureKeys()
        #expect(try keys.admit(Self.row(source: "a.csv", owned: 300, rented: 100, share: 75)).isEmpty)
        #expect(try keys.admit(Self.row(source: "b.csv", owned: 300, rented: 100, share: 75)) == [0, 1, 2])
        #expect(throws: ToolkitError.self) { try keys.admit(Self.row(source: "a.csv", owned: 1, rented: 2, share: 3)) }
    }

    @Test("a later file's row differing in a figure, two swapped, or one missing or why, contradicts the first")
    func rowContradicted() throws {
        var keys = FigureKeys()
        #expect(try keys.admit(Self.row(source: "a.csv", owned: 300, rented: 100, share: 75)).isEmpty)
        let others: [(Double?, Double?, Double)] = [(300, 100, 75.1), (100, 300, 75), (nil, 100, 75)]
        for (owned, rented, share) in others {
            #expect(throws: ToolkitError.self) {
                try keys.admit(Self.row(source: "b.csv", owned: owned, rented: rented, share: share))
            }
        }
        // A first count missing for one reason, then for another or for none given.
        let third = "E01000003"
        #expect(try keys.admit(Self.row(source: "a.csv", area: third, owned: nil, rented: 5, share: nil)).isEmpty)
        for reason in [MissingReason.notAvailable, nil] {
            let other = Self.row(source: "b.csv", area: third, owned: nil, rented: 5, share: nil, reason: reason)
            #expect(throws: ToolkitError.self) { try keys.admit(other) }
        }
        // Another area's row with the first row's figures is a figure of its own.
        let elsewhere = Self.row(source: "b.csv", owned: 300, rented: 100, share: 75)
        elsewhere.area = "E01000002"
        #expect(try keys.admit(elsewhere).isEmpty)
    }

    /// A second table's row sharing the first count's column (its total, say) with ``row``'s table.
    static func otherTable(source: String, owned: Double, social: Double) -> ObservationBatch {
        table(["tenure:owned", "tenure:social"], [owned, social], source)
    }

    @Test("a row's figures given one by one in a later file (its normalised output read back) are repeats, each")
    func rowThenOneByOne() throws {
        var keys = FigureKeys()
        keys.startFile("ts054.csv")
        let row = Self.row(source: "ts054.csv", owned: 300, rented: 100, share: 75)
        #expect(try keys.admit(row).isEmpty)
        keys.startFile("normalised.csv")
        keys.laterFilesFollow = false
        for slot in 0..<3 { #expect(try !keys.admit(row.observation(slot))) }
        // The normalised file giving one again is its error; another value for one names its indicator.
        #expect { try keys.admit(row.observation(1)) } throws: { ($0 as? ToolkitError)?.file == "normalised.csv" }
        var other = row.observation(2)
        other.source = "elsewhere.csv"
        other.value = 76
        #expect {
            try keys.admit(other)
        } throws: { error in
            (error as? ToolkitError)?.message.contains(
                "another value for a figure an earlier file gave (indicator "
                    + "tenure:owned:percent") == true
        }
    }

    @Test("figures given one by one, then a row holding them: the row's figures repeat them, or contradict one")
    func oneByOneThenRow() throws {
        var keys = FigureKeys()
        keys.startFile("normalised.csv")
        let row = Self.row(source: "ts054.csv", owned: 300, rented: 100, share: 75)
        for slot in [0, 2] { #expect(try keys.admit(row.observation(slot))) }
        keys.startFile("ts054.csv")
        keys.laterFilesFollow = false
        #expect(try keys.admit(row) == [0, 2])  // rented, not given before, is written
        var check = FigureKeys()
        check.startFile("normalised.csv")
        #expect(try check.admit(row.observation(1)))
        check.startFile("ts054.csv")
        #expect {
            try check.admit(Self.row(source: "ts054.csv", owned: 300, rented: 101, share: 75))
        } throws: { ($0 as? ToolkitError)?.message.contains("(indicator tenure:rented,") == true }
    }

    @Test("two tables sharing a column: the later row's shared figure is a repeat, or a contradiction naming it")
    func tablesSharingAColumn() throws {
        var keys = FigureKeys()
        keys.startFile("ts054.csv")
        #expect(try keys.admit(Self.row(source: "ts054.csv", owned: 300, rented: 100, share: 75)).isEmpty)
        keys.startFile("other.csv")
        #expect(try keys.admit(Self.otherTable(source: "other.csv", owned: 300, social: 40)) == [0])
        // The same file giving that row again is its error; a third file's other total contradicts the first.
        #expect(throws: ToolkitError.self) {
            try keys.admit(Self.otherTable(source: "other.csv", owned: 300, social: 40))
        }
        keys.startFile("third.csv")
        #expect {
            try keys.admit(Self.otherTable(source: "third.csv", owned: 301, social: 40))
        } throws: { ($0 as? ToolkitError)?.message.contains("(indicator tenure:owned,") == true }
        // From the last file, a row's values are not kept: no file follows to give its figures again.
        var last = FigureKeys()
        last.laterFilesFollow = false
        let row = Self.row(source: "ts054.csv", owned: 300, rented: 100, share: 75)
        #expect(try last.admit(row).isEmpty)
        #expect(try last.admit(row.observation(0)))
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
