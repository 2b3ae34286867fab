import CSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns repeated field bytes into one shared `String`, so a million rows naming the same indicator or
/// category allocate that string once. Short strings (15 UTF-8 bytes or fewer) are stored inline by Swift
/// and need no interning.
///
/// A column's text is also remembered from one row to the next: an export sorted by indicator, area and period
/// repeats most of its columns row after row, and a repeat is then told by comparing bytes, without hashing them or
/// making a `String`.
final class StringInterner {
    private var table: [UInt64: String] = [:]
    /// Each column's text in the last row read, by the header's column numbers.
    private var lastInColumn: [String?] = []

    /// The field's text, shared with an equal one made before.
    /// - Complexity: O(*n*) in the field's bytes.
    func string(_ field: CSVField) -> String {
        let bytes = field.bytes
        if bytes.count <= 15 { return field.string }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        if let known = table[hash], Self.holds(known, bytes) { return known }
        let made = field.string
        if table[hash] == nil { table[hash] = made }
        return made
    }

    /// The field's text, the column's text in the last row when the bytes are the same.
    /// - Complexity: O(*n*) in the field's bytes.
    func string(_ field: CSVField, column: Int) -> String {
        if column < lastInColumn.count, let last = lastInColumn[column], Self.holds(last, field.bytes) { return last }
        let made = string(field)
        if column >= lastInColumn.count {
            lastInColumn += [String?](repeating: nil, count: column + 1 - lastInColumn.count)
        }
        lastInColumn[column] = made
        return made
    }

    /// True when a text's UTF-8 is exactly the bytes.
    private static func holds(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        guard let base = bytes.baseAddress else { return true }
        var text = text
        return text.withUTF8 { memcmp($0.baseAddress!, base, bytes.count) == 0 }
    }
}
