import Evidence
import Testing

@Suite("Worked out once per symbol")
struct SymbolMemoTests {
    @Test("each symbol's value is made the first time it is asked for, and read back after")
    func once() {
        var symbols = Symbols()
        let codes = ["E05012993", "E01007397", "E08000018"]
        let numbers = codes.map { symbols.intern($0) }
        var memo = SymbolMemo<Int>(for: symbols)
        var made: [UInt32] = []
        for symbol in numbers + numbers.reversed() + numbers {
            let value = memo.value(for: symbol) {
                made.append(symbol)
                return symbols[symbol].count * Int(symbol)
            }
            #expect(value == 9 * Int(symbol))
        }
        #expect(made == numbers, "made once each, in the order first asked for")
        #expect(memo.value(for: 0) { -1 } == -1, "symbol 0, the empty text, has a place too")
    }

    @Test("an area is at or above a level by its described level, else by its code; an unknown code always is")
    func atOrAbove() {
        let data = Dataset()
        data.add(Area(code: "X-WARD-1", name: "Boston Castle", level: .ward))
        #expect(data.isAtOrAbove(.ward, "X-WARD-1"))
        #expect(data.isAtOrAbove(.ward, "E08000018") && !data.isAtOrAbove(.ward, "E01007397"))
        #expect(data.isAtOrAbove(.ward, "custom-area"), "a code of unknown level is kept")
        #expect(!data.isAtOrAbove(.localAuthority, "X-WARD-1"))
    }
}
