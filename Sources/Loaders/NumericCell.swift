import CSV
import Evidence

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a numeric cell the way statistical releases write them: `1234`, `1,234`, `12.5%`, ` 7 `, `-0.3`,
/// `1.5e3`; and the missing-value markers (`[c]`, `[x]`, `[z]`, `[low]`, `..`, `:`, `*`, `-`, `c`, `x`, empty)
/// as a missing value with its reason. Anything else is an error naming the file, line and column.
public enum NumericCell {
    /// A parsed cell: a number, or a missing value with its reason.
    public enum Value: Equatable, Sendable {
        case number(Double)
        case missing(MissingReason)

        /// The number, when the cell holds one.
        public var number: Double? { if case .number(let n) = self { n } else { nil } }
        /// Why the value is missing, when it is.
        public var missingReason: MissingReason? { if case .missing(let r) = self { r } else { nil } }
    }

    /// Parses a field, or throws an error naming the file, line and column when it is neither a number nor a marker.
    /// - Throws: `ToolkitError` at `file`, `line` and `column` for a cell that is not a number it can hold or a marker.
    @inlinable
    public static func parse(
        _ field: CSVField, file: @autoclosure () -> String, line: Int, column: Int,
        columnName: @autoclosure () -> String
    ) throws -> Value {
        if let value = value(field) { return value }
        throw nonNumeric(field, file: file(), line: line, column: column, columnName: columnName())
    }

    @usableFromInline
    static func nonNumeric(_ field: CSVField, file: String, line: Int, column: Int, columnName: String) -> ToolkitError
    {
        let text = field.trimmedString
        let bare = text.filter { $0 != "," && $0 != "%" }
        if text.allSatisfy({ "0123456789.+-eE,%".contains($0) }), Double(bare) != nil {
            let integerDigits = bare.prefix { $0 != "." && $0 != "e" && $0 != "E" }.filter(\.isNumber).count
            let problem =
                integerDigits > maximumIntegerDigits
                ? "more than \(maximumIntegerDigits) digits, more than a figure can hold exactly"
                : "out of range: beyond ±1.8e308, or too close to 0 to hold"
            return ToolkitError(
                file: file, line: line, column: column,
                "number \(ToolkitError.quoted(text)) in column \"\(columnName)\": \(problem)")
        }
        return ToolkitError(
            file: file, line: line, column: column,
            "non-numeric value \(ToolkitError.quoted(text)) in column \"\(columnName)\": expected a number such as "
                + "1234, 1,234 or 12.5%, or a missing-value marker ([c], [x], [z], [low], .., :, *, -, c, x or empty)")
    }

    /// The field's value, or `nil` when it is neither a number nor a marker. Allocates nothing.
    @inlinable
    public static func value(_ field: CSVField) -> Value? {
        let cell = field.trimmed
        guard let start = cell.bytes.baseAddress, !cell.bytes.isEmpty else { return .missing(.empty) }
        let count = cell.bytes.count
        if let number = plainNumber(start, count) { return .number(number) }
        if let number = formattedNumber(cell.bytes) { return .number(number) }
        guard count <= 5 else { return nil }
        return MissingReason(marker: cell.string).map { .missing($0) }
    }

    /// Parses a `String` the same way (for values that are not in a CSV row).
    public static func parse(_ text: String) -> Value? {
        var text = text
        return text.withUTF8 { bytes -> Value? in
            var copy = Array(bytes)
            copy.append(0)
            return copy.withUnsafeBufferPointer { buffer -> Value? in
                value(CSVField(bytes: UnsafeBufferPointer(rebasing: buffer[0..<bytes.count])))
            }
        }
    }

    /// The most digits a whole number may have: 15 is the most a `Double` holds exactly, whatever the digits.
    @usableFromInline
    static let maximumIntegerDigits = 15

    /// Digits, sign, decimal point and exponent only. Integers of up to 15 digits are read directly (longer
    /// ones are refused: they cannot be held exactly); anything else goes to ``decimalNumber(_:_:from:)``.
    @inlinable
    static func plainNumber(_ start: UnsafePointer<UInt8>, _ count: Int) -> Double? {
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
        guard i == count else { return decimalNumber(start, count, from: i) }
        let digits = count - firstDigit
        guard digits > 0, digits <= maximumIntegerDigits else { return nil }
        return negative ? -Double(integer) : Double(integer)
    }

    /// The rest of ``plainNumber(_:_:)`` from byte `i`, the first that is not a digit: only a decimal point or an
    /// exponent may follow, never hex, "inf" or "nan". The number goes to `strtod`, in place when a NUL follows the
    /// field (as it does in a ``CSVRow``), and is refused when out of range (ERANGE).
    @usableFromInline
    @inline(never)
    static func decimalNumber(_ start: UnsafePointer<UInt8>, _ count: Int, from i: Int) -> Double? {
        let firstDigit = start[0] == UInt8(ascii: "-") || start[0] == UInt8(ascii: "+") ? 1 : 0
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

    /// Numbers with thousands separators (`1,234,567`) and/or a trailing percent sign (`12.5%`).
    @usableFromInline
    static func formattedNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
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
        if integerPart.contains(UInt8(ascii: ",")) {
            // Groups after the first comma must be exactly three digits.
            var digits = integerPart[...]
            if digits.first == UInt8(ascii: "-") || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
            let groups = digits.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count),
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
