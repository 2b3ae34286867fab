/// One field of a row, as UTF-8 bytes that live only as long as the row callback runs.
///
/// Reading a field allocates nothing: `bytes` points into the reader's reusable row buffer. The bytes are
/// followed by a NUL, so C functions such as `strtod` can read them in place. Call ``string`` to keep a copy.
public struct CSVField {
    /// The field's bytes (UTF-8; Windows-1252 input has already been transcoded).
    public let bytes: UnsafeBufferPointer<UInt8>

    /// A field over bytes that the caller keeps alive (and, for numeric parsing, follows with a NUL).
    @inlinable
    public init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The field as a new `String`.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The field with leading and trailing spaces and tabs removed, as a new `String`.
    public var trimmedString: String { String(decoding: trimmed.bytes, as: UTF8.self) }

    /// True when the field has no bytes at all.
    @inlinable
    public var isEmpty: Bool { bytes.isEmpty }

    /// The field without leading and trailing spaces and tabs (no copy).
    @inlinable
    public var trimmed: CSVField {
        guard let base = bytes.baseAddress else { return self }
        var start = 0
        var end = bytes.count
        while start < end, base[start] == 0x20 || base[start] == 0x09 { start += 1 }
        while end > start, base[end - 1] == 0x20 || base[end - 1] == 0x09 { end -= 1 }
        return CSVField(bytes: UnsafeBufferPointer(start: base + start, count: end - start))
    }

    /// True when the field equals `text` byte for byte.
    func equals(_ text: StaticString) -> Bool {
        guard text.utf8CodeUnitCount == bytes.count else { return false }
        return text.withUTF8Buffer { other in
            bytes.elementsEqual(other)
        }
    }
}

/// A row handed to a row callback: a view over the reader's buffers, valid only inside the callback.
///
/// Copy what you need (``CSVField/string``) before returning; do not let the row escape.
public struct CSVRow {
    @usableFromInline let storage: UnsafePointer<UInt8>
    @usableFromInline let fieldStarts: UnsafePointer<UInt32>
    /// The number of fields in the row.
    public let count: Int
    /// The 1-based physical line on which the row starts.
    public let line: Int
    /// True when every field is ASCII without a NUL, as the bytes were found when copied out of the file: a
    /// check for non-ASCII characters (invisible ones, say) can then skip the row.
    public let isASCII: Bool

    /// The field at a 0-based position.
    @inlinable
    public subscript(_ index: Int) -> CSVField {
        precondition(index >= 0 && index < count, "field index \(index) out of range 0..<\(count)")
        let start = Int(fieldStarts[index])
        let end = Int(fieldStarts[index + 1]) - 1  // each field is followed by a NUL
        return CSVField(bytes: UnsafeBufferPointer(start: storage + start, count: end - start))
    }

    /// Every field as a `String` (allocates; for headers, titles and messages, not hot loops).
    public var strings: [String] { (0..<count).map { self[$0].string } }

    /// True when every field is empty or spaces, as in a blank line or a row of bare delimiters.
    var isBlank: Bool {
        for i in 0..<count where !self[i].trimmed.isEmpty { return false }
        return true
    }

    /// The number of fields that are not blank.
    var nonBlankCount: Int {
        var n = 0
        for i in 0..<count where !self[i].trimmed.isEmpty { n += 1 }
        return n
    }
}
