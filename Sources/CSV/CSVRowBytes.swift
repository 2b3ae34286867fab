import CLibCSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Rows of delimited text being put together field by field, as ``CSVWriter`` writes them: text fields guarded
/// against running as formulas and quoted where they need to be, other bytes (fields encoded before, numbers) as
/// they are.
///
/// The bytes live in a buffer the writer owns and reuses, so appending costs a capacity check and a copy: no
/// copy-on-write check or reference count per field.
public struct CSVRowBytes {
    @usableFromInline var start: UnsafeMutablePointer<UInt8>
    /// The number of bytes put together so far.
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int
    @usableFromInline let delimiter: UInt8
    let formulaGuard: Bool
    /// Whether the figures appended lately had a short decimal (``ShortestDecimal``).
    var shortFigures = ShortFigures()

    /// Rows put together apart from any writer (on another thread, say), in a buffer of `capacity` bytes to start
    /// with, to be handed to a writer with ``CSVWriter/write(_:)``, which frees them.
    public init(capacity: Int = 1 << 16, delimiter: Delimiter = .comma, formulaGuard: Bool = true) {
        self.init(capacity: capacity, delimiter: delimiter.rawValue, formulaGuard: formulaGuard)
    }

    /// An empty buffer of `capacity` bytes, which grows as needed; the owner frees it with ``free()``.
    init(capacity: Int, delimiter: UInt8, formulaGuard: Bool) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
        self.delimiter = delimiter
        self.formulaGuard = formulaGuard
    }

    /// The bytes so far.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    /// The bytes `build` puts together (comma-delimited, text guarded), as an array: cells to copy into many rows.
    public static func array(_ build: (inout CSVRowBytes) -> Void) -> [UInt8] {
        var rows = CSVRowBytes(capacity: 256, delimiter: Delimiter.comma.rawValue, formulaGuard: true)
        defer { rows.free() }
        build(&rows)
        return Array(rows.bytes)
    }

    /// Forgets the bytes, keeping the buffer.
    mutating func removeAll() { count = 0 }

    /// Frees the buffer; the bytes must not be used again.
    func free() { start.deallocate() }

    /// Makes room for `more` bytes after the ones so far.
    @inlinable
    mutating func reserve(_ more: Int) { if count &+ more > capacity { grow(toHold: count + more) } }

    @usableFromInline
    mutating func grow(toHold total: Int) {
        var larger = capacity * 2
        while larger < total { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: start, count: count)
        start.deallocate()
        (start, capacity) = (moved, larger)
    }

    /// Appends the delimiter, between two fields.
    @inlinable
    public mutating func separate() { append(byte: delimiter) }

    /// Ends a row with a line feed (``CSVWriter/writeRows(_:)``; ``CSVWriter/writeRow(_:)`` ends its own).
    @inlinable
    public mutating func endRow() { append(byte: 0x0A) }

    /// Appends one byte.
    @inlinable
    public mutating func append(byte: UInt8) {
        reserve(1)
        start[count] = byte
        count &+= 1
    }

    /// Appends bytes as they are: fields encoded before (``CSVWriter/encoded(_:)``) or a number's digits.
    @inlinable
    public mutating func append(_ other: UnsafeBufferPointer<UInt8>) {
        reserve(other.count)
        if let from = other.baseAddress { Self.copy(other.count, from: from, to: start + count) }
        count &+= other.count
    }

    /// Copies `count` bytes between places that do not overlap. A row's cells are mostly tens of bytes, for which a
    /// call to `memmove` costs more than the copy: those are copied here in 16-byte words, the last word overlapping
    /// the one before it (each within the bytes, so none outside them is read or written), and longer runs by
    /// `memmove`.
    /// - Complexity: O(*n*) in `count`.
    @inlinable @inline(__always)
    static func copy(_ count: Int, from: UnsafePointer<UInt8>, to: UnsafeMutablePointer<UInt8>) {
        let (source, target) = (UnsafeRawPointer(from), UnsafeMutableRawPointer(to))
        if count >= 16 {
            guard count <= 256 else { return target.copyMemory(from: source, byteCount: count) }
            var at = 0
            while at &+ 16 < count {
                copyWord(SIMD16<UInt8>.self, at: at, from: source, to: target)
                at &+= 16
            }
            copyWord(SIMD16<UInt8>.self, at: count &- 16, from: source, to: target)
        } else if count >= 8 {
            copyWord(UInt64.self, at: 0, from: source, to: target)
            copyWord(UInt64.self, at: count &- 8, from: source, to: target)
        } else if count >= 4 {
            copyWord(UInt32.self, at: 0, from: source, to: target)
            copyWord(UInt32.self, at: count &- 4, from: source, to: target)
        } else {
            for at in 0..<count { to[at] = from[at] }
        }
    }

    /// Copies one word at byte offset `at`, unaligned.
    @inlinable @inline(__always)
    static func copyWord<Word: BitwiseCopyable>(
        _: Word.Type, at: Int, from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer
    ) {
        target.storeBytes(of: source.loadUnaligned(fromByteOffset: at, as: Word.self), toByteOffset: at, as: Word.self)
    }

    /// Appends bytes as they are: fields encoded before (``CSVWriter/encoded(_:)``).
    @inlinable
    public mutating func append(_ other: [UInt8]) { other.withUnsafeBufferPointer { append($0) } }

    /// Appends the bytes of text written in the code (delimiters, empty fields), as they are.
    @inlinable
    public mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The number of bytes put together so far: where the next appended byte goes.
    public var position: Int { count }

    /// Appends again bytes put together before, at `range` (``position`` before and after they were appended).
    /// - Precondition: `range` lies within the bytes so far.
    public mutating func appendAgain(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "bytes not yet put together")
        reserve(range.count)
        Self.copy(range.count, from: start + range.lowerBound, to: start + count)
        count += range.count
    }

    /// Appends a field's text, guarded and quoted where it needs to be.
    /// - Complexity: O(*n*) in the field's bytes.
    public mutating func field(_ text: String) {
        var text = formulaGuard ? FormulaGuard.guarding(text) : text
        text.withUTF8 { field in
            guard needsQuoting(field) else { return append(field) }
            reserve(field.count * 2 + 2)
            count += csv_write(start + count, capacity - count, field.baseAddress, field.count)
        }
    }

    private func needsQuoting(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let firstByte = field.first, let lastByte = field.last else { return false }
        if firstByte == 0x20 || lastByte == 0x20 { return true }
        for b in field where b == delimiter || b == 0x22 || b == 0x0A || b == 0x0D { return true }
        return false
    }
}
