import Formatting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

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

    @Test("a short decimal is read to the bit as strtod reads it, and anything odd is still refused")
    func shortDecimalsAsStrtod() {
        var seed: UInt64 = 2026
        var texts = [
            "0.1", "-0.0", ".5", "5.", "+7.25", "0.30000000000000004", "123456789012.345", "9007199254740.993",
        ]
        for _ in 0..<20_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let digits = String((seed >> 14) % 1_000_000_000_000_000)
            let point = Int(seed % UInt64(digits.count + 1))
            let sign = seed & 0x8000 != 0 ? "-" : ""
            texts.append(sign + digits.prefix(point) + "." + digits.dropFirst(point))
        }
        for text in texts {
            let read = FigureReading.decimal(text)
            #expect(read?.bitPattern == strtod(text, nil).bitPattern, "\(text)")
        }
        for refused in [".", "-.", "1.2.3", "1.-2", "1. 5", "0x1.8"] {
            #expect(FigureReading.decimal(refused) == nil, "\(refused)")
        }
    }

    @Test("a decimal of 16 to 19 digits is read to the bit as strtod reads it, halfway cases and 2⁵³ included")
    func longDecimalsAsStrtod() {
        var seed: UInt64 = 28
        var texts = [
            "58.75020000000001", "0.30000000000000004", "9999999999999999.999", "0.0000000000000000001",
            "1.000000000000000111", "9007199254740993.0", "9007199254740995.00", "0.1000000000000000055511151231257827",
            // Digits of 2⁵³ (read by one division) and 2⁵³ + 1 (read in integers).
            "900719925474099.2", "0.9007199254740992", "0.9007199254740993", "9.007199254740993",
            // 19 integer digits, beyond Int64 (read on from them); 20 (left to strtod); leading zeros; no digits before
            // the point.
            "9999999999999999999.", "-9300000000000000000.", "99999999999999999999.5", "0000000000000000001.5",
            "00000000000000000001.5", "+.5", "-.5", "-0.0",
        ]
        for _ in 0..<20_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = 16 + Int(seed % 4)
            var digits = String(seed >> 1)
            while digits.count < length { digits = "7" + digits }
            digits = String(digits.suffix(length))
            let point = Int((seed >> 7) % UInt64(length + 1))
            texts.append(digits.prefix(point) + "." + digits.dropFirst(point))
        }
        for text in texts {
            let read = FigureReading.decimal(text)
            #expect(read?.bitPattern == strtod(text, nil).bitPattern, "\(text)")
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
