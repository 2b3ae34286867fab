import CSV
import Core
import Evidence
import Foundation

/// Detects a file's format from its header and loads it with the loader that fits.
public enum FileLoader {
    /// Every loader, most specific first.
    public static let loaders: [any Loader.Type] = [
        FingertipsExportLoader.self,
        FingertipsDataCreatorLoader.self,
        FingertipsMetadataLoader.self,
        CensusWideLoader.self,
        CensusLongLoader.self,
        DeprivationLSOALoader.self,
        DeprivationSummaryLoader.self,
        LocalStatisticsLoader.self,
        GeographyLookupLoader.self,
        WardProfileLoader.self,
        NormalisedLoader.self,
    ]

    /// The result of loading one file.
    public struct Result: Sendable {
        /// The file as given.
        public var file: String
        /// The format it was read as.
        public var format: String
        /// What the loader reported: the CSV summary, warnings and rows outside the chosen authority.
        public var outcome: LoadOutcome
    }

    /// The loader whose format a header is, or an error listing what each loader expects.
    /// - Throws: `ToolkitError` also when two columns have the same name, as no loader could tell which is meant.
    public static func detect(_ table: CSVTable) throws -> any Loader.Type {
        try checkColumnNames(table)
        if let loader = loaders.first(where: { $0.matches(table.header) }) {
            if ObjectIdentifier(loader) == ObjectIdentifier(WardProfileLoader.self) { try checkNearMisses(table) }
            return loader
        }
        let found =
            table.header.prefix(8).map { ToolkitError.quoted($0, limit: 40) }.joined(separator: ", ")
            + (table.header.count > 8 ? ", … (\(table.header.count) columns)" : "")
        var message =
            "no loader fits this file. Its header (line \(table.headerLine)) is: \(found)\nEach loader expects:"
        for loader in loaders { message += "\n  - \(loader.format): \(loader.expects)" }
        if EqualityActionPlanLoader.matches(table.header) {
            message = "this is an Equality Analysis action plan: give it as the action plan, not as data"
        }
        throw ToolkitError(file: table.path, line: table.headerLine, message)
    }

    /// The formats recognised by a set of named columns, each with those columns: a header with most of one's
    /// columns but not all is that format misspelt, not a ward profile table.
    static let namedColumns: [(format: String, keys: [String])] = [
        (FingertipsExportLoader.format, FingertipsExportLoader.keys),
        (LocalStatisticsLoader.format, LocalStatisticsLoader.keys),
    ]

    /// Refuses a header taken for the general ward profile table that has more than half the columns of a
    /// format recognised by name, naming the columns it lacks, so its text columns are not read as figures.
    /// - Throws: `ToolkitError` at the header's line.
    static func checkNearMisses(_ table: CSVTable) throws {
        let keys = Set(table.header.map(HeaderName.key))
        for (format, wanted) in namedColumns {
            let missing = wanted.filter { !keys.contains($0) }
            guard !missing.isEmpty, missing.count * 2 < wanted.count else { continue }
            throw ToolkitError(
                file: table.path, line: table.headerLine,
                "the header has most of the columns of an \(format) but not \(missing.joined(separator: ", ")) "
                    + "(compared ignoring case, spaces and punctuation): name them as the format does, so no column is "
                    + "read as another")
        }
    }

    /// Checks that no two columns of a table's header have the same name (ignoring case, spaces and punctuation).
    /// - Throws: `ToolkitError` at the header's line and the second column.
    public static func checkColumnNames(_ table: CSVTable) throws {
        guard let (first, second) = HeaderName.duplicate(in: table.header) else { return }
        throw ToolkitError(
            file: table.path, line: table.headerLine, column: second + 1,
            "columns \(first + 1) and \(second + 1) have the same name, "
                + "\(ToolkitError.quoted(table.header[second], limit: 40)): rename one so it is clear which is meant")
    }

    /// Checks that no file is given twice in a list of files to read together: a file read twice would give each of
    /// its figures again, as another file's.
    /// - Throws: `ToolkitError` naming the first file given a second time.
    public static func checkEachOnce(_ files: [String]) throws {
        var seen: Set<String> = []
        for file in files where !seen.insert(URL(fileURLWithPath: file).resolvingSymlinksInPath().path).inserted {
            throw ToolkitError(file: file, "is given twice: each file is read once (check the list of data files)")
        }
    }

    /// Opens, detects and loads a file into a sink: a delimited table, or the JSON `svtk load --format json`
    /// writes.
    /// - Throws: `ToolkitError` for a file that cannot be read, fits no loader or has no data rows, or for a
    ///   metadata sidecar given in `options` that cannot be read (whatever the file); what `sink` throws.
    public static func load(_ path: String, options: LoadOptions = LoadOptions(), into sink: EvidenceSink) throws
        -> Result
    {
        try checkMetadata(options)
        guard let table = try table(path, options: options) else {
            sink.startFile(path)
            let outcome = try NormalisedJSONLoader.load(path, options: options, into: sink)
            guard outcome.csv.rows > 0 else {
                throw ToolkitError(file: path, "no observations in the array: nothing to load")
            }
            return Result(file: path, format: NormalisedJSONLoader.format, outcome: outcome)
        }
        return try load(table, options: options, into: sink)
    }

    /// The delimited table a file holds, opened with its header read (so a caller can decide whether to load it);
    /// `nil` for the JSON `svtk load --format json` writes, which ``load(_:options:into:)-(String,_,_)`` reads.
    /// - Throws: `ToolkitError` for a file that cannot be read or has no header.
    public static func table(_ path: String, options: LoadOptions) throws -> CSVTable? {
        NormalisedJSONLoader.matches(path) ? nil : try CSVTable(path: path, delimiter: options.delimiter)
    }

    /// True for a file that describes indicators and gives no figures (Fingertips indicator metadata), which a
    /// streaming reader reads first so that its names and polarity describe every row; false for any other file,
    /// and for one that cannot be read (whose error its load reports in its turn).
    public static func describesIndicatorsOnly(_ path: String, options: LoadOptions) -> Bool {
        guard let table = try? table(path, options: options) else { return false }
        return FingertipsMetadataLoader.matches(table.header)
    }

    /// Detects and loads a table already opened by ``table(_:options:)`` into a sink.
    /// - Throws: `ToolkitError` for a table that fits no loader or has no data rows, or for a metadata sidecar
    ///   given in `options` that cannot be read; what `sink` throws.
    public static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> Result {
        try checkMetadata(options)
        table.threads = options.threads
        let loader = try detect(table)
        sink.startFile(table.path)
        var outcome = try loader.load(table, options: options, into: sink)
        guard outcome.csv.rows > 0 else {
            throw ToolkitError(
                file: table.path, line: table.headerLine, "no data rows below the header: nothing to load")
        }
        outcome.warnings = outcome.csv.notes + outcome.warnings
        return Result(file: table.path, format: loader.format, outcome: outcome)
    }

    /// - Throws: `ToolkitError` for a metadata sidecar given in `options` that cannot be read.
    private static func checkMetadata(_ options: LoadOptions) throws {
        if let metadata = options.metadata, !FileManager.default.isReadableFile(atPath: metadata) {
            throw ToolkitError(file: metadata, "cannot be read (no such file, or not readable)")
        }
    }
}
