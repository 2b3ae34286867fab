/// Powers of ten held exactly, for reading and writing decimals without `strtod` or a `String`.
///
/// Each is a `switch` the compiler turns into a constant table, read in place from any module (an array here would
/// be set up on first use and reached through a call each time, in the hot loops of reading and writing figures).
public enum PowersOfTen {
    /// 10ⁿ as a `Double`, exact for `n` from 0 to 22.
    /// - Precondition: `n` lies in 0...22.
    @inlinable
    public static func exactDouble(_ n: Int) -> Double {
        switch n {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        case 22: 1e22
        default: preconditionFailure("10^\(n) is not exact in a Double")
        }
    }

    /// 10ⁿ as a `UInt64`, for `n` from 0 to 19.
    /// - Precondition: `n` lies in 0...19.
    @inlinable
    public static func integer(_ n: Int) -> UInt64 {
        switch n {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        case 9: 1_000_000_000
        case 10: 10_000_000_000
        case 11: 100_000_000_000
        case 12: 1_000_000_000_000
        case 13: 10_000_000_000_000
        case 14: 100_000_000_000_000
        case 15: 1_000_000_000_000_000
        case 16: 10_000_000_000_000_000
        case 17: 100_000_000_000_000_000
        case 18: 1_000_000_000_000_000_000
        case 19: 10_000_000_000_000_000_000
        default: preconditionFailure("10^\(n) does not fit a UInt64")
        }
    }

    /// ⌊`n` × log₁₀ 2⌋, the power of ten of 2ⁿ's leading digit, as `n` × 1233 / 4096 (just under log₁₀ 2): exact for
    /// `n` from -400 to 400 (it first errs at ±681).
    @inlinable
    public static func leadingPower(ofTwoTo n: Int) -> Int { (n * 1233) >> 12 }

    /// The number of decimal digits of `value`, 1 for 0.
    /// - Complexity: O(1): from the position of its highest bit, corrected by one comparison.
    @inlinable
    public static func digitCount(_ value: UInt64) -> Int {
        // A value of `bits` bits lies in [2^(bits - 1), 2^bits): the digit count is this or one more (0 counts as 1).
        let bits = 64 - (value | 1).leadingZeroBitCount
        let estimate = leadingPower(ofTwoTo: bits)
        return estimate + ((value | 1) >= integer(estimate) ? 1 : 0)
    }
}
