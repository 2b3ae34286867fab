/// The shortest decimal that reads back to a `Double` (the digits `Double.description` writes), found for a value
/// that is not whole and lies between 10⁻⁴ and 10¹⁵, where `description` writes no exponent.
///
/// Every decimal of at most 15 significant digits reads back to a different `Double`, so at most one of them reads
/// back to the value: the nearest to it at 15 digits, tried in `Double` arithmetic (digits below 2⁵³ and a power of
/// ten up to 10²² are exact, so their quotient is the correctly rounded reading, Clinger's fast path), and stripped
/// of trailing zeros. Otherwise the answer has 16 or 17 digits: the nearest
/// decimal at 16 digits when it lies within the value's rounding interval, else the nearest at 17, which always
/// does; both are found and checked exactly in 128-bit integers.
struct ShortestDecimal {
    /// The decimal's digits, as an integer.
    let digits: UInt64
    /// How many of the digits come after the decimal point.
    let places: Int

    /// Powers of ten exact in a `Double`: 10⁰ to 10²².
    private static let doublePowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]

    /// The shortest decimal of `value`; `nil` when it is whole, not finite, or outside 10⁻⁴ to 10¹⁵ (where
    /// `description` writes an exponent), or when two decimals are equally near it.
    init?(_ value: Double) {
        let magnitude = abs(value)
        guard magnitude >= 1e-4, magnitude < 1e15, Double(Int64(magnitude)) != magnitude else { return nil }
        let power = Self.leadingPower(magnitude)
        let places15 = 14 - power
        if let digits = Self.fifteenDigits(magnitude, places: places15) {
            var (digits, places) = (digits, places15)
            while places > 0, digits % 10 == 0 {
                digits /= 10
                places -= 1
            }
            self.init(digits: digits, places: places)
        } else if let digits = Self.roundTripping(magnitude, places: places15 + 1) {
            self.init(digits: digits, places: places15 + 1)
        } else if let digits = Self.roundTripping(magnitude, places: places15 + 2) {
            self.init(digits: digits, places: places15 + 2)
        } else {
            return nil
        }
    }

    /// The power of ten of the leading digit of a magnitude between 10⁻⁴ and 10¹⁵: -4...14. Below 1, a product
    /// rounded up to 1 can make it one too high; the digits found are then still the shortest, or none are.
    private static func leadingPower(_ magnitude: Double) -> Int {
        var power = 0
        if magnitude >= 1 {
            while power < 14, doublePowers[power + 1] <= magnitude { power += 1 }
        } else {
            power = -1
            while power > -4, magnitude * doublePowers[-power] < 1 { power -= 1 }
        }
        return power
    }

    private init(digits: UInt64, places: Int) {
        self.digits = digits
        self.places = places
    }

    /// The one decimal of 15 significant digits with `places` decimal places that reads back to `magnitude`, if any:
    /// the nearest to it.
    private static func fifteenDigits(_ magnitude: Double, places: Int) -> UInt64? {
        let scale = doublePowers[places]
        let scaled = magnitude * scale
        let nearest = Double(Int64(scaled + 0.5))
        // At 15 digits the value's rounding interval reaches under a ninth of the last digit either side, and the
        // product is as near the value: a decimal a quarter of a digit or more from the product cannot read back.
        guard abs(scaled - nearest) < 0.25, nearest / scale == magnitude else { return nil }
        return UInt64(nearest)
    }

    /// The decimal with `places` decimal places nearest to `magnitude`, or a neighbour, that reads back to it (lies
    /// within its rounding interval), computed exactly; `nil` when none does or when two are equally near.
    private static func roundTripping(_ magnitude: Double, places: Int) -> UInt64? {
        let significand = UInt128(magnitude.significandBitPattern | (1 << 52))
        let shift = 52 - Int(magnitude.exponent)  // magnitude = significand / 2^shift, shift ≥ 3 here
        let tenths = UInt128(UInt64(doublePowers[places - 1])) * 10
        let scaled = significand * tenths
        let whole = scaled >> shift
        let twiceRest = (scaled - whole << shift) << 1
        guard twiceRest != 1 << shift else { return nil }
        let nearest = twiceRest > 1 << shift ? whole + 1 : whole
        // The rounding interval in quarters of the last place: 4m ± 2, or 4m - 1 below a power of two.
        let below = magnitude.significandBitPattern == 0 ? UInt128(1) : 2
        let (low, high) = ((4 * significand - below) * tenths, (4 * significand + 2) * tenths)
        let inclusive = significand % 2 == 0
        func readsBack(_ candidate: UInt128) -> Bool {
            let quarters = candidate << (shift + 2)
            return inclusive ? (low...high).contains(quarters) : (quarters > low && quarters < high)
        }
        if readsBack(nearest) { return UInt64(nearest) }
        if readsBack(nearest - 1) { return UInt64(nearest - 1) }
        if readsBack(nearest + 1) { return UInt64(nearest + 1) }
        return nil
    }
}
