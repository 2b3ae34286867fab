import Core
import Testing

@Suite("Powers of ten and digit counts")
struct PowersOfTenTests {
    @Test("each power as its decimal text reads")
    func powers() {
        for n in 0...22 { #expect(PowersOfTen.exactDouble(n) == Double("1e\(n)")) }
        for n in 0...19 { #expect(String(PowersOfTen.integer(n)) == "1" + String(repeating: "0", count: n)) }
    }

    @Test("the digits of 0, of each power of ten and the number below it, and of the largest UInt64")
    func digitCounts() {
        #expect(PowersOfTen.digitCount(0) == 1)
        #expect(PowersOfTen.digitCount(7) == 1)
        #expect(PowersOfTen.digitCount(UInt64.max) == 20)
        for n in 1...19 {
            let power = PowersOfTen.integer(n)
            #expect(PowersOfTen.digitCount(power) == n + 1)
            #expect(PowersOfTen.digitCount(power - 1) == n)
            #expect(PowersOfTen.digitCount(power + 1) == n + 1)
        }
    }
}
