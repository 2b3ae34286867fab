import Core

/// Converts UTF-16 (the "Unicode text" Excel saves) to UTF-8 block by block, the byte-order mark dropped.
struct UTF16Converter {
    private let bigEndian: Bool
    /// A byte carried over from the previous block (an odd block length).
    private var pendingByte: UInt8?
    /// A high surrogate waiting for its low half.
    private var pendingHigh: UInt32?
    private var atStart = true
    private let path: String

    /// A converter for UTF-16 of either byte order from the file at `path`; `nil` for other encodings.
    init?(encoding: TextEncoding, path: String) {
        self.path = path
        switch encoding {
        case .utf16LittleEndian: bigEndian = false
        case .utf16BigEndian: bigEndian = true
        default: return nil
        }
    }

    /// The UTF-8 for a block of UTF-16 bytes that starts at `offset` of the file.
    /// - Throws: `ToolkitError` at the first unpaired surrogate.
    mutating func convert(_ block: UnsafeRawBufferPointer, at offset: Int64) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(block.count)
        var index = 0
        var unitStart = offset - (pendingByte == nil ? 0 : 1)
        while index < block.count {
            let first: UInt8
            let second: UInt8
            if let carried = pendingByte {
                first = carried
                second = block[index]
                index += 1
                pendingByte = nil
            } else if index + 1 < block.count {
                first = block[index]
                second = block[index + 1]
                index += 2
            } else {
                pendingByte = block[index]
                index += 1
                break
            }
            let unit = bigEndian ? UInt32(first) << 8 | UInt32(second) : UInt32(second) << 8 | UInt32(first)
            try append(unit, at: unitStart, to: &out)
            unitStart = offset + Int64(index)
        }
        return out
    }

    /// The error for input that ends mid-character, if it does.
    func finish() -> ToolkitError? {
        if pendingByte != nil || pendingHigh != nil {
            return ToolkitError(file: path, "the UTF-16 text ends in the middle of a character: the file is cut short")
        }
        return nil
    }

    private mutating func append(_ unit: UInt32, at byteOffset: Int64, to out: inout [UInt8]) throws {
        defer { atStart = false }
        if atStart && unit == 0xFEFF { return }
        if let high = pendingHigh {
            guard (0xDC00...0xDFFF).contains(unit) else { throw malformed(byteOffset) }
            pendingHigh = nil
            let scalar = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
            return
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHigh = unit
        case 0xDC00...0xDFFF: throw malformed(byteOffset)
        default: Windows1252.encodeUTF8(unit) { out.append($0) }
        }
    }

    private func malformed(_ byteOffset: Int64) -> ToolkitError {
        ToolkitError(
            file: path,
            "malformed UTF-16 at byte \(byteOffset + 1): half of a surrogate pair; re-save the file as UTF-8")
    }
}
