import Core

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a figure as statistical releases and people write it, the reverse of ``FigureStyle``: `1234`,
/// `1,234`, `12.5%`, `-0.3`, `1.5e3`; never hex, `inf` or `nan`, and no whole number longer than a `Double`
/// holds exactly. The loaders read cells with it (adding the missing-value markers) and the workspace its forms.
public enum FigureReading {
    /// The longest text read as a number, in bytes: far more than any figure needs (15 significant digits, a sign,
    /// a point, an exponent, separators and spaces), so that a pasted megabyte is refused before any work is done on
    /// it rather than copied and scanned.
    public static let longestText = 400

    /// A number typed as text, spaces around it ignored (`£` and other words are not numbers); nil for anything
    /// else.
    ///
    /// - Complexity: O(*n*) in the text's length.
    public static func number(_ text: String) -> Double? {
        guard text.utf8.count <= longestText else { return nil }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return nil }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var bytes = Array(String(String.UnicodeScalarView(scalars[first...last])).utf8)
        let count = bytes.count
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
            plainNumber(buffer.baseAddress!, count) ?? formattedNumber(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// A plain decimal number, as data files write one: an optional sign, digits, a decimal point and an
    /// exponent (`12`, `-0.25`, `1.5e3`), spaces around it ignored; nil for anything else (hex such as `0x2`,
    /// `inf`, `nan`, thousands separators, a percent sign) and for a number out of a `Double`'s range.
    ///
    /// - Complexity: O(*n*) in the text's length.
    public static func decimal(_ text: String) -> Double? {
        guard text.utf8.count <= longestText else { return nil }
        var bytes = Array(
            text.utf8.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed())
        let count = bytes.count
        guard count > 0 else { return nil }
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { plainNumber($0.baseAddress!, count) }.flatMap { $0.isFinite ? $0 : nil }
    }

    /// The most digits a whole number may have: 15 is the most a `Double` holds exactly, whatever the digits.
    public static let maximumIntegerDigits = 15

    /// Digits, sign, decimal point and exponent only. Integers of up to 15 digits are read directly (longer
    /// ones are refused: they cannot be held exactly); anything else goes to ``decimalNumber(_:_:from:integer:)``.
    @inlinable
    public static func plainNumber(_ start: UnsafePointer<UInt8>, _ count: Int) -> Double? {
        var i = 0
        let negative = start[0] == UInt8(ascii: "-")
        if negative || start[0] == UInt8(ascii: "+") { i = 1 }
        var integer: Int64 = 0
        let firstDigit = i
        while i < count {
            let digit = start[i] &- UInt8(ascii: "0")
            if digit > 9 { break }
            integer = integer &* 10 &+ Int64(digit)
            i += 1
        }
        guard i == count else { return decimalNumber(start, count, from: i, integer: UInt64(bitPattern: integer)) }
        let digits = count - firstDigit
        guard digits > 0, digits <= maximumIntegerDigits else { return nil }
        return negative ? -Double(integer) : Double(integer)
    }

    /// The rest of ``plainNumber(_:_:)`` from byte `i`, the first that is not a digit, after the digits read as
    /// `integer` (wrapped, should there be more than 19): only a decimal point or an exponent may follow, never hex,
    /// "inf" or "nan". A short decimal (``shortDecimal(_:_:from:integer:integerDigits:)``) is read directly; any
    /// other number goes to `strtod`, in place when a NUL follows the field (as it does in a CSV row read by the CSV
    /// module), and is refused when out of range (ERANGE).
    @inline(never) @usableFromInline
    static func decimalNumber(_ start: UnsafePointer<UInt8>, _ count: Int, from i: Int, integer: UInt64)
        -> Double?
    {
        let firstDigit = start[0] == UInt8(ascii: "-") || start[0] == UInt8(ascii: "+") ? 1 : 0
        if let magnitude = shortDecimal(start, count, from: i, integer: integer, integerDigits: i - firstDigit) {
            return start[0] == UInt8(ascii: "-") ? -magnitude : magnitude
        }
        var sawDigit = i > firstDigit
        for k in i..<count {
            switch start[k] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            default: return nil
            }
        }
        guard sawDigit else { return nil }
        if start[count] == 0 {
            return start.withMemoryRebound(to: CChar.self, capacity: count + 1) { text in
                var end: UnsafeMutablePointer<CChar>?
                errno = 0
                let value = strtod(text, &end)
                return end.map { UnsafePointer($0) == text + count } == true && errno != ERANGE ? value : nil
            }
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer -> Double? in
            let base = buffer.baseAddress!
            start.withMemoryRebound(to: CChar.self, capacity: count) { base.update(from: $0, count: count) }
            base[count] = 0
            var end: UnsafeMutablePointer<CChar>?
            errno = 0
            let value = strtod(base, &end)
            return end == base + count && errno != ERANGE ? value : nil
        }
    }

    /// The magnitude of a decimal of at most 19 digits with a point and no exponent (`12.345`, `.5`,
    /// `58.75020000000001`), from its point at byte `i`, after `integerDigits` digits read as `integer`: its digits
    /// over a power of ten, rounded as `strtod` rounds, to the bit, at a fraction of its cost. Digits up to 2⁵³ (all
    /// of 15 digits, most of 16) are exact in a `Double`, as is the power of ten, and one division rounds correctly
    /// (Clinger's fast path); other digits, up to 19, are divided in integers (``longDecimal(_:places:)``). Nil for
    /// any other text, left to `strtod`.
    ///
    /// - Complexity: O(*n*) in the text's length.
    static func shortDecimal(
        _ start: UnsafePointer<UInt8>, _ count: Int, from i: Int, integer: UInt64, integerDigits: Int
    ) -> Double? {
        guard start[i] == UInt8(ascii: "."), integerDigits <= 19 else { return nil }
        var (digits, digitCount) = (integer, integerDigits)
        for k in (i + 1)..<count {
            let digit = start[k] &- UInt8(ascii: "0")
            guard digit <= 9 else { return nil }
            digits = digits &* 10 &+ UInt64(digit)
            digitCount += 1
        }
        guard digitCount > 0, digitCount <= 19 else { return nil }
        let places = count - i - 1
        // Digits up to 2⁵³ and a power of ten up to 10¹⁹ are exact in a `Double`, and so one division rounds
        // correctly.
        return digits <= 1 << 53
            ? Double(digits) / PowersOfTen.exactDouble(places)
            : longDecimal(digits, places: places)
    }

    /// `digits` over 10^`places` (at most 19 places), correctly rounded to the nearest `Double`, ties to even: the
    /// digits are shifted up to fill 128 bits and divided by the power of ten in integers, leaving a quotient of at
    /// least 64 bits, whose top 53 are rounded by the bits below and whether the division left a remainder.
    static func longDecimal(_ digits: UInt64, places: Int) -> Double {
        guard digits > 0, places > 0 else { return Double(digits) }
        let divisor = PowersOfTen.integer(places)
        let shift = digits.leadingZeroBitCount + 64
        let high = digits << (shift - 64)
        let (upper, rest) = high.quotientAndRemainder(dividingBy: divisor)
        let (lower, remainder) = divisor.dividingFullWidth((rest, 0))
        let quotient = UInt128(upper) << 64 | UInt128(lower)
        let dropped = 128 - quotient.leadingZeroBitCount - 53
        var significand = UInt64(quotient >> dropped)
        let below = quotient & ((1 << dropped) - 1)
        let half = UInt128(1) << (dropped - 1)
        if below > half || (below == half && (remainder != 0 || significand & 1 == 1)) { significand += 1 }
        return Double(sign: .plus, exponent: dropped - shift, significand: Double(significand))
    }

    /// Numbers with thousands separators (`1,234,567`) and/or a trailing percent sign (`12.5%`). A comma is read as
    /// a thousands separator only in the whole part, after a first group of one to three digits that does not start
    /// with 0, before groups of three: `0,125` and `4.018,5` (decimal commas) are not numbers.
    public static func formattedNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let first = bytes.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: ".")
        else { return nil }
        var body = bytes[...]
        if body.last == UInt8(ascii: "%") { body = body.dropLast() }
        while body.last == 0x20 { body = body.dropLast() }
        guard !body.isEmpty else { return nil }
        let integerEnd = body.firstIndex(of: UInt8(ascii: ".")) ?? body.endIndex
        let integerPart = body[body.startIndex..<integerEnd]
        guard !body[integerEnd...].contains(UInt8(ascii: ",")) else { return nil }
        if integerPart.contains(UInt8(ascii: ",")) {
            var digits = integerPart[...]
            if digits.first == UInt8(ascii: "-") || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
            let groups = digits.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count), head.first != UInt8(ascii: "0"),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
        }
        var cleaned = body.filter { $0 != UInt8(ascii: ",") }
        guard cleaned.count != bytes.count else { return nil }
        let count = cleaned.count
        cleaned.append(0)
        return cleaned.withUnsafeMutableBufferPointer { plainNumber(UnsafePointer($0.baseAddress!), count) }
    }
}
