import CSV
import Testing

@testable import Loaders

@Suite("StringInterner")
struct StringInternerTests {
    /// `body`'s result on `text` as a row's field, followed by a NUL as the CSV layer gives it.
    func withField<Result>(_ text: String, _ body: (CSVField) -> Result) -> Result {
        var bytes = Array(text.utf8)
        let count = bytes.count
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { body(CSVField(bytes: UnsafeBufferPointer(rebasing: $0[0..<count]))) }
    }

    /// The interner's text for `text` as a field of `column`.
    func string(_ interner: StringInterner, _ text: String, column: Int) -> String {
        withField(text) { interner.string($0, column: column) }
    }

    /// Where a long string's bytes are stored, to tell one shared `String` from two equal ones.
    func storage(_ text: String) -> UnsafePointer<UInt8>? {
        text.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
    }

    @Test("each column's text is its own, row after row, whatever the lengths before")
    func columnsRowAfterRow() {
        let interner = StringInterner(columns: 3)
        let rows = [
            ["90000", "Persons", ""], ["90000", "Persons", "Smokers aged 18 and over"], ["90001", "Male", ""],
            ["90001", "", "Smokers aged 18 and over, by ethnic group (a longer name than any before)"],
            ["9000", "Persons", "Smokers"], ["", "", ""], ["£5 café", "Persons", "Smokers aged 18 and over"],
        ]
        for row in rows {
            #expect((0..<3).map { string(interner, row[$0], column: $0) } == row)
        }
    }

    @Test("a long text repeated, in its column or another, is one shared String")
    func longTextShared() {
        let interner = StringInterner(columns: 2)
        let name = "Indicator 90000: rate per 100,000"
        let first = string(interner, name, column: 0)
        let again = string(interner, name, column: 0)
        _ = string(interner, "Indicator 90001: rate per 100,000", column: 1)
        let elsewhere = string(interner, name, column: 1)
        #expect(first == name && again == name && elsewhere == name)
        #expect(storage(first) != nil)
        #expect(storage(again) == storage(first))
        #expect(storage(elsewhere) == storage(first))
    }

    @Test("update leaves a text alone while its column repeats, and says when the column changed")
    func updateInPlace() {
        let interner = StringInterner(columns: 2)
        var trend = ""
        var note: String? = "not yet read"
        func update(trend cell: String) -> Bool { withField(cell) { interner.update(&trend, to: $0, column: 0) } }
        func update(note cell: String) -> Bool { withField(cell) { interner.update(&note, to: $0, column: 1) } }
        // The first row always counts as a change, empty cells included.
        #expect(update(trend: "No significant change"))
        #expect(update(note: ""))
        #expect(trend == "No significant change" && note == nil)
        // A repeat is told without touching the text: a text set by hand stays, which shows it was not rewritten.
        trend = "left alone"
        #expect(!update(trend: "No significant change"))
        #expect(!update(note: ""))
        #expect(trend == "left alone" && note == nil)
        // A change of bytes, of the same length or another, is taken.
        #expect(update(trend: "No significant chanGE"))
        #expect(update(note: "Value may be unreliable"))
        #expect(trend == "No significant chanGE" && note == "Value may be unreliable")
        #expect(update(trend: "Increasing"))
        #expect(update(note: ""))
        #expect(trend == "Increasing" && note == nil)
    }
}
