import Core

extension CSVRowBytes {
    /// Appends a figure as `svtk load` writes it, the same bytes as `Double.description` but for whole numbers: a whole
    /// number below 10¹⁵ as its digits (`-0` as `0`); any other number as `description` writes it (the shortest
    /// decimal that reads back to it, `1e-05`, `1e+16`, `inf`). Decimals between 10⁻⁴ and 10¹⁵ are written without
    /// making a `String` (``ShortestDecimal``).
    ///
    /// - Complexity: O(1).
    public mutating func append(figure value: Double) { append(figure: value, digitsBelow: 1e15, signedZero: false) }

    /// Appends a figure as ``append(figure:)-(Double)`` does, or nothing when there is none.
    public mutating func append(figure value: Double?) { if let value { append(figure: value) } }

    /// Appends a whole number of magnitude below `limit` as its digits, with its sign (`-0` as `-0` when
    /// `signedZero`, else as `0`), and any other figure as `description` writes it, a decimal without a `String`.
    mutating func append(figure value: Double, digitsBelow limit: Double, signedZero: Bool) {
        if abs(value) < limit, case let whole = Int64(value), Double(whole) == value {
            let negative = signedZero ? value.sign == .minus : whole < 0
            return append(digits: whole.magnitude, negative: negative, places: 0)
        }
        if let decimal = ShortestDecimal(value, recent: &shortFigures) {
            return append(digits: decimal.digits, negative: value < 0, places: decimal.places)
        }
        var text = value.description
        text.withUTF8 { append($0) }
    }

    /// Appends `digits` with a decimal point `places` digits from the right (a zero before it when nothing else is
    /// there, zeros after it to make up the places), and a minus sign first when `negative`.
    mutating func append(digits: UInt64, negative: Bool, places: Int) {
        let length = Swift.max(PowersOfTen.digitCount(digits), places + 1)
        let total = (negative ? 1 : 0) + length + (places > 0 ? 1 : 0)
        reserve(total)
        if negative { start[count] = UInt8(ascii: "-") }
        var at = start + count + total
        count += total
        var (rest, left) = (digits, length)
        if places > 0 {
            Self.write(&rest, count: places, endingAt: &at)
            at -= 1
            at.pointee = UInt8(ascii: ".")
            left -= places
        }
        Self.write(&rest, count: left, endingAt: &at)
    }

    /// Writes the last `count` decimal digits of `value` backwards from just before `end`, two at a time, leaving
    /// the rest of `value` and `end` at the first digit written.
    static func write(_ value: inout UInt64, count: Int, endingAt end: inout UnsafeMutablePointer<UInt8>) {
        var left = count
        while left >= 2 {
            let pair = Int(value % 100) &* 2
            value /= 100
            end -= 2
            end[0] = digitPairs.utf8Start[pair]
            end[1] = digitPairs.utf8Start[pair &+ 1]
            left -= 2
        }
        if left == 1 {
            end -= 1
            end.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
            value /= 10
        }
    }

    /// "00", "01", … "99", as bytes.
    private static let digitPairs: StaticString = """
        0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """
}
