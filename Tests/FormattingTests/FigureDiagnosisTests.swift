import Formatting
import Testing

@Suite("Why a text is not a figure")
struct FigureDiagnosisTests {
    @Test(
        "each known slip is named",
        arguments: [
            ("23,99", "a decimal comma: write the figure with a decimal point, as 23.99"),
            ("-1.234,5", "a decimal comma: write the figure with a decimal point, as -1234.5"),
            ("0,125", "a decimal comma: write the figure with a decimal point, as 0.125"),
            ("4.018,5", "a decimal comma: write the figure with a decimal point, as 4018.5"),
            ("0x2", "hex is not read"),
            ("-0X36DC", "hex is not read"),
            ("Infinity", "not a figure (infinity or not-a-number)"),
            ("nan", "not a figure (infinity or not-a-number)"),
            ("\u{2212}5", "is not a minus"),
            ("\u{FF11}\u{FF12}", "digits of another script"),
            ("1234567890123456", "more than 15 digits"),
            ("1e309", "out of range"),
            ("1e-400", "too close to 0"),
        ])
    func named(_ text: String, _ wanted: String) {
        #expect(FigureReading.diagnosis(of: text)?.contains(wanted) == true, "\(text)")
    }

    @Test("thousands separators, words and a long text")
    func others() {
        #expect(FigureReading.diagnosis(of: "1,234,56") == nil)
        #expect(FigureReading.diagnosis(of: "twelve") == nil)
        #expect(FigureReading.diagnosis(of: String(repeating: "9", count: 401))?.hasPrefix("401 characters") == true)
    }
}
