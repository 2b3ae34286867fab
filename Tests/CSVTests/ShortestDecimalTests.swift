import Testing

@testable import CSV

@Suite("A figure written as svtk load writes it")
struct ShortestDecimalTests {
    /// Each value written by ``CSVRowBytes/append(figure:)``, one a row, read back as text.
    func written(_ values: [Double]) -> [String] {
        let bytes = CSVWriter.bytes { writer in
            writer.writeRows { rows in
                for value in values {
                    rows.append(figure: value)
                    rows.endRow()
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    /// What `svtk load` wrote before figures were written without a `String`: a whole number's digits below 10¹⁵,
    /// else `description`.
    func expected(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description
    }

    /// Checks that every value is written as ``expected(_:)`` says, naming the first five that are not.
    func expectWrittenAsDescription(_ values: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = written(values)
        let wrong = zip(values, lines).filter { expected($0.0) != $0.1 }.prefix(5).map { "\($0.0): \($0.1)" }
        #expect(lines.count == values.count, sourceLocation: sourceLocation)
        #expect(wrong.isEmpty, "\(wrong)", sourceLocation: sourceLocation)
    }

    @Test("whole numbers as digits, and odd values as description writes them")
    func wholeAndOdd() {
        let values: [Double] = [
            0, -0.0, 7, -7, 156_755, 999_999_999_999_999, -999_999_999_999_999, 1e15, 1e16, 1.5e16, 1e-5, 1.25e-7,
            .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
        ]
        #expect(written(values) == values.map(expected))
        #expect(written([0, -0.0, 12, 1e15, 1e16, 1e-5]) == ["0", "0", "12", "1000000000000000.0", "1e+16", "1e-05"])
        #expect(
            written([999_999_999_999_999.75, 600_000_000_000_000.25, 66_333.486_083_984_375])
                == ["999999999999999.8", "600000000000000.2", "66333.48608398438"])
    }

    @Test("decimals between 10⁻⁴ and 10¹⁵ as the shortest decimal that reads back, exactly as description writes them")
    func decimalsAsDescription() {
        var values: [Double] = [
            0.1, 0.2, 0.1 + 0.2, 0.5, 0.0001, 0.00012, 0.0001.nextUp, 0.0001.nextDown, 12.5, -12.5, 2.568339127938503,
            0.21307135338585692, 123_456_789_012_345.6, 999_999_999_999_999.9, 1e15.nextDown, 0.9999999999999999,
            1.0.nextUp, 1.0.nextDown, 2.0.nextDown, 1024.0.nextDown, 1024.0.nextUp, 9_007_199_254_740.993, 33.3,
            // Halfway between two 16-digit decimals, both of which read back: description takes the even one.
            999_999_999_999_999.75, 600_000_000_000_000.25, 66_333.486_083_984_375,
        ]
        var draws = Draws(seed: 2026)
        func draw() -> UInt64 { draws.next() }
        for _ in 0..<100_000 {
            // Any double across the range, by its significand and by its bits; a census share (a count over a total,
            // as a percentage); a short decimal as a file would give it.
            let exponent = Double(Int(draw() % 19) - 4)
            values.append(
                Double(sign: .plus, exponent: 0, significand: 1 + Double(draw() % (1 << 52)) / 0x1p52)
                    * pow10(exponent))
            values.append(Double(draw() % 5_000) / Double(1 + draw() % 200_000) * 100)
            values.append(-Double(draw() % 100_000_000) / pow10(Double(draw() % 9)))
            let bits = 0x3F1A_36E2_EB1C_432D + draw() % (0x42C6_BCC4_1E90_0000 - 0x3F1A_36E2_EB1C_432D)
            values.append(Double(bitPattern: bits))
            // Few significant bits, where a value can lie halfway between two 16-digit decimals.
            values.append(Double(100_000_000_000_000 + draw() % 900_000_000_000_000) + Double(draw() % 4) / 4)
            values.append(Double(draw() % (1 << 30)) / Double(1 << (10 + draw() % 20)))
        }
        expectWrittenAsDescription(values)
    }

    @Test("a run of decimals of at most 15 digits, as files give them, and of computed ones, each path exactly")
    func runsOfShortAndComputedFigures() {
        var draws = Draws(seed: 2027)
        func draw() -> UInt64 { draws.next() }
        // Up to 15 significant digits with up to 9 places, as a Fingertips export gives its values; and census shares.
        let short = (0..<50_000).map { _ in
            Double(1 + draw() % 999_999_999_999_999) / pow10(Double(draw() % 10))
        }
        let computed = (0..<50_000).map { _ in Double(draw() % 5_000) / Double(1 + draw() % 200_000) * 100 }
        var rows = CSVRowBytes(capacity: 64, delimiter: 0x2C, formulaGuard: false)
        defer { rows.free() }
        for value in short.prefix(100) { rows.append(figure: value) }
        #expect(rows.shortFigures.likely, "a run of short decimals is tried in Double arithmetic first")
        for value in computed.prefix(100) { rows.append(figure: value) }
        #expect(!rows.shortFigures.likely, "a run of computed figures goes to the exact interval at once")
        expectWrittenAsDescription(short + computed + short)
    }

    /// The same numbers on every run: a linear congruential generator's states, less their lowest 11 bits.
    struct Draws {
        var seed: UInt64

        mutating func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 11
        }
    }

    func pow10(_ power: Double) -> Double {
        (0..<Int(abs(power))).reduce(1.0) { product, _ in power < 0 ? product / 10 : product * 10 }
    }
}
