import CLibCSV

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
    private var parser = csv_parser()
    /// The encoding in force, or `nil` while only ASCII has been seen (the first non-ASCII field decides).
    private(set) var encoding: TextEncoding?
    /// True once any field was transcoded from Windows-1252.
    private(set) var transcoded = false

    // The current row: field bytes, each followed by a NUL, and where each field starts.
    private var storage: UnsafeMutablePointer<UInt8>
    private var storageCapacity = 4096
    private var storageUsed = 0
    private var fieldStarts: UnsafeMutablePointer<Int>
    private var fieldCapacity = 64
    private var fieldCount = 0

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

    init(
        file: String, delimiter: UInt8, encoding: TextEncoding?,
        onRow: @escaping (CSVRow) throws -> Void, onBlankLine: @escaping (Int) -> Void = { _ in }
    ) {
        self.file = file
        self.encoding = encoding
        self.onRow = onRow
        self.onBlankLine = onBlankLine
        storage = .allocate(capacity: storageCapacity)
        fieldStarts = .allocate(capacity: fieldCapacity + 1)
        fieldStarts[0] = 0
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
        csv_init(&parser, options)
        csv_set_delim(&parser, delimiter)
        if delimiter == UInt8(CSV_TAB) {
            // libcsv trims tabs like spaces by default; with tab as the delimiter only spaces may be trimmed.
            csv_set_space_func(&parser) { $0 == UInt8(CSV_SPACE) ? 1 : 0 }
        }
    }

    deinit {
        csv_free(&parser)
        storage.deallocate()
        fieldStarts.deallocate()
    }

    var hasFailed: Bool { failure != nil }

    /// Feeds a block of bytes; rows complete through the row callback as they end.
    func feed(_ bytes: UnsafeRawBufferPointer) {
        guard var p = bytes.baseAddress, !bytes.isEmpty else { return }
        let end = p + bytes.count
        let context = Unmanaged.passUnretained(self).toOpaque()
        while p < end, !hasFailed {
            let newline = memchr(p, 0x0A, end - p)
            let pieceEnd = newline.map { UnsafeRawPointer($0) + 1 } ?? end
            if atLineStart {
                rowStartLine = parser.pstate == 0 ? line : rowStartLine
                lineStartedOutsideRow = parser.pstate == 0
                lineIsBlank = true
            }
            if lineIsBlank && lineStartedOutsideRow {
                lineIsBlank = Self.isWhitespace(UnsafeRawBufferPointer(start: p, count: pieceEnd - p))
            }
            let length = pieceEnd - p
            let parsed = csv_parse(&parser, p, length, RowParser.fieldEnded, RowParser.rowEnded, context)
            if parsed != length, failure == nil {
                fail(
                    line: line, column: fieldCount + 1,
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
        let context = Unmanaged.passUnretained(self).toOpaque()
        if csv_fini(&parser, RowParser.fieldEnded, RowParser.rowEnded, context) != 0, failure == nil {
            fail(
                line: rowStartLine, column: fieldCount + 1,
                "unterminated quoted field: a field opened with \" on this line is never closed")
        }
    }

    private static func isWhitespace(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for b in bytes where b != 0x20 && b != 0x09 && b != 0x0D && b != 0x0A { return false }
        return true
    }

    private func fail(line: Int, column: Int?, _ message: String) {
        failure = InputError(file: file, line: line, column: column, message)
    }

    // MARK: libcsv callbacks

    private static let fieldEnded: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        field, length, context in
        // Guaranteed, not taken: the parser outlives the call, so no retain and release per field.
        Unmanaged<RowParser>.fromOpaque(context!)._withUnsafeGuaranteedRef {
            $0.appendField(field.map { UnsafeRawPointer($0) }, length)
        }
    }

    private static let rowEnded: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        Unmanaged<RowParser>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.endRow() }
    }

    private func appendField(_ field: UnsafeRawPointer?, _ length: Int) {
        guard !hasFailed else { return }
        let bytes = UnsafeBufferPointer(start: field?.assumingMemoryBound(to: UInt8.self), count: length)
        if fieldCount == fieldCapacity { growFields() }
        reserve(length * 3 + 1)
        var hasHighByte = false
        for b in bytes where b >= 0x80 || b == 0 {
            if b == 0 {
                fail(
                    line: line, column: fieldCount + 1,
                    "a NUL byte (0x00) in this field: a binary file, or text "
                        + "in an encoding other than UTF-8, Windows-1252 or UTF-16 with a byte-order mark")
                return
            }
            hasHighByte = true
        }
        if !hasHighByte {
            if length > 0 { (storage + storageUsed).update(from: bytes.baseAddress!, count: length) }
            storageUsed += length
        } else if !appendNonASCII(bytes) {
            return
        }
        storage[storageUsed] = 0
        storageUsed += 1
        fieldCount += 1
        fieldStarts[fieldCount] = storageUsed
    }

    /// Appends a field holding non-ASCII bytes, deciding the file's encoding on the first such field.
    private func appendNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let invalid = UTF8Check.firstInvalidByte(bytes)
        if encoding == nil { encoding = invalid == nil ? .utf8 : .windows1252 }
        if encoding == .utf8 {
            if let invalid {
                fail(
                    line: line, column: fieldCount + 1,
                    "undecodable bytes: byte \(invalid + 1) of this field (\(hex(bytes[invalid]))) is not valid UTF-8, "
                        + "though earlier text was UTF-8; re-save the file as UTF-8")
                return false
            }
            (storage + storageUsed).update(from: bytes.baseAddress!, count: bytes.count)
            storageUsed += bytes.count
            return true
        }
        if invalid == nil {
            fail(
                line: line, column: fieldCount + 1,
                "mixed encodings: this field is UTF-8, but an earlier line was Windows-1252; re-save the file as UTF-8")
            return false
        }
        for (offset, b) in bytes.enumerated() {
            guard let scalar = Windows1252.scalar(for: b) else {
                fail(
                    line: line, column: fieldCount + 1,
                    "undecodable bytes: byte \(offset + 1) of this field (\(hex(b))) is neither UTF-8 nor Windows-1252")
                return false
            }
            if b >= 0x80 { transcoded = true }
            Windows1252.encodeUTF8(scalar) {
                storage[storageUsed] = $0
                storageUsed += 1
            }
        }
        return true
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" : "") + digits
    }

    private func endRow() {
        guard !hasFailed else { return }
        let row = CSVRow(storage: storage, fieldStarts: fieldStarts, count: fieldCount, line: rowStartLine)
        do {
            try onRow(row)
        } catch {
            failure = error
        }
        fieldCount = 0
        storageUsed = 0
    }

    private func reserve(_ extra: Int) {
        guard storageUsed + extra > storageCapacity else { return }
        var capacity = storageCapacity * 2
        while storageUsed + extra > capacity { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: storage, count: storageUsed)
        storage.deallocate()
        storage = grown
        storageCapacity = capacity
    }

    private func growFields() {
        let capacity = fieldCapacity * 2
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity + 1)
        grown.update(from: fieldStarts, count: fieldCount + 1)
        fieldStarts.deallocate()
        fieldStarts = grown
        fieldCapacity = capacity
    }
}
