import CSV
import Core
import Evidence
import Foundation

/// The toolkit's own normalised observations as `svtk load --format json` writes them (and as pandas'
/// `to_json(orient="records")` writes the CSV form back): a JSON array of objects, one per figure, whose members
/// are ``NormalisedLoader/columns``. Reading it gives the same evidence as reading the CSV form.
///
/// JSON has no rows to stream, so the file is read whole, up to ``limit`` bytes; the CSV form streams. Every
/// member must be one of the columns: an unknown member would otherwise be dropped unseen.
public enum NormalisedJSONLoader {
    /// The format's name as a user would say it.
    public static let format = "svtk observations (svtk load --format json)"
    /// The largest file read, in bytes.
    public static let limit = 1 << 30

    /// True when the file's first character other than a byte-order mark or white space opens a JSON array (no
    /// delimited table starts with `[`). A pipe, a FIFO or `-` is copied once to be looked into, and read again from
    /// the copy.
    public static func matches(_ path: String) -> Bool {
        guard let start = try? WholeFile.start(of: path, count: 4096) else { return false }
        return start.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "[")
    }

    /// Reads every observation of the file into the sink.
    /// - Throws: `ToolkitError` at the line and column where the text stops being JSON, or at the line of the
    ///   observation whose member cannot be read, naming the member (`field "value"`); what `sink` throws, at the
    ///   observation's line when it names this file.
    public static func load(_ path: String, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        let bytes = Data(try WholeFile.bytes(at: path, limit: limit))
        let rows = try decodedRows(bytes, file: path)
        var summary = CSVReadSummary()
        summary.bytes = Int64(bytes.count)
        summary.rows = rows.count
        var declarations = IndicatorDeclarations()
        var seenAreas: Set<String> = []
        var outside = 0
        do {
            for (index, row) in rows.enumerated() {
                guard options.areas?.keeps(row.areaCode) ?? true else {
                    outside += 1
                    continue
                }
                let read = RowReader(row: row, index: index, file: path)
                if declarations.changes(
                    row.indicatorID, name: row.indicatorName, unit: row.unit, polarity: row.polarity)
                {
                    sink.add(try read.indicator())
                }
                if seenAreas.insert(row.areaCode).inserted { sink.add(try read.area()) }
                do {
                    try sink.add(try read.observation())
                } catch let error as ToolkitError {
                    throw error.located(atLine: line(of: index, in: bytes), of: path)
                }
            }
        } catch let error as RowReader.Problem {
            throw ToolkitError(file: path, line: line(of: error.index, in: bytes), field: error.member, error.message)
        }
        return LoadOutcome(csv: summary, outside: outside)
    }

    /// The objects of the array.
    /// - Throws: `ToolkitError` at the line and column of a syntax error or of a member given twice in one
    ///   observation, or at the line of the observation and the member that cannot be read.
    static func decodedRows(_ bytes: Data, file: String) throws -> [Row] {
        let rows: [Row]
        do {
            rows = try JSONDecoder().decode([Row].self, from: bytes)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                _ = try JSONText.parse(bytes, file: file)  // throws at the line and column
            }
            throw located(error, file: file, bytes: bytes)
        }
        if let (member, offset) = FieldScanner.repeatedField(in: Array(bytes)) {
            let (line, column) = JSONText.position(of: offset, in: bytes)
            var error = ToolkitError(
                file: file, line: line, column: column, "given twice in one observation; give each member once")
            error.field = member
            throw error
        }
        return rows
    }

    /// A decoding error at the line of the observation it is about, naming the member and what it must be.
    static func located(_ error: DecodingError, file: String, bytes: Data) -> ToolkitError {
        let context: DecodingError.Context
        var expected = "an array of observations, each an object whose members are the columns"
        switch error {
        case .typeMismatch(let type, let c), .valueNotFound(let type, let c):
            context = c
            if c.codingPath.count > 1 { expected = type == Double.self ? "a number or null" : "text, a number or null" }
            if c.codingPath.count == 1 { expected = "an object whose members are the columns" }
            expected = "must be " + expected
        case .dataCorrupted(let c), .keyNotFound(_, let c):
            context = c
            expected = c.debugDescription
        @unknown default:
            return ToolkitError(file: file, "\(error)")
        }
        guard let index = context.codingPath.first?.intValue else { return ToolkitError(file: file, expected) }
        let line = line(of: index, in: bytes)
        guard let member = context.codingPath.dropFirst().first?.stringValue else {
            return ToolkitError(file: file, line: line, "observation \(index + 1): \(expected)")
        }
        return ToolkitError(file: file, line: line, field: member, expected)
    }

    /// The line on which the array's element at `index` starts (1-based), or `nil` past the last.
    ///
    /// - Complexity: O(*n*) in the file's bytes; only run to locate an error.
    static func line(of index: Int, in bytes: Data) -> Int? {
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        var element = -1
        var expectingValue = false
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
                continue
            }
            if depth == 1, expectingValue, ![0x20, 0x09, 0x0A, 0x0D, 0x2C, 0x5D].contains(byte) {
                element += 1
                expectingValue = false
                if element == index { return line }
            }
            switch byte {
            case 0x22: inString = true
            case 0x5B, 0x7B:
                depth += 1
                if depth == 1 { expectingValue = true }
            case 0x5D, 0x7D: depth -= 1
            case 0x2C where depth == 1: expectingValue = true
            default: break
            }
        }
        return nil
    }
}
