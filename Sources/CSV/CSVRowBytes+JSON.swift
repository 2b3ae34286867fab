extension CSVRowBytes {
    /// Appends text as a JSON string, the bytes `JSONOutput`'s encoder writes: in quotes, with `"` and `\` escaped,
    /// `\b`, `\f`, `\n`, `\r` and `\t` for those controls and `\u00XX` for the others, every other character as its
    /// UTF-8 (`/` unescaped). For a JSON record written through a ``CSVWriter``'s stream.
    /// - Complexity: O(*n*) in the text's bytes.
    public mutating func appendJSON(string text: String) {
        var text = text
        append(byte: UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            var plainFrom = 0
            for (at, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                append(UnsafeBufferPointer(rebasing: bytes[plainFrom..<at]))
                appendJSONEscape(byte)
                plainFrom = at + 1
            }
            append(UnsafeBufferPointer(rebasing: bytes[plainFrom...]))
        }
        append(byte: UInt8(ascii: "\""))
    }

    /// Appends a JSON string, or `null` for none.
    public mutating func appendJSON(string text: String?) {
        if let text { appendJSON(string: text) } else { append("null") }
    }

    /// Appends a figure as a JSON number, the bytes `JSONOutput`'s encoder writes: `description` without a trailing
    /// `.0` (`12`, `-0`, `0.1`, `1e+16`), and `null` for none or for a value that is not finite.
    /// - Complexity: O(1).
    public mutating func appendJSON(figure value: Double?) {
        guard let value, value.isFinite else { return append("null") }
        // description writes whole numbers up to 2⁵³ with their digits (and `.0`), larger ones with an exponent.
        append(figure: value, digitsBelow: 0x1p53.nextUp, signedZero: true)
    }

    /// Appends the escape of a byte that JSON strings cannot hold as it is.
    private mutating func appendJSONEscape(_ byte: UInt8) {
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        default:
            append("\\u00")
            let hex: StaticString = "0123456789abcdef"
            append(byte: hex.utf8Start[Int(byte >> 4)])
            append(byte: hex.utf8Start[Int(byte & 0xF)])
        }
    }
}
