/// Interned values: each distinct value (a text, a breakdown) is stored once and named by a small integer, so a
/// million figures naming the same indicator, area or period hold four bytes each instead of a `String`.
///
/// Symbol 0 stands for "none" (the value given at creation); the first value interned is symbol 1.
public struct Interner<Value: Hashable & Sendable>: Sendable {
    private var values: [Value]
    private var numbers: [Value: UInt32] = [:]

    /// - Parameter none: the value symbol 0 stands for.
    public init(none: Value) { values = [none] }

    /// The symbol of a value, interning it on first sight.
    ///
    /// - Complexity: one hash of the value, amortised.
    public mutating func intern(_ value: Value) -> UInt32 {
        if let known = numbers[value] { return known }
        let number = UInt32(values.count)
        values.append(value)
        numbers[value] = number
        return number
    }

    /// The symbol of a value already interned, or nil.
    public func symbol(_ value: Value) -> UInt32? { numbers[value] }

    /// The value of a symbol.
    ///
    /// - Complexity: O(1); a string's storage is shared, not copied.
    public subscript(symbol: UInt32) -> Value { values[Int(symbol)] }

    /// The number of distinct values interned.
    public var count: Int { values.count - 1 }
}

/// Interned texts: indicator ids, area codes, periods, sources and notes.
public typealias Symbols = Interner<String>

extension Interner where Value == String {
    /// Texts, with symbol 0 for the empty text.
    public init() { self.init(none: "") }
}
