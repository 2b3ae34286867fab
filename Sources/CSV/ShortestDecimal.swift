import Core

/// The shortest decimal that reads back to a `Double` (the digits `Double.description` writes), found for a value
/// that is not whole and lies between 10⁻⁴ and 10¹⁵, where `description` writes no exponent.
///
/// The value's rounding interval (the reals that read back to it) is computed exactly, in 128-bit integers, in units
/// of the 17th significant digit, where it always holds a decimal. It is one binary place wide, under
/// 10¹⁷ / 2⁵² ≈ 22.2 units, so it holds at most one multiple of 100: a decimal of at most 15 significant digits,
/// which, when there is one, is the answer, stripped of trailing zeros. Otherwise the answer is the nearest 16-digit
/// decimal to the value if it lies in the interval, else the nearest 17-digit decimal, the one with an even last
/// digit when two are equally near.
///
/// Figures as files give them mostly have a decimal of at most 15 significant digits; figures computed (a share of
/// a total) mostly have none. Where recent figures had one (``ShortFigures``), it is first sought in `Double`
/// arithmetic, which is quicker than the exact interval (``fifteenDigits(_:)``).
///
/// `nil` should the nearest 17-digit decimal not lie in the interval (it always does on this range), for
/// `description` to settle.
struct ShortestDecimal {
    /// The decimal's digits, as an integer.
    let digits: UInt64
    /// How many of the digits come after the decimal point.
    let places: Int

    /// The shortest decimal of `value`; `nil` when it is whole, not finite, or outside 10⁻⁴ to 10¹⁵ (where
    /// `description` writes an exponent). `recent` says whether to try 15 digits in `Double` arithmetic first, and
    /// counts whether this value had a decimal of 15 digits or fewer; the answer is the same either way.
    /// - Complexity: O(1): a few `Double` operations, or a few 128-bit multiplications and shifts.
    init?(_ value: Double, recent: inout ShortFigures) {
        let magnitude = abs(value)
        guard magnitude >= 1e-4, magnitude < 1e15, Double(Int64(magnitude)) != magnitude else { return nil }
        if recent.likely, let (digits, places) = Self.fifteenDigits(magnitude) {
            recent.saw(short: true)
            self.init(strippingZerosFrom: digits, places: places)
            return
        }
        let candidates = RoundingInterval(magnitude)
        let fifteen = candidates.multiple(of: 100)
        recent.saw(short: fifteen != nil)
        if let fifteen {
            self.init(strippingZerosFrom: fifteen / 100, places: candidates.places - 2)
        } else if let sixteen = candidates.nearest(multipleOf: 10) {
            self.init(digits: sixteen / 10, places: candidates.places - 1)
        } else if let seventeen = candidates.nearest(multipleOf: 1) {
            self.init(digits: seventeen, places: candidates.places)
        } else {
            return nil
        }
    }

    /// The one decimal of at most 15 significant digits that reads back to `magnitude`, if there is one: the nearest
    /// to it at 15 digits, found in `Double` arithmetic, as digits and decimal places. Digits below 2⁵³ and a power
    /// of ten up to 10²² are exact, so their quotient is the correctly rounded reading (Clinger's fast path).
    ///
    /// The value's rounding interval reaches under 10¹⁵ / 2⁵³ ≈ 0.111 of the 15th digit either side of it, and the
    /// product below 10¹⁵ is within 1/16 of the exact one: a decimal that reads back lies within 0.174 of the product,
    /// so it is the product rounded, and none a quarter or more from the product does.
    private static func fifteenDigits(_ magnitude: Double) -> (digits: UInt64, places: Int)? {
        // The leading digit's power of ten is that of 2^exponent's or one more.
        var places = 14 - PowersOfTen.leadingPower(ofTwoTo: binaryExponent(of: magnitude))
        var scaled = magnitude * PowersOfTen.exactDouble(places)
        if scaled >= 1e15 {
            places -= 1
            scaled = magnitude * PowersOfTen.exactDouble(places)
        }
        let nearest = Double(Int64(scaled + 0.5))
        guard abs(scaled - nearest) < 0.25, nearest / PowersOfTen.exactDouble(places) == magnitude else { return nil }
        return (UInt64(nearest), places)
    }

    /// `digits` with `places` decimal places, less the trailing zeros after the point: eight, four, two and one at a
    /// time.
    private init(strippingZerosFrom digits: UInt64, places: Int) {
        var (digits, places) = (digits, places)
        Self.strip(8, zerosFrom: &digits, places: &places)
        Self.strip(4, zerosFrom: &digits, places: &places)
        Self.strip(2, zerosFrom: &digits, places: &places)
        Self.strip(1, zerosFrom: &digits, places: &places)
        self.init(digits: digits, places: places)
    }

    /// Strips `zeros` trailing zeros after the point at a time while there are that many.
    @inline(__always)
    private static func strip(_ zeros: Int, zerosFrom digits: inout UInt64, places: inout Int) {
        let power = PowersOfTen.integer(zeros)
        while places >= zeros, digits % power == 0 {
            digits /= power
            places -= zeros
        }
    }

    private init(digits: UInt64, places: Int) {
        self.digits = digits
        self.places = places
    }
}

/// Whether the figures written lately had a decimal of at most 15 significant digits, as figures read from a file
/// mostly do and computed ones mostly do not: a count that rises with each that had and falls with each that had
/// not, within ±16, so a run of one kind outweighs the odd figure of the other.
struct ShortFigures {
    private var lean: Int8 = 0

    /// Whether the next figure is likely to have one.
    var likely: Bool { lean >= 0 }

    /// Counts a figure that had one, or had not.
    mutating func saw(short: Bool) { lean = short ? min(lean + 1, 16) : max(lean - 1, -16) }
}

/// The binary exponent of a positive normal `Double`, read from its bits (`Double.exponent` is a call).
@inline(__always)
private func binaryExponent(of magnitude: Double) -> Int { Int(magnitude.bitPattern >> 52) - 1023 }

/// A value's rounding interval in units of its 17th significant digit: the whole units `low...high` that read back
/// to it, and the value itself in those units, `whole` and a remainder over 2^`shift`.
private struct RoundingInterval {
    /// The decimal places of the unit: 16 less the power of ten of the value's leading digit.
    let places: Int
    let low: UInt64
    let high: UInt64
    let whole: UInt64
    let remainder: UInt128
    let shift: Int

    /// The interval of a magnitude between 10⁻⁴ and 10¹⁵, not whole.
    init(_ magnitude: Double) {
        let significand = magnitude.significandBitPattern | 1 << 52
        let exponent = binaryExponent(of: magnitude)
        let shift = 52 - exponent  // magnitude = significand / 2^shift; shift ≥ 3 here
        // The leading digit's power of ten is that of 2^exponent's or one more.
        var places = 16 - PowersOfTen.leadingPower(ofTwoTo: exponent)
        var unit = Self.power(places)
        var scaled = UInt128(significand) * unit
        if scaled >> shift >= PowersOfTen.integer(17) {
            places -= 1
            unit = Self.power(places)
            scaled = UInt128(significand) * unit
        }
        (self.places, self.shift) = (places, shift)
        whole = UInt64(scaled >> shift)
        remainder = scaled & (1 << shift - 1)
        // The reals that read back lie within half a binary place either side (a quarter below a power of two),
        // ends included when the significand is even: here in quarters of a binary place.
        let below = magnitude.significandBitPattern == 0 ? unit : 2 * unit
        let (lowQuarters, highQuarters) = (4 * scaled - below, 4 * scaled + 2 * unit)
        let inclusive = significand % 2 == 0
        let quarterShift = shift + 2
        var low = UInt64(lowQuarters >> quarterShift)
        if UInt128(low) << quarterShift != lowQuarters || !inclusive { low += 1 }
        var high = UInt64(highQuarters >> quarterShift)
        if UInt128(high) << quarterShift == highQuarters && !inclusive { high -= 1 }
        (self.low, self.high) = (low, high)
    }

    /// 10^`places` (at most 10²¹).
    private static func power(_ places: Int) -> UInt128 {
        places <= 19
            ? UInt128(PowersOfTen.integer(places))
            : UInt128(PowersOfTen.integer(19)) * UInt128(PowersOfTen.integer(places - 19))
    }

    /// The highest multiple of `step` in the interval, if there is one.
    @inline(__always)
    func multiple(of step: UInt64) -> UInt64? {
        let below = high / step * step
        return below >= low ? below : nil
    }

    /// The multiple of `step` nearest the value, the even one of two equally near (as `description` chooses), if
    /// it lies in the interval.
    @inline(__always)
    func nearest(multipleOf step: UInt64) -> UInt64? {
        let (below, beyond) = whole.quotientAndRemainder(dividingBy: step)
        // Twice the value's distance above `below × step`, against `step`, both in 2^-`shift`ths of a unit.
        let twiceAbove = UInt128(2 * beyond) << shift + 2 * remainder
        let stepAbove = UInt128(step) << shift
        let up = twiceAbove > stepAbove || (twiceAbove == stepAbove && below % 2 == 1)
        let nearest = (up ? below + 1 : below) * step
        return nearest >= low && nearest <= high ? nearest : nil
    }
}
