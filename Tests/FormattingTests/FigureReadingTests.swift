import Formatting
import Testing

@Suite("Reading figures")
struct FigureReadingTests {
    @Test("a figure as people type it: separators, a percent sign and spaces; never hex, inf or nan")
    func typed() {
        #expect(FigureReading.number(" 1,200,000 ") == 1_200_000)
        #expect(FigureReading.number("12.5%") == 12.5)
        #expect(FigureReading.number("1.5e3") == 1500)
        for refused in ["0x2", "inf", "nan", "two", "1,20,0", "", "  "] {
            #expect(FigureReading.number(refused) == nil)
        }
    }

    @Test("a plain decimal as data files write it: no separators, no percent sign, no hex")
    func decimal() {
        #expect(FigureReading.decimal("-0.25") == -0.25)
        #expect(FigureReading.decimal(" 12 ") == 12)
        for refused in ["0x36DC", "1,234", "12%", "1e999", "infinity", "1234567890123456"] {
            #expect(FigureReading.decimal(refused) == nil, "\(refused)")
        }
    }

    @Test("text longer than any figure is refused before it is read, however long")
    func longText() {
        let pasted = String(repeating: "1", count: 50_000_000)
        #expect(FigureReading.number(pasted) == nil && FigureReading.decimal(pasted) == nil)
        let padded = String(repeating: " ", count: FigureReading.longestText - 2) + "12"
        #expect(FigureReading.number(padded) == 12)
    }
}
