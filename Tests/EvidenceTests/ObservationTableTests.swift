import CSV
import Core
import Evidence
import Testing

@Suite("The compact evidence store")
struct ObservationTableTests {
    static let plain = Observation(
        indicator: "census2021:tenure:owned", area: "E05012993", period: "2021", value: 1234,
        denominator: 4000, source: "ts054.csv")
    static let detailed = Observation(
        indicator: "90366", area: "E08000018", period: "2018 - 20",
        breakdown: Breakdown(sex: "Male", age: "All ages"), value: 77.1,
        lower95: 76.6, upper95: 77.6, count: nil, note: "aggregated",
        comparedToEngland: "Worse", source: "fingertips.csv")
    static let missing = Observation(
        indicator: "census2021:tenure:owned", area: "E05012994", period: "2021", value: nil,
        missing: .suppressed, source: "ts054.csv")

    @Test("rows read back exactly as added, optional columns filled in for rows added before they appeared")
    func roundTrip() throws {
        let data = Dataset()
        for observation in [Self.plain, Self.detailed, Self.missing] { try data.add(observation) }
        #expect(Array(data.observations) == [Self.plain, Self.detailed, Self.missing])
        #expect(data.observations.indicatorID(at: 1) == "90366" && data.observations.areaCode(at: 2) == "E05012994")
        #expect(data.observations.value(at: 2) == nil && data.observations.period(at: 1) == "2018 - 20")
    }

    @Test("the same figure twice is kept once and counted; another breakdown is another figure")
    func duplicates() throws {
        let data = Dataset()
        try data.add(Self.plain)
        var again = Self.plain
        again.value = 999
        again.source = "other.csv"
        try data.add(again)
        var female = Self.plain
        female.breakdown = Breakdown(sex: "Female")
        try data.add(female)
        #expect(data.observations.count == 2 && data.duplicates == 1)
        #expect(data.observations[0].value == 1234)
    }

    @Test("a later file giving an earlier file's figure twice is refused, as it is when read alone")
    func repeatAfterAnotherFile() throws {
        let data = Dataset()
        try data.add(Self.plain)
        var later = Self.plain
        later.source = "later.csv"
        try data.add(later)
        #expect(data.duplicates == 1)
        #expect(throws: ToolkitError.self) { try data.add(later) }
        var third = Self.plain
        third.source = "third.csv"
        try data.add(third)
        #expect(data.duplicates == 2, "a third file giving it once is a duplicate, not a repeat")
        let alone = Dataset()
        try alone.add(later)
        #expect(throws: ToolkitError.self) { try alone.add(later) }
    }

    @Test("a newer lookup naming an unchanged ward code gives it its vintage, whichever file named the ward first")
    func newerVintage() {
        let data = Dataset()
        data.add(Area(code: "E05012994", name: "Aston & Todwick", level: .ward, vintage: "WD22"))
        data.add(Area(code: "E05012994", name: "Aston & Todwick", level: .ward, vintage: "WD24"))
        data.add(Area(code: "E05012994", name: "Aston & Todwick", level: .ward, vintage: "WD19"))
        data.add(Area(code: "E05012994", name: "Aston & Todwick", level: .ward, vintage: "LSOA21"))
        #expect(data.areas["E05012994"]?.vintage == "WD24")
    }

    @Test("an ONS lookup's parent replaces one a data file gave without a vintage, whichever came first")
    func lookupPlacesArea() {
        // West Sussex: a Fingertips export names England as its parent; the ward to county lookup, its region.
        let exportFirst = Dataset()
        exportFirst.add(Area(code: "E10000032", name: "West Sussex", parent: "E92000001"))
        exportFirst.add(Area(code: "E10000032", name: "West Sussex", vintage: "CTY22", parent: "E12000008"))
        #expect(exportFirst.areas["E10000032"]?.parent == "E12000008")
        let lookupFirst = Dataset()
        lookupFirst.add(Area(code: "E10000032", name: "West Sussex", vintage: "CTY22", parent: "E12000008"))
        lookupFirst.add(Area(code: "E10000032", name: "West Sussex", parent: "E92000001"))
        #expect(lookupFirst.areas["E10000032"]?.parent == "E12000008")
        // An authority first named, without a parent, by a dated file (IoD's File 10), then by an export.
        let summaryFirst = Dataset()
        summaryFirst.add(Area(code: "E06000001", name: "Hartlepool", vintage: "LAD24"))
        summaryFirst.add(Area(code: "E06000001", name: "Hartlepool", parent: "E92000001"))
        summaryFirst.add(Area(code: "E06000001", name: "Hartlepool", vintage: "LAD22", parent: "E12000001"))
        summaryFirst.add(Area(code: "E06000001", name: "Hartlepool", vintage: "LAD19", parent: "E12000009"))
        #expect(summaryFirst.areas["E06000001"]?.parent == "E12000001")
        // A dated area without a parent (an IoD file's authority) leaves the export's parent as it is.
        exportFirst.add(Area(code: "E07000223", name: "Adur", parent: "E10000032"))
        exportFirst.add(Area(code: "E07000223", name: "Adur", vintage: "LAD19"))
        #expect(exportFirst.areas["E07000223"]?.parent == "E10000032")
    }

    @Test("a roll-up's figure differing from a data file's gives way to it, counted apart from files contradicting")
    func derivedGivesWay() throws {
        let data = Dataset()
        data.startFile("ts054.csv")
        try data.add(Self.plain)
        data.startFile("census roll-up", derived: true)
        var summed = Self.plain
        summed.value = (Self.plain.value ?? 0) + 1
        try data.add(summed)
        #expect(data.derivedDiffering == 1 && data.contradicted == 0 && data.duplicates == 1)
        #expect(data.observations[0].value == Self.plain.value)
        data.startFile("ts054-again.csv")
        try data.add(summed)
        #expect(data.contradicted == 1 && data.firstContradiction?.hasSuffix("in ts054-again.csv") == true)
    }

    @Test("the file being read tells files apart: a normalised file read back, then its figures' own source")
    func fileBeingRead() throws {
        let data = Dataset()
        data.startFile("normalised.csv")
        try data.add(Self.plain)  // its source is ts054.csv, as the normalised file says
        data.startFile("ts054.csv")
        try data.add(Self.plain)
        #expect(data.duplicates == 1)
        #expect { try data.add(Self.plain) } throws: { ($0 as? ToolkitError)?.file == "ts054.csv" }
        // Another dataset's figures are those of the file it read, here as there.
        let other = Dataset()
        other.startFile("third.csv")
        try other.add(Self.detailed)
        try other.add(Self.plain)
        try data.add(contentsOf: other)
        #expect(data.duplicates == 2 && data.observations.count == 2)
        #expect { try data.add(Self.detailed) } throws: { ($0 as? ToolkitError)?.file == "third.csv" }
    }

    /// A dataset of one file, `file`, holding `plain` and the same figure for an LSOA before it.
    static func withLSOA(_ file: String) throws -> Dataset {
        let data = Dataset()
        var lsoa = plain
        lsoa.area = "E01007321"
        data.startFile(file)
        for observation in [lsoa, plain] { try data.add(observation) }
        return data
    }

    @Test("a file giving a figure twice is its error however many files repeated it in between")
    func repeatedByThree() throws {
        let data = try Self.withLSOA("ts054.csv")
        data.startFile("both.csv")  // a normalised file holding two sources, each repeating ts054.csv's figure
        var (first, second) = (Self.plain, Self.plain)
        first.source = "b.csv"
        second.source = "c.csv"
        try data.add(first)
        try data.add(second)
        #expect(data.duplicates == 2)
        #expect { try data.add(first) } throws: { ($0 as? ToolkitError)?.file == "both.csv" }
        data.removeFigures(below: .ward)  // the repeaters kept as the figure moves
        #expect(data.observations.count == 1)
        #expect { try data.add(second) } throws: { ($0 as? ToolkitError)?.file == "both.csv" }
        #expect(data.duplicates == 2)
        // Read into a dataset of its own and added, the normalised file's repeats count as they did read in order.
        let apart = Dataset()
        apart.startFile("ts054.csv")
        try apart.add(Self.plain)
        let own = Dataset()
        own.startFile("both.csv")
        try own.add(first)
        try own.add(second)
        try apart.add(contentsOf: own)
        #expect(apart.duplicates == 2 && apart.observations.count == 1)
    }

    @Test("each figure stays its file's once figures below wards are forgotten")
    func fileAfterRemoval() throws {
        let data = try Self.withLSOA("a.csv")
        data.startFile("b.csv")
        try data.add(Self.detailed)
        data.removeFigures(below: .ward)
        #expect(data.observations.count == 2)
        try data.add(Self.plain)  // a.csv's, given by b.csv: a duplicate
        #expect(data.duplicates == 1)
        #expect { try data.add(Self.detailed) } throws: { ($0 as? ToolkitError)?.file == "b.csv" }
    }

    @Test("a batch row is stored as the same observations one by one would be, and deduplicated with them")
    func batch() throws {
        let layout = BatchLayout(indicators: ["census2021:tenure:owned", "census2021:tenure:owned:percent"])
        let batch = ObservationBatch(layout: layout)
        batch.area = "E05012993"
        batch.period = "2021"
        batch.source = "ts054.csv"
        batch.set(0, value: 1234, denominator: 4000)
        batch.set(1, value: 30.85, count: 1234, denominator: 4000)
        let byBatch = Dataset()
        let oneByOne = Dataset()
        try byBatch.add(batch)
        for slot in 0..<batch.count { try oneByOne.add(batch.observation(slot)) }
        #expect(Array(byBatch.observations) == Array(oneByOne.observations))
        #expect(byBatch.observations[0] == Self.plain)
        var fromAnotherFile = Self.plain
        fromAnotherFile.source = "other.csv"
        try byBatch.add(fromAnotherFile)
        #expect(byBatch.duplicates == 1)
        batch.set(1, value: nil, missing: .notAvailable, note: "total is zero or missing")
        batch.source = "other.csv"
        try oneByOne.add(batch)
        #expect(oneByOne.duplicates == 2)
        batch.source = "ts054.csv"
        #expect(throws: ToolkitError.self) { try oneByOne.add(batch) }  // the same file giving a figure twice
        #expect(batch.observation(1).note == "total is zero or missing" && batch.observation(1).value == nil)
    }

    /// A census-like figure: one indicator of `indicators`, one area of `areas`.
    static func figure(_ number: Int, source: String = "ts054.csv") -> Observation {
        Observation(
            indicator: "census2021:tenure:\(number % 7)", area: "E0100\(number / 7)", period: "2021",
            value: Double(number), source: source)
    }

    @Test("ten thousand figures, past many doublings of the index: each found again, none lost, none merged")
    func manyFigures() throws {
        let data = Dataset()
        for number in 0..<10_000 { try data.add(Self.figure(number)) }
        #expect(data.observations.count == 10_000)
        for number in stride(from: 0, to: 10_000, by: 97) { try data.add(Self.figure(number, source: "other.csv")) }
        #expect(data.observations.count == 10_000 && data.duplicates == 104)
        #expect(data.observations[9_999] == Self.figure(9_999))
        #expect(throws: ToolkitError.self) { try data.add(Self.figure(5_000)) }  // the same file again
    }

    @Test("a figure with limits and notes far into the table keeps them; its neighbours stay without")
    func sparseColumns() throws {
        let data = Dataset()
        for number in 0..<9_000 { try data.add(Self.figure(number)) }
        try data.add(Self.detailed)
        try data.add(Self.figure(9_001))
        #expect(data.observations[9_000] == Self.detailed)
        #expect(data.observations[8_999].lower95 == nil && data.observations[8_999].comparedToEngland == nil)
        #expect(data.observations[9_001].upper95 == nil && data.observations[9_001].note == nil)
        #expect(data.observations[9_000].denominator == nil && data.observations[0].denominator == nil)
    }

    @Test("another dataset's figures are added as one by one: same rows, duplicates counted, its own order kept")
    func contentsOfAnother() throws {
        let other = Dataset()
        for observation in [Self.missing, Self.detailed, Self.plain] { try other.add(observation) }
        var note = Self.plain
        note.area = "E05012995"
        note.note = ""
        try other.add(note)
        let merged = Dataset()
        let oneByOne = Dataset()
        var first = Self.plain
        first.source = "first.csv"
        for data in [merged, oneByOne] { try data.add(first) }
        try merged.add(contentsOf: other)
        for observation in other.observations { try oneByOne.add(observation) }
        #expect(Array(merged.observations) == Array(oneByOne.observations))
        #expect(merged.observations.count == 4 && merged.duplicates == 1 && merged.observations[3].note == "")
        #expect(throws: ToolkitError.self) { try merged.add(contentsOf: other) }  // its own figures again
    }

    @Test("figures below wards are forgotten once rolled up: the rest stay in order with every column, and are found")
    func removeBelowWards() throws {
        let data = Dataset()
        var lsoa = Self.plain
        lsoa.area = "E01007321"
        var unknown = Self.plain
        unknown.area = "X99"
        unknown.source = "other.csv"
        let figures = [lsoa, Self.plain, Self.detailed, unknown, Self.missing]
        for observation in figures { try data.add(observation) }
        data.removeFigures(below: .ward)
        #expect(Array(data.observations) == [Self.plain, Self.detailed, unknown, Self.missing])
        #expect(data.observations.source(at: 2) == "other.csv" && data.observations.source(at: 3) == "ts054.csv")
        try data.add(lsoa)  // forgotten, so new again
        #expect(data.observations.count == 5 && data.duplicates == 0)
        #expect(throws: ToolkitError.self) { try data.add(Self.detailed) }  // still held, from the same file
    }
}
