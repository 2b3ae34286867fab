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
    private var scratch = [UInt8](repeating: 0, count: 1024)
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
    public func write<S: Sequence>(_ fields: S) where S.Element == String {
        var first = true
        for field in fields {
            if !first { fputc(Int32(delimiter), stream) }
            first = false
            writeField(field)
        }
        fputc(0x0A, stream)
    }

    private func writeField(_ field: String) {
        var field = formulaGuard ? FormulaGuard.guarding(field) : field
        field.withUTF8 { bytes in
            guard needsQuoting(bytes) else {
                if let base = bytes.baseAddress { fwrite(base, 1, bytes.count, stream) }
                return
            }
            let needed = bytes.count * 2 + 2
            if scratch.count < needed { scratch = [UInt8](repeating: 0, count: needed) }
            let written = scratch.withUnsafeMutableBytes { out in
                csv_write(out.baseAddress, out.count, bytes.baseAddress, bytes.count)
            }
            scratch.withUnsafeBytes { out in _ = fwrite(out.baseAddress, 1, written, stream) }
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
