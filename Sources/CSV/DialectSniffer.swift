import Core

/// Works out a file's delimiter and where its table starts from a sample of its first bytes.
///
/// Each candidate delimiter is tried through libcsv itself; the one that gives the most rows of the same
/// width (more than one field) wins. The header is the first row of that width; rows above it are title lines.
struct DialectSniffer {
    static let sampleBytes = 256 * 1024
    static let sampleRows = 64
    /// The bytes a trial parses before it looks whether it has its rows.
    static let sliceBytes = 16 * 1024

    struct Result {
        var dialect: CSVDialect
        var header: [String]
        var headerLine: Int
        /// Index of the header among the non-blank rows.
        var headerRowIndex: Int
        var titleLines: [String]
    }

    static func sniff(_ blocks: FileBlocks, delimiter forced: Delimiter?) throws -> Result {
        if let packed = try PackedFile.kind(of: blocks) { throw ToolkitError(file: blocks.path, "this is \(packed)") }
        let candidates = forced.map { [$0] } ?? Delimiter.allCases
        var best: (score: (Int, Int), result: Result)?
        for candidate in candidates {
            guard let trial = try trial(blocks, candidate) else { continue }
            if best == nil || trial.score > best!.score { best = trial }
        }
        guard let best else {
            throw ToolkitError(
                file: blocks.path, line: 1, "no table found: the file is empty or has no row with two or more fields")
        }
        return best.result
    }

    /// Parses the sample's first ``sampleRows`` rows with one delimiter; scores them by (rows of the modal width, that
    /// width).
    private static func trial(_ blocks: FileBlocks, _ delimiter: Delimiter) throws -> (
        score: (Int, Int), result: Result
    )? {
        var rows: [(line: Int, fields: [String])] = []
        let parser = RowParser(file: blocks.path, delimiter: delimiter.rawValue, encoding: nil) { row in
            if !row.isBlank { rows.append((row.line, row.strings)) }
        }
        var wholeFile = false
        let read = try blocks.forEach(limit: sampleBytes) { block in
            // Fed a slice at a time, so that a trial parses about as far as its first rows reach, not the whole sample.
            for start in stride(from: 0, to: block.count, by: sliceBytes) {
                parser.feed(UnsafeRawBufferPointer(rebasing: block[start..<min(start + sliceBytes, block.count)]))
                if rows.count >= sampleRows || parser.hasFailed { return false }
            }
            return true
        }
        if read.bytesRead < Int64(sampleBytes), rows.count < sampleRows { wholeFile = true }
        if wholeFile { parser.finish() }
        rows = Array(rows.prefix(sampleRows))
        if rows.isEmpty && !wholeFile && !parser.hasFailed {
            throw ToolkitError(
                file: blocks.path, line: 1,
                "the first line is longer than \(sampleBytes / 1024) KB: "
                    + "no table's header is that wide (is this a data file, with line breaks?)")
        }
        var counts: [Int: Int] = [:]
        for row in rows where row.fields.count > 1 { counts[row.fields.count, default: 0] += 1 }
        // The header: the first row of the modal width naming two columns or more; a title above it that Excel
        // padded to the table's width ("TS045 Car or van availability,,,,") names one.
        guard let (width, count) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }),
            let headerIndex = rows.firstIndex(where: {
                $0.fields.count == width && $0.fields.lazy.filter { !$0.trimmingSpaces.isEmpty }.count > 1
            }) ?? rows.firstIndex(where: { $0.fields.count == width })
        else { return nil }
        let encoding: TextEncoding? = read.sawByteOrderMark ? .utf8 : parser.encoding
        let header = rows[headerIndex].fields.map { $0.trimmingSpaces }
        let result = Result(
            dialect: CSVDialect(
                delimiter: delimiter.rawValue, encoding: encoding, hasByteOrderMark: read.sawByteOrderMark),
            header: header, headerLine: rows[headerIndex].line, headerRowIndex: headerIndex,
            titleLines: rows[..<headerIndex].map { $0.fields.filter { !$0.isEmpty }.joined(separator: " ") })
        return ((count, width), result)
    }
}
