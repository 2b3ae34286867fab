/// Powers of ten held exactly, for reading and writing decimals without `strtod` or a `String`.
public enum PowersOfTen {
    /// 10⁰ … 10²², every power of ten a `Double` holds exactly: `exactDoubles[n]` is 10ⁿ.
    public static let exactDoubles: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]

    /// 10⁰ … 10¹⁹, every power of ten a `UInt64` holds: `integers[n]` is 10ⁿ.
    public static let integers: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ]

    /// The number of decimal digits of `value`, 1 for 0.
    /// - Complexity: O(1): from the position of its highest bit, corrected by one comparison.
    public static func digitCount(_ value: UInt64) -> Int {
        // bits × 1233 / 4096 (1233 / 4096 is just under log₁₀ 2) is the digit count or one less (0 counts as 1).
        let bits = 64 - (value | 1).leadingZeroBitCount
        let estimate = (bits * 1233) >> 12
        return estimate + ((value | 1) >= integers[estimate] ? 1 : 0)
    }
}
