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
    /// The row being written.
    private var line: [UInt8] = []
    private let delimiter: UInt8
    private let formulaGuard: Bool

    /// A writer to standard output (check it with ``StandardOutput/finish()`` before exiting).
    public static func standardOutput(delimiter: Delimiter = .comma, formulaGuard: Bool = true) -> CSVWriter {
        CSVWriter(stream: svtk_standard_output(), delimiter: delimiter, formulaGuard: formulaGuard)
    }

    /// Rows written to memory, as bytes (a download): with a UTF-8 byte-order mark first when asked, for Excel.
    public static func bytes(
        byteOrderMark: Bool = false, delimiter: Delimiter = .comma,
        _ rows: (CSVWriter) -> Void
    ) -> [UInt8] {
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else { return [] }
        if byteOrderMark { fputs("\u{FEFF}", stream) }
        rows(CSVWriter(stream: stream, delimiter: delimiter))
        fclose(stream)
        defer { free(buffer) }
        return buffer.map { Array(UnsafeRawBufferPointer(start: $0, count: size).bindMemory(to: UInt8.self)) } ?? []
    }

    /// A writer to an open stream, which the caller flushes and closes.
    public init(stream: UnsafeMutablePointer<FILE>, delimiter: Delimiter = .comma, formulaGuard: Bool = true) {
        self.stream = stream
        self.delimiter = delimiter.rawValue
        self.formulaGuard = formulaGuard
    }

    /// Writes one row, ended by a line feed.
    public func write<S: Sequence>(_ fields: S) where S.Element == String { write(Array(fields)) }

    /// Writes one row, ended by a line feed: the row is put together in a reused buffer and handed to the
    /// stream at once.
    ///
    /// - Complexity: O(*n*) in the row's bytes, without allocating once the buffer has grown to the longest row.
    public func write(_ fields: [String]) {
        var line: [UInt8] = []
        swap(&line, &self.line)  // worked on as a local, without an exclusivity check per byte appended
        line.removeAll(keepingCapacity: true)
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(delimiter) }
            append(field, to: &line)
        }
        line.append(0x0A)
        line.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, stream) }
        swap(&line, &self.line)
    }

    /// Appends a field to a row, guarded and quoted where it needs to be.
    private func append(_ field: String, to line: inout [UInt8]) {
        var field = formulaGuard ? FormulaGuard.guarding(field) : field
        field.withUTF8 { bytes in
            guard needsQuoting(bytes) else { return line.append(contentsOf: bytes) }
            var quoted = [UInt8](repeating: 0, count: bytes.count * 2 + 2)
            let written = quoted.withUnsafeMutableBytes { out in
                csv_write(out.baseAddress, out.count, bytes.baseAddress, bytes.count)
            }
            line.append(contentsOf: quoted[..<written])
        }
    }

    private func needsQuoting(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let firstByte = bytes.first, let lastByte = bytes.last else { return false }
        if firstByte == 0x20 || lastByte == 0x20 { return true }
        for b in bytes where b == delimiter || b == 0x22 || b == 0x0A || b == 0x0D { return true }
        return false
    }

    /// Writes text as it is, unquoted (for other formats sharing the stream, such as JSON).
    public func writeRaw(_ text: String) { fputs(text, stream) }

    /// Flushes buffered output.
    public func flush() { fflush(stream) }
}
