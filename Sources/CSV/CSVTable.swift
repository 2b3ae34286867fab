import Core

/// A delimited-text table in a file, read strictly and streamed row by row.
///
/// Opening a table sniffs the delimiter (comma, tab or semicolon, unless one is given), the encoding
/// (UTF-8 with or without a byte-order mark, or Windows-1252 or UTF-16 from Excel, converted to UTF-8) and where
/// the table starts: title lines above the header, as ONS and Nomis files have, are skipped and reported.
/// ``forEachRow(progress:_:)`` then streams the data rows in blocks through libcsv.
///
/// Strict: a row whose width differs from the header's, an unterminated quote, malformed quoting or
/// undecodable bytes stop the read with a ``ToolkitError`` naming the file, line and column. Blank lines
/// are skipped and counted; footnote lines after the table (one field each) are kept in the summary.
///
/// ```swift
/// let table = try CSVTable(path: "census2021-ts045-lsoa.csv")
/// let summary = try table.forEachRow { row in
///     let code = row[2].string
///     // ...
/// }
/// ```
public final class CSVTable {
    /// The path as given.
    public let path: String
    /// The delimiter and encoding found (the encoding may be settled only once the rows are read).
    public let dialect: CSVDialect
    /// The header's field names, trimmed. Empty names at the end (Excel's trailing delimiter) are left out;
    /// their cells must be empty.
    public let header: [String]
    /// The 1-based line of the header.
    public let headerLine: Int
    /// The title lines above the header, each as its non-empty fields joined by spaces.
    public let titleLines: [String]
    /// The file's size in bytes.
    let byteCount: Int64
    /// How many threads read the rows: by default helpers tokenize a large file's segments ahead of the caller.
    public var threads = ReadingThreads.automatic
    /// The segments whose rows the last read took from helper threads (0 when it read them all itself).
    private(set) var segmentsFromHelpers = 0

    private let blocks: FileBlocks
    /// The position of the header among the rows that are not blank.
    let headerRowIndex: Int
    /// The number of fields in each row, unnamed trailing columns included.
    let width: Int

    /// Opens a table, sniffing its layout from its first 64 rows (within its first 256 KB).
    /// - Parameter delimiter: the delimiter to use instead of sniffing one.
    /// - Throws: `ToolkitError` naming the file when it cannot be opened or read, or holds no row of two or more
    ///   fields.
    public init(path: String, delimiter: Delimiter? = nil) throws {
        self.path = path
        blocks = try FileBlocks(path: path)
        byteCount = blocks.size
        let sniffed = try DialectSniffer.sniff(blocks, delimiter: delimiter)
        dialect = sniffed.dialect
        width = sniffed.header.count
        header = Array(sniffed.header[..<((sniffed.header.lastIndex { !$0.isEmpty } ?? -1) + 1)])
        headerLine = sniffed.headerLine
        headerRowIndex = sniffed.headerRowIndex
        titleLines = sniffed.titleLines
    }

    /// Streams every data row to `body`, in order, and returns what the read found.
    ///
    /// The row is valid only inside `body`. An error thrown by `body` ends the read and is rethrown.
    /// - Parameter progress: called after each block with the bytes read so far and the file's size.
    /// - Throws: what `body` throws; `ToolkitError` at the file, line and column of a ragged row, bad quoting or bytes.
    @discardableResult
    public func forEachRow(
        progress: ((Int64, Int64) -> Void)? = nil,
        _ body: (CSVRow) throws -> Void
    ) throws -> CSVReadSummary {
        let rows = TableRows(self)
        try withoutActuallyEscaping(body) { body in
            let onRow: (CSVRow) throws -> Void = { try rows.take($0, body) }
            let onBlankLine: (Int) -> Void = { _ in rows.blankLine() }
            let decoded =
                threads.splits(byteCount)
                ? try readInSegments(onRow: onRow, onBlankLine: onBlankLine, progress: progress)
                : try readInOrder(from: 0, firstLine: 1, onRow: onRow, onBlankLine: onBlankLine, progress: progress)
            rows.summary.encoding = blocks.convertedFrom ?? decoded.encoding ?? .utf8
            rows.summary.transcodedFromWindows1252 = decoded.transcoded
        }
        rows.summary.bytes = byteCount
        return rows.summary
    }
}

extension CSVTable {
    /// What the parser made of the text: the encoding it settled on (if any) and whether it transcoded any.
    private typealias Decoding = (encoding: TextEncoding?, transcoded: Bool)

    /// Parses the file on this thread from `offset`, the start of a record on line `firstLine`, to its end.
    /// - Throws: the first error of the parse or of `onRow`.
    private func readInOrder(
        from offset: Int64, firstLine: Int, onRow: @escaping (CSVRow) throws -> Void,
        onBlankLine: @escaping (Int) -> Void, progress: ((Int64, Int64) -> Void)?
    ) throws -> Decoding {
        let parser = RowParser(
            file: path, delimiter: dialect.delimiter, encoding: dialect.encoding, firstLine: firstLine,
            onRow: onRow, onBlankLine: onBlankLine)
        var bytesRead = offset
        try blocks.forEach(from: offset) { block in
            parser.feed(block)
            bytesRead += Int64(block.count)
            progress?(bytesRead, byteCount)
            return !parser.hasFailed
        }
        parser.finish()
        if let failure = parser.failure { throw failure }
        return (parser.encoding, parser.transcoded)
    }

    /// Hands on the rows of segments that helper threads tokenize ahead, in order; from the first segment they
    /// cannot settle, parses the rest of the file on this thread (``readInOrder``), so rows, line numbers and
    /// errors are those of a read in order.
    /// - Throws: the first error of the parse or of `onRow`.
    private func readInSegments(
        onRow: @escaping (CSVRow) throws -> Void, onBlankLine: @escaping (Int) -> Void,
        progress: ((Int64, Int64) -> Void)?
    ) throws -> Decoding {
        try blocks.withDescriptor { fd in
            let read = SegmentedRead(
                blocks: blocks, descriptor: fd, delimiter: dialect.delimiter, encoding: dialect.encoding,
                threads: threads)
            var started = 0
            var taken = 0
            defer { read.stop(waitingFor: taken..<started) }
            let startNext = {
                guard started < read.segmentCount else { return }
                read.start(started)
                started += 1
            }
            for _ in 0..<threads.segmentsAhead { startNext() }
            var line = 1
            var transcoded = false
            segmentsFromHelpers = 0
            while taken < read.segmentCount {
                let segment = read.take(taken)
                taken += 1
                guard let segment, segment.isSettled else {
                    let start = try read.recordStart(atOrAfter: read.nominalStart(taken - 1)) ?? byteCount
                    let rest = try readInOrder(
                        from: start, firstLine: line, onRow: onRow, onBlankLine: onBlankLine, progress: progress)
                    return (rest.encoding, transcoded || rest.transcoded)
                }
                try segment.rows.replay(lineOffset: line - 1, onRow: onRow, onBlankLine: onBlankLine)
                read.recycle(segment)
                segmentsFromHelpers += 1
                line += segment.lineBreaks
                transcoded = transcoded || segment.transcoded
                progress?(min(read.nominalStart(taken), byteCount), byteCount)
                startNext()
            }
            return (dialect.encoding, transcoded)
        }
    }

    /// True when a row's one field reads as a note (`Source: ONS`, `Figures are rounded`): it starts with a
    /// letter and has a space or a colon. A lone code or number (`E01007657`, `91141`) is a row cut short.
    static func readsAsNote(_ row: CSVRow) -> Bool {
        guard let text = row.strings.first(where: { !$0.isEmpty }), let first = text.unicodeScalars.first else {
            return false
        }
        return first.properties.isAlphabetic && (text.contains(" ") || text.contains(":"))
    }
}

/// What a full read of a table found.
public struct CSVReadSummary: Sendable, Equatable {
    /// Data rows read (after the header, excluding blank lines and footnotes).
    public var rows = 0
    /// Title lines skipped above the header.
    public var titleLines: [String] = []
    /// Footnote lines found after the table.
    public var footnotes: [String] = []
    /// Blank lines (or rows of bare delimiters) skipped.
    public var blankLines = 0
    /// The encoding the file was read in.
    public var encoding: TextEncoding = .utf8
    /// True when the file was Windows-1252 and was transcoded to UTF-8.
    public var transcodedFromWindows1252 = false
    /// The file's size in bytes.
    public var bytes: Int64 = 0

    /// A summary of a read not yet made, with the title lines found above the header.
    public init(titleLines: [String] = []) { self.titleLines = titleLines }

    /// Human-readable notes about what the read skipped or converted.
    public var notes: [String] {
        var notes: [String] = []
        if !titleLines.isEmpty { notes.append("skipped \(titleLines.count) title line(s) above the header") }
        if !footnotes.isEmpty { notes.append("kept \(footnotes.count) footnote line(s) after the table") }
        if blankLines > 0 { notes.append("skipped \(blankLines) blank line(s)") }
        if transcodedFromWindows1252 { notes.append("read as Windows-1252 (an Excel export) and converted to UTF-8") }
        if encoding == .utf16LittleEndian || encoding == .utf16BigEndian {
            notes.append("read as \(encoding.rawValue) (Excel's Unicode text) and converted to UTF-8")
        }
        return notes
    }
}
