import CLibCSV
import Core

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Drives libcsv over bytes fed line by line, keeping physical line numbers, decoding the text
/// (UTF-8, or Windows-1252 transcoded to UTF-8) and handing out each row without a per-field allocation.
///
/// Not part of the public API: ``CSVTable`` and ``CSVReader`` wrap it.
final class RowParser {
    let file: String
    /// libcsv's state, at a fixed address: handed to `csv_parse` once per line without an exclusivity check.
    private let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
    /// The encoding in force, or `nil` while only ASCII has been seen (the first non-ASCII field decides).
    private(set) var encoding: TextEncoding?
    /// True once any field was transcoded from Windows-1252.
    private(set) var transcoded = false
    /// False for a parser reading a segment ahead of the rows before it: the first non-ASCII field then stops it
    /// (``failure`` is ``EncodingNotYetKnown``) instead of deciding the file's encoding.
    private let decidesEncoding: Bool

    /// Where libcsv's field callback puts the fields of the row being read.
    private let buffer: RowBuffer
    /// True when each row read stays in ``buffer`` after the row callback; otherwise the buffer is emptied.
    private let keepsRows: Bool
    /// The C side of ``buffer``.
    private var row: UnsafeMutablePointer<svtk_row> { buffer.storage }

    /// The 1-based physical line being fed.
    private(set) var line = 1
    private var rowStartLine = 1
    private var atLineStart = true
    private var lineStartedOutsideRow = true
    private var lineIsBlank = true

    private let onRow: (CSVRow) throws -> Void
    private let onBlankLine: (Int) -> Void
    /// The first error met; once set, further input is ignored.
    private(set) var failure: Error?

    /// A parser whose first byte fed is at the start of `firstLine`, outside any record. With `keepingRowsIn`, rows
    /// stay in that buffer after their callback, one after another.
    init(
        file: String, delimiter: UInt8, encoding: TextEncoding?, firstLine: Int = 1, decidesEncoding: Bool = true,
        keepingRowsIn buffer: RowBuffer? = nil,
        onRow: @escaping (CSVRow) throws -> Void, onBlankLine: @escaping (Int) -> Void = { _ in }
    ) {
        self.file = file
        self.encoding = encoding
        self.decidesEncoding = decidesEncoding
        line = firstLine
        rowStartLine = firstLine
        self.onRow = onRow
        self.onBlankLine = onBlankLine
        self.buffer = buffer ?? RowBuffer()
        keepsRows = buffer != nil
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
        parser.initialize(to: csv_parser())
        csv_init(parser, options)
        csv_set_delim(parser, delimiter)
        if delimiter == UInt8(CSV_TAB) {
            // libcsv trims tabs like spaces by default; with tab as the delimiter only spaces may be trimmed.
            csv_set_space_func(parser) { $0 == UInt8(CSV_SPACE) ? 1 : 0 }
        }
        self.buffer.storage.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        buffer.storage.pointee.owner = nil
        csv_free(parser)
        parser.deallocate()
    }

    var hasFailed: Bool { failure != nil }

    /// True when every byte fed so far ended a record, or a blank line: nothing is pending and nothing failed.
    var isBetweenRecords: Bool { !hasFailed && parser.pointee.pstate == 0 && buffer.fieldCount == 0 }

    /// Feeds a block of bytes; rows complete through the row callback as they end.
    func feed(_ bytes: UnsafeRawBufferPointer) {
        guard var p = bytes.baseAddress, !bytes.isEmpty else { return }
        let end = p + bytes.count
        let context = UnsafeMutableRawPointer(row)
        while p < end, !hasFailed {
            let newline = memchr(p, 0x0A, end - p)
            let pieceEnd = newline.map { UnsafeRawPointer($0) + 1 } ?? end
            if atLineStart {
                rowStartLine = parser.pointee.pstate == 0 ? line : rowStartLine
                lineStartedOutsideRow = parser.pointee.pstate == 0
                lineIsBlank = true
            }
            if lineIsBlank && lineStartedOutsideRow {
                lineIsBlank = Self.isWhitespace(UnsafeRawBufferPointer(start: p, count: pieceEnd - p))
            }
            let length = pieceEnd - p
            row.pointee.line = line
            let parsed = csv_parse(parser, p, length, svtk_row_add_field, RowParser.rowEnded, context)
            if parsed != length, failure == nil {
                fail(
                    line: line, column: buffer.fieldCount + 1,
                    "malformed quoting: a quote inside an unquoted field, or text after a closing quote")
            }
            if newline != nil {
                if lineIsBlank && lineStartedOutsideRow && failure == nil { onBlankLine(line) }
                line += 1
                atLineStart = true
            } else {
                atLineStart = false
            }
            p = pieceEnd
        }
    }

    /// Completes the last row when the input does not end with a line break.
    func finish() {
        guard !hasFailed else { return }
        row.pointee.line = line
        if csv_fini(parser, svtk_row_add_field, RowParser.rowEnded, UnsafeMutableRawPointer(row)) != 0,
            failure == nil
        {
            fail(
                line: rowStartLine, column: buffer.fieldCount + 1,
                "unterminated quoted field: a field opened with \" on this line is never closed")
        }
    }

    private static func isWhitespace(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for b in bytes where b != 0x20 && b != 0x09 && b != 0x0D && b != 0x0A { return false }
        return true
    }

    private func fail(line: Int, column: Int?, _ message: String) {
        failure = ToolkitError(file: file, line: line, column: column, message)
    }

    // MARK: libcsv's row callback (its field callback is svtk_row_add_field, in C)

    private static let rowEnded: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        // Guaranteed, not taken: the parser outlives the call, so no retain and release per row.
        let row = context!.assumingMemoryBound(to: svtk_row.self)
        Unmanaged<RowParser>.fromOpaque(row.pointee.owner)._withUnsafeGuaranteedRef { $0.endRow() }
    }

    /// Checks and decodes the fields from the first that holds a NUL or a byte of 0x80 or above: the fields are
    /// taken out of the row and put back, decoded. False (with ``failure`` set) at a field that cannot be.
    private func decodeUnusualFields() -> Bool {
        let first = row.pointee.first_unusual
        let count = row.pointee.field_count
        let starts = Array(UnsafeBufferPointer(start: row.pointee.starts + first, count: count - first + 1))
        let lines = Array(UnsafeBufferPointer(start: row.pointee.lines + first, count: count - first))
        let tail = Array(
            UnsafeBufferPointer(
                start: row.pointee.bytes + Int(starts[0]), count: Int(starts[count - first] - starts[0])))
        row.pointee.byte_count = Int(starts[0])
        row.pointee.field_count = first
        return tail.withUnsafeBufferPointer { tail in
            for field in 0..<(count - first) {
                let bytes = UnsafeBufferPointer(
                    rebasing: tail[Int(starts[field] - starts[0])..<Int(starts[field + 1] - starts[0] - 1)])
                guard append(bytes, line: lines[field], column: first + field - buffer.firstField + 1) else {
                    return false
                }
            }
            return true
        }
    }

    /// Appends one field's bytes to the row, decoded; `line` is the line the field ended on, for a message about it.
    private func append(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> Bool {
        guard svtk_row_reserve(row, bytes.count * 3) != 0 else {
            fail(line: self.line, column: column, "a row too large to hold in memory (4 GB or more)")
            return false
        }
        if bytes.contains(0) {
            fail(
                line: line, column: column,
                "a NUL byte (0x00) in this field: a binary file, or text "
                    + "in an encoding other than UTF-8, Windows-1252 or UTF-16 with a byte-order mark")
            return false
        }
        if bytes.contains(where: { $0 >= 0x80 }) {
            guard appendNonASCII(bytes, line: line, column: column) else { return false }
        } else {
            write(bytes)
        }
        let row = self.row
        row.pointee.bytes[row.pointee.byte_count] = 0
        row.pointee.byte_count += 1
        row.pointee.field_count += 1
        row.pointee.starts[row.pointee.field_count] = UInt32(row.pointee.byte_count)
        return true
    }

    /// Writes bytes at the end of the row (room for them was reserved).
    private func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        (row.pointee.bytes + row.pointee.byte_count).update(from: base, count: bytes.count)
        row.pointee.byte_count += bytes.count
    }

    /// Appends a field holding non-ASCII bytes, deciding the file's encoding on the first such field.
    private func appendNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> Bool {
        let invalid = UTF8Check.firstInvalidByte(bytes)
        if encoding == nil {
            guard decidesEncoding else {
                failure = EncodingNotYetKnown()
                return false
            }
            encoding = invalid == nil ? .utf8 : .windows1252
        }
        if encoding == .utf8 {
            if let invalid {
                fail(
                    line: line, column: column,
                    "undecodable bytes: byte \(invalid + 1) of this field (\(hex(bytes[invalid]))) is not valid UTF-8, "
                        + "though earlier text was UTF-8; re-save the file as UTF-8")
                return false
            }
            write(bytes)
            return true
        }
        if invalid == nil {
            fail(
                line: line, column: column,
                "mixed encodings: this field is UTF-8, but an earlier line was Windows-1252; re-save the file as UTF-8")
            return false
        }
        for (offset, b) in bytes.enumerated() {
            guard let scalar = Windows1252.scalar(for: b) else {
                fail(
                    line: line, column: column,
                    "undecodable bytes: byte \(offset + 1) of this field (\(hex(b))) is neither UTF-8 nor Windows-1252")
                return false
            }
            if b >= 0x80 { transcoded = true }
            Windows1252.encodeUTF8(scalar) {
                row.pointee.bytes[row.pointee.byte_count] = $0
                row.pointee.byte_count += 1
            }
        }
        return true
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" : "") + digits
    }

    private func endRow() {
        defer { keepsRows ? buffer.keepRow() : buffer.clear() }
        guard !hasFailed else { return }
        if row.pointee.out_of_memory != 0 {
            fail(line: line, column: buffer.fieldCount + 1, "a row too large to hold in memory (4 GB or more)")
            return
        }
        let isASCII = row.pointee.first_unusual < 0
        if !isASCII, !decodeUnusualFields() { return }
        let fields = buffer.currentRow(line: rowStartLine, isASCII: isASCII)
        do {
            try onRow(fields)
        } catch {
            failure = error
        }
    }
}

/// Why a parser reading ahead stopped: it met the first non-ASCII text, which only the rows before it can decode.
struct EncodingNotYetKnown: Error {}
