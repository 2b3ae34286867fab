/// Something worked out once for each symbol of an ``Interner`` (whether an area is kept, an indicator wanted, a
/// period's order), the first time a figure with that symbol is met: an array indexed by symbol, so every other figure
/// with it costs one read, not a hash of its text.
public struct SymbolMemo<Value> {
    private var values: [Value?]

    /// An empty memo for every symbol `symbols` holds now (symbols interned later are out of its range).
    /// - Complexity: O(*n*) in the symbols.
    public init<Interned>(for symbols: Interner<Interned>) {
        values = Array(repeating: nil, count: symbols.count + 1)
    }

    /// The value for a symbol, made by `make` the first time the symbol is asked for.
    /// - Complexity: O(1) after the first time.
    public mutating func value(for symbol: UInt32, _ make: () -> Value) -> Value {
        if let known = values[Int(symbol)] { return known }
        let made = make()
        values[Int(symbol)] = made
        return made
    }
}
