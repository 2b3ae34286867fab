import CLibCSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes rows of delimited text, quoting fields through libcsv's `csv_write` where they need it.
///
/// Output is buffered and flushed in blocks, so writing millions of rows keeps memory flat.
///
/// With the formula guard on (the default), a cell that a spreadsheet would run as a formula (one starting
/// `=`, `+`, `@`, a tab or a carriage return, or `-` when it is not a negative number) is written with a
/// leading `'`, the OWASP rule against CSV injection; numbers such as `-0.3` are written as they are.
public final class CSVWriter {
    private let stream: UnsafeMutablePointer<FILE>
    /// Rows put together and not yet handed to the stream.
    private var pending: CSVRowBytes
    /// How many bytes of rows are handed to the stream at once.
    private static let block = 1 << 20

    /// A writer to standard output (check it with ``StandardOutput/finish()`` before exiting).
    public static func standardOutput(delimiter: Delimiter = .comma, formulaGuard: Bool = true) -> CSVWriter {
        CSVWriter(stream: svtk_standard_output(), delimiter: delimiter, formulaGuard: formulaGuard)
    }

    /// Rows written to memory, as bytes (a download): with a UTF-8 byte-order mark first when asked, for Excel, and
    /// the formula guard unless a file only the toolkit reads back asks it off.
    public static func bytes(
        byteOrderMark: Bool = false, delimiter: Delimiter = .comma, formulaGuard: Bool = true,
        _ rows: (CSVWriter) -> Void
    ) -> [UInt8] {
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else { return [] }
        if byteOrderMark { fputs("\u{FEFF}", stream) }
        let writer = CSVWriter(stream: stream, delimiter: delimiter, formulaGuard: formulaGuard)
        rows(writer)
        writer.flush()
        fclose(stream)
        defer { free(buffer) }
        return buffer.map { Array(UnsafeRawBufferPointer(start: $0, count: size).bindMemory(to: UInt8.self)) } ?? []
    }

    /// A writer to an open stream, which the caller flushes and closes.
    public init(stream: UnsafeMutablePointer<FILE>, delimiter: Delimiter = .comma, formulaGuard: Bool = true) {
        self.stream = stream
        pending = CSVRowBytes(capacity: 1 << 16, delimiter: delimiter.rawValue, formulaGuard: formulaGuard)
    }

    deinit {
        handOver()
        pending.free()
    }

    /// Writes one row, ended by a line feed.
    public func write<S: Sequence>(_ fields: S) where S.Element == String { write(Array(fields)) }

    /// Writes one row, ended by a line feed: the row is put together in a reused buffer and handed to the
    /// stream at once.
    ///
    /// - Complexity: O(*n*) in the row's bytes, without allocating once the buffer has grown to the longest row.
    public func write(_ fields: [String]) {
        writeRow { row in
            for (index, field) in fields.enumerated() {
                if index > 0 { row.separate() }
                row.field(field)
            }
        }
    }

    /// Writes one row put together by `build`, ended by a line feed: for a writer that keeps the bytes of fields it
    /// writes again and again (``encoded(_:)``) and appends numbers without a `String`.
    ///
    /// - Complexity: O(*n*) in the row's bytes, without allocating once the buffer has grown to the longest row.
    public func writeRow(_ build: (inout CSVRowBytes) -> Void) {
        build(&pending)
        pending.endRow()
        handOver()
    }

    /// Writes the rows `build` puts together, each ended by ``CSVRowBytes/endRow()``. Rows are handed to the stream
    /// a megabyte at a time, so call ``flush()`` before anything else writes to the stream.
    ///
    /// - Complexity: O(*n*) in the rows' bytes, without allocating once the buffer has grown to the longest rows.
    public func writeRows(_ build: (inout CSVRowBytes) -> Void) {
        build(&pending)
        if pending.count >= Self.block { handOver() }
    }

    /// Writes rows put together apart from the writer (``CSVRowBytes/init(capacity:delimiter:formulaGuard:)``),
    /// after any rows before them, and frees them.
    public func write(_ rows: CSVRowBytes) {
        handOver()
        _ = fwrite(rows.bytes.baseAddress, 1, rows.count, stream)
        rows.free()
    }

    /// The bytes of fields as a row holds them: each guarded and quoted where it needs to be, separated by the
    /// delimiter, with no line end (to be appended to rows with ``CSVRowBytes/append(_:)-([UInt8])``).
    public func encoded(_ fields: [String]) -> [UInt8] {
        var row = CSVRowBytes(capacity: 256, delimiter: pending.delimiter, formulaGuard: pending.formulaGuard)
        defer { row.free() }
        for (index, field) in fields.enumerated() {
            if index > 0 { row.separate() }
            row.field(field)
        }
        return Array(row.bytes)
    }

    /// Writes text as it is, unquoted (for other formats sharing the stream, such as JSON).
    public func writeRaw(_ text: String) {
        handOver()
        fputs(text, stream)
    }

    /// Flushes buffered output.
    public func flush() {
        handOver()
        fflush(stream)
    }

    /// Hands the rows put together so far to the stream.
    private func handOver() {
        guard pending.count > 0 else { return }
        _ = fwrite(pending.bytes.baseAddress, 1, pending.count, stream)
        pending.removeAll()
    }
}
