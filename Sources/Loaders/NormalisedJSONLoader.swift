import CSV
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

    /// True when the file is a regular file whose first character other than a byte-order mark or white space
    /// opens a JSON array (no delimited table starts with `[`). A pipe is never looked into, as what is read from
    /// it is gone.
    public static func matches(_ path: String) -> Bool {
        let regular = try? URL(fileURLWithPath: path).resourceValues(forKeys: [.isRegularFileKey]).isRegularFile
        guard regular == true, let handle = FileHandle(forReadingAtPath: path)
        else { return false }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 4096)) ?? Data()
        let text = start.starts(with: [0xEF, 0xBB, 0xBF]) ? start.dropFirst(3) : start[...]
        return text.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "[")
    }

    /// Reads every observation of the file into the sink.
    /// - Throws: `ToolkitError` at the line and column where the text stops being JSON, or naming the object
    ///   (`field "[4].value"`) whose member cannot be read.
    public static func load(_ path: String, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome {
        let bytes = Data(try WholeFile.bytes(at: path, limit: limit))
        let rows = try decodedRows(bytes, file: path)
        var summary = CSVReadSummary()
        summary.bytes = Int64(bytes.count)
        summary.rows = rows.count
        var seenIndicators: Set<String> = []
        var seenAreas: Set<String> = []
        var outside = 0
        for (index, row) in rows.enumerated() {
            guard options.areas?.keeps(row.areaCode) ?? true else {
                outside += 1
                continue
            }
            let read = RowReader(row: row, index: index, file: path)
            if seenIndicators.insert(row.indicatorID).inserted { sink.add(try read.indicator()) }
            if seenAreas.insert(row.areaCode).inserted { sink.add(try read.area()) }
            try sink.add(try read.observation())
        }
        return LoadOutcome(csv: summary, outside: outside)
    }

    /// The objects of the array.
    /// - Throws: `ToolkitError` at the line and column of a syntax error, or naming the object and member.
    static func decodedRows(_ bytes: Data, file: String) throws -> [Row] {
        do {
            return try JSONDecoder().decode([Row].self, from: bytes)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                _ = try JSONText.parse(bytes, file: file)  // throws at the line and column
            }
            throw located(error, file: file)
        }
    }

    /// A decoding error as the object and member it is about, with what was expected.
    static func located(_ error: DecodingError, file: String) -> ToolkitError {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ToolkitError(file: file, field: path(context.codingPath + [key]), "missing; give it (may be null)")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let expected = type == Double.self ? "a number or null" : "text or null"
            return ToolkitError(file: file, field: path(context.codingPath), "must be \(expected)")
        case .dataCorrupted(let context):
            return ToolkitError(file: file, field: path(context.codingPath), context.debugDescription)
        @unknown default:
            return ToolkitError(file: file, "\(error)")
        }
    }
}
