/// The character encodings found in real exports: UTF-8 (with or without a byte-order mark), the
/// Windows-1252 that Excel writes when a CSV is saved on Windows, and the UTF-16 of its "Unicode text".
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case windows1252 = "Windows-1252"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"

    /// UTF-16 of either byte order, told by its byte-order mark or, without one, by the zero high bytes of
    /// ASCII text in the first two characters; `nil` for anything else.
    static func utf16(startingWith bytes: UnsafeRawBufferPointer) -> TextEncoding? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF && bytes[1] == 0xFE { return .utf16LittleEndian }
        if bytes[0] == 0xFE && bytes[1] == 0xFF { return .utf16BigEndian }
        guard bytes.count >= 4 else { return nil }
        if bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0 { return .utf16LittleEndian }
        if bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0 { return .utf16BigEndian }
        return nil
    }
}

/// Unicode scalars for Windows-1252 bytes 0x80...0x9F; 0 marks the five undefined bytes.
/// Bytes 0xA0...0xFF map to the same code points (Latin-1).
private let windows1252High: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
    0x0178,
]

enum Windows1252 {
    /// The Unicode scalar for a byte, or `nil` for the five bytes Windows-1252 leaves undefined.
    static func scalar(for byte: UInt8) -> UInt32? {
        if byte < 0x80 || byte >= 0xA0 { return UInt32(byte) }
        let scalar = windows1252High[Int(byte - 0x80)]
        return scalar == 0 ? nil : scalar
    }

    /// Appends the UTF-8 encoding of `scalar` through `append`.
    @inline(__always)
    static func encodeUTF8(_ scalar: UInt32, _ append: (UInt8) -> Void) {
        if scalar < 0x80 {
            append(UInt8(scalar))
        } else if scalar < 0x800 {
            append(UInt8(0xC0 | (scalar >> 6)))
            append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
            append(UInt8(0xE0 | (scalar >> 12)))
            append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}

enum UTF8Check {
    /// The offset of the first byte that does not begin a well-formed UTF-8 sequence, or `nil` if all are well formed.
    static func firstInvalidByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF:
                length = 2
                scalar = UInt32(b & 0x1F)
                minimum = 0x80
            case 0xE0...0xEF:
                length = 3
                scalar = UInt32(b & 0x0F)
                minimum = 0x800
            case 0xF0...0xF4:
                length = 4
                scalar = UInt32(b & 0x07)
                minimum = 0x10000
            default: return i
            }
            if i + length > n { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return i }
                scalar = (scalar << 6) | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}
