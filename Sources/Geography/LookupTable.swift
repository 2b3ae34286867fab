import CSV
import Core
import Evidence
import Loaders

/// One ONS geography lookup file, read once as rows of codes and names (`LSOA21CD,LSOA21NM,WD22CD,…`).
public struct LookupTable: Sendable {
    /// The file it was read from.
    public let path: String
    /// Vintage (e.g. `WD22`) → the column of its codes.
    let columns: [String: Int]
    /// Vintage → the column of its names, where the file has one.
    let names: [String: Int]
    /// The code and name cells of each row, by the header's column numbers (other columns read as empty).
    let rows: LookupRows
    /// The 1-based line of each row, for errors.
    let lines: [Int]

    /// Reads a lookup file, placing areas of an authority replaced since in its successor.
    /// - Parameter threads: the threads that read it (``ReadingThreads/one`` when other files are read at once).
    /// - Throws: `ToolkitError` when the file cannot be read or has fewer than two code columns.
    public init(
        path: String, changes: AuthorityChanges = AuthorityChanges(), threads: ReadingThreads = .automatic
    ) throws {
        let table = try CSVTable(path: path)
        table.threads = threads
        try FileLoader.checkColumnNames(table)
        let codes = GeographyLookupLoader.codeColumns(table.header)
        guard codes.count >= 2 else {
            throw ToolkitError(
                file: path, line: table.headerLine, "not a geography lookup: \(GeographyLookupLoader.expects)")
        }
        var columns: [String: Int] = [:]
        var names: [String: Int] = [:]
        for code in codes {
            columns[code.vintage] = code.index
            if let name = code.name { names[code.vintage] = name }
        }
        let used = Array(Set(columns.values).union(names.values)).sorted()
        let codeColumns = Set(columns.values).sorted()
        var rows = LookupRows(columns: table.header.count, used: used)
        var lines: [Int] = []
        var values = [String](repeating: "", count: table.header.count)
        try table.forEachRow { row in
            for i in codeColumns {
                try CodeShape.gss.check(row, i, file: path, what: "area code in column \(table.header[i])")
            }
            for i in used { values[i] = row[i].trimmedString }
            changes.update(row: &values, codes: codes)
            rows.append(values)
            lines.append(row.line)
        }
        self.path = path
        self.columns = columns
        self.names = names
        self.rows = rows
        self.lines = lines
    }

    /// True when a file's header is an ONS geography lookup's (as ``FileLoader`` detects formats).
    /// - Throws: `ToolkitError` when the file cannot be read.
    public static func isLookup(_ path: String) throws -> Bool {
        let header = try CSVTable(path: path).header
        return FileLoader.loaders.first { $0.matches(header) }?.format == GeographyLookupLoader.format
    }

    /// The newest vintage of an entity (`WD`, `LAD`, `LSOA`) in this table, by its two-digit year.
    func newest(_ entity: String) -> String? {
        Self.newest(columns.keys.filter { Self.isVintage($0, of: entity) })
    }

    /// The newest vintage of an entity in any of the tables.
    static func newest(_ entity: String, in tables: [LookupTable]) -> String? {
        newest(tables.compactMap { $0.newest(entity) })
    }

    /// True when a vintage (`LAD22`) is of an entity (`LAD`): the entity then a two-digit year.
    static func isVintage(_ vintage: String, of entity: String) -> Bool {
        vintage.hasPrefix(entity) && vintage.count == entity.count + 2 && vintage.suffix(2).allSatisfy(\.isNumber)
    }

    /// The vintage with the latest two-digit year.
    private static func newest(_ vintages: some Sequence<String>) -> String? {
        vintages.max { $0.suffix(2) < $1.suffix(2) }
    }
}

extension AuthorityChanges {
    /// Puts one lookup row's code and name cells in today's authorities (``update(codes:)``); a row naming no
    /// replaced authority is left as it is, at one hash lookup a code.
    fileprivate func update(row: inout [String], codes: [GeographyLookupLoader.CodeColumn]) {
        guard !isEmpty, codes.contains(where: { isReplaced(row[$0.index]) }) else { return }
        var values = codes.map { row[$0.index] }
        update(codes: &values)
        for (position, column) in codes.enumerated() {
            row[column.index] = values[position]
            guard let name = column.name else { continue }
            if values[position].isEmpty { row[name] = "" }
            if let successor = successorName(values[position]) { row[name] = successor }
        }
    }
}

/// A lookup's rows, holding only the cells of the columns read (codes and names), each repeated text (an authority's
/// or a ward's name on every row of its LSOAs) stored once: a national lookup of 35,000 rows takes a few megabytes,
/// not the thirty a `[[String]]` of every column took.
struct LookupRows: RandomAccessCollection, Sendable {
    /// Each header column's place in a row's cells, or nil for a column not read.
    private let places: [Int?]
    /// The columns read, in header order.
    private let used: [Int]
    /// The rows' cells, row after row, `used.count` to a row.
    private var cells: [String] = []
    /// Texts of more than 15 bytes already held, so that a repeated one shares their storage.
    private var held: [String: String] = [:]

    /// No rows, of a header of `columns` columns of which `used` are read.
    init(columns: Int, used: [Int]) {
        var places = [Int?](repeating: nil, count: columns)
        for (place, column) in used.enumerated() { places[column] = place }
        self.places = places
        self.used = used
    }

    /// Appends a row given by the header's column numbers; only the columns read are kept.
    mutating func append(_ row: [String]) {
        for column in used {
            let text = row[column]
            if text.utf8.count <= 15 {  // held inside the `String` itself, with no storage to share
                cells.append(text)
            } else if let known = held[text] {
                cells.append(known)
            } else {
                held[text] = text
                cells.append(text)
            }
        }
    }

    /// The first row's position, 0.
    var startIndex: Int { 0 }
    /// The number of rows.
    var endIndex: Int { used.isEmpty ? 0 : cells.count / used.count }

    /// The row at a position.
    subscript(position: Int) -> Row { Row(rows: self, start: position * used.count) }

    /// One row: its cells by the header's column numbers.
    struct Row {
        fileprivate let rows: LookupRows
        fileprivate let start: Int

        /// The cell of a header column, trimmed; empty for a column not read.
        subscript(column: Int) -> String {
            guard let place = rows.places[column] else { return "" }
            return rows.cells[start + place]
        }
    }
}
