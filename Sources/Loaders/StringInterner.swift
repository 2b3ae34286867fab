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
/// A column's text is also remembered from one row to the next, with a copy of its bytes: an export sorted by
/// indicator, area and period repeats most of its columns row after row, and a repeat is then told by comparing
/// bytes, without hashing them, making a `String` or reading the one made before.
final class StringInterner {
    private var table: [UInt64: String] = [:]
    /// Each column's text in the last row read, by the header's column numbers; reached through a constant
    /// pointer, so reading a row's columns costs no exclusivity check.
    private let lastInColumn: UnsafeMutableBufferPointer<LastText>

    /// A column's last text and a copy of its bytes.
    private struct LastText {
        var text = ""
        var bytes: UnsafeMutablePointer<UInt8>? = nil
        var count = 0
        var capacity = 0
    }

    /// An interner for a table of `columns` columns.
    init(columns: Int) {
        lastInColumn = .allocate(capacity: max(columns, 1))
        lastInColumn.initialize(repeating: LastText())
    }

    deinit {
        for column in lastInColumn { column.bytes?.deallocate() }
        lastInColumn.deinitialize().deallocate()
    }

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
    /// - Precondition: `column` is below the number of columns the interner was made for.
    /// - Complexity: O(*n*) in the field's bytes.
    func string(_ field: CSVField, column: Int) -> String {
        let last = lastInColumn.baseAddress! + column
        if Self.repeats(field, last) { return last.pointee.text }
        let made = string(field)
        remember(made, field.bytes, in: last)
        return made
    }

    /// Sets `text` to the field's text, unless the column's bytes are the same as in the last row: `text` is then
    /// left as it is, and no `String` is copied or released.
    /// - Precondition: `column` is below the number of columns the interner was made for, and `text` was set by
    ///   this function from the same column in the last row read (or is empty, before the first row).
    /// - Returns: true when the column's bytes differ from the last row's (always, on the first row).
    /// - Complexity: O(*n*) in the field's bytes.
    @discardableResult
    func update(_ text: inout String, to field: CSVField, column: Int) -> Bool {
        let last = lastInColumn.baseAddress! + column
        if Self.repeats(field, last) { return false }
        text = string(field)
        remember(text, field.bytes, in: last)
        return true
    }

    /// Sets `text` as the `String` form of `update(_:to:column:)` does, and to `nil` for an empty field.
    /// - Returns: true when the column's bytes differ from the last row's (always, on the first row).
    @discardableResult
    func update(_ text: inout String?, to field: CSVField, column: Int) -> Bool {
        let last = lastInColumn.baseAddress! + column
        if Self.repeats(field, last) { return false }
        let made = string(field)
        remember(made, field.bytes, in: last)
        text = made.isEmpty ? nil : made
        return true
    }

    /// True when the field's bytes are the column's in the last row (never before the first row).
    private static func repeats(_ field: CSVField, _ last: UnsafeMutablePointer<LastText>) -> Bool {
        let bytes = field.bytes
        guard bytes.count == last.pointee.count, let base = bytes.baseAddress, let kept = last.pointee.bytes else {
            return false
        }
        return memcmp(kept, base, bytes.count) == 0
    }

    /// Keeps a column's text and a copy of its bytes.
    private func remember(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, in last: UnsafeMutablePointer<LastText>)
    {
        if last.pointee.bytes == nil || bytes.count > last.pointee.capacity {
            last.pointee.bytes?.deallocate()
            last.pointee.capacity = max(bytes.count, 32)
            last.pointee.bytes = .allocate(capacity: last.pointee.capacity)
        }
        if let base = bytes.baseAddress { last.pointee.bytes?.update(from: base, count: bytes.count) }
        last.pointee.count = bytes.count
        last.pointee.text = text
    }

    /// True when a text's UTF-8 is exactly the bytes.
    private static func holds(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        guard let base = bytes.baseAddress else { return true }
        var text = text
        return text.withUTF8 { memcmp($0.baseAddress!, base, bytes.count) == 0 }
    }
}
