import CSV
import Evidence

/// A reader for one real public file format. Each recognises its format from the header alone.
public protocol Loader: Sendable {
    /// The format's name as a user would say it.
    static var format: String { get }
    /// What the header must contain, for the message shown when no loader fits a file.
    static var expects: String { get }
    /// True when a header is this format's.
    static func matches(_ header: [String]) -> Bool
    /// Reads every row of the table into the sink; returns warnings (things a user should know, nothing dropped).
    static func load(_ table: CSVTable, options: LoadOptions, into sink: EvidenceSink) throws -> LoadOutcome
}

/// Settings that apply to a load.
public struct LoadOptions: Sendable {
    /// The delimiter to use instead of sniffing.
    public var delimiter: Delimiter?
    /// A sidecar metadata file for a ward profile table (see `Datasets/README.md`).
    public var metadata: String?
    /// Called after each block with bytes read and the file's size.
    public var progress: (@Sendable (Int64, Int64) -> Void)?
    /// The small areas to read when one authority is chosen; rows for others are skipped before their figures
    /// are parsed. Every row is read when `nil`.
    public var areas: AreaFilter?
    /// For the Indices of Deprivation: each edition (`2025`) → the number of LSOAs it ranks
    /// (`policy/editions.csv`), so a rank above it is an error; without an edition's count a rank need only be
    /// whole and 1 or more.
    public var rankedAreas: [String: Int] = [:]
    /// Authorities replaced by others: a lookup places its areas in the successor (`geography/authority_changes.csv`).
    public var authorityChanges = AuthorityChanges()
    /// How many threads read the file (by default helpers tokenize a large file ahead of the loader).
    public var threads: ReadingThreads

    /// Settings for a load; every one is optional.
    public init(
        delimiter: Delimiter? = nil, metadata: String? = nil, progress: (@Sendable (Int64, Int64) -> Void)? = nil,
        areas: AreaFilter? = nil, threads: ReadingThreads = .automatic
    ) {
        self.delimiter = delimiter
        self.metadata = metadata
        self.progress = progress
        self.areas = areas
        self.threads = threads
    }

    /// True when a row whose area code is in `field` is to be read.
    func keeps(_ field: CSVField) -> Bool { areas?.keeps(field.trimmed.bytes) ?? true }
}

extension CSVTable {
    /// Streams to `body` the rows whose area code, in column `areaColumn`, `options` keeps, reporting progress as
    /// `options` asks, and counts the rows of other areas, skipped before any of their figures is parsed.
    ///
    /// Before a row is kept or skipped, its area code must have `shape` and its `keys` (the columns that file a
    /// figure: indicator, period, breakdown) must hold no invisible character, so no figure goes to a phantom
    /// area, indicator or period, nor is skipped as another authority's.
    /// - Throws: `ToolkitError` at a key cell of the wrong shape; what ``forEachRow(progress:_:)`` and `body`
    ///   throw.
    func forEachRow(
        keepingAreasIn areaColumn: Int, shape: CodeShape, keys: [Int?] = [], _ options: LoadOptions,
        _ body: (CSVRow) throws -> Void
    ) throws -> (summary: CSVReadSummary, outside: Int) {
        var outside = 0
        let keys = keys.compactMap { $0 }
        let summary = try forEachRow(progress: options.progress) { row in
            try shape.check(row, areaColumn, file: path, what: "area code")
            for key in keys { try CodeShape.text.check(row, key, file: path, what: "the cell") }
            guard options.keeps(row[areaColumn]) else {
                outside += 1
                return
            }
            try body(row)
        }
        return (summary, outside)
    }
}

/// What a loader reports beyond the evidence itself.
public struct LoadOutcome: Sendable {
    /// What the CSV layer found: rows, blank lines, title lines, footnotes, encoding.
    public var csv: CSVReadSummary
    /// Things a user should know about the file (nothing was dropped).
    public var warnings: [String]
    /// Rows skipped because their area lies in another authority than the one chosen (``LoadOptions/areas``).
    public var outside: Int

    /// What a loader found beyond the evidence.
    public init(csv: CSVReadSummary, warnings: [String] = [], outside: Int = 0) {
        self.csv = csv
        self.warnings = warnings
        self.outside = outside
    }
}
