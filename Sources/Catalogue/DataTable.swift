import CSV
import Core
import Evidence
import Formatting

/// A reviewed data file read through the CSV layer, with its columns looked up by name.
///
/// Every row is handed over as a ``DataRow`` whose text cells are trimmed strings, and which can raise an
/// ``ToolkitError`` located at the file, line and column of any cell.
public struct DataTable {
    /// The file's path, as given.
    public let path: String
    let columns: [String: Int]
    /// The line of the header row (a file may have lines above it).
    public let headerLine: Int

    /// Opens a file and checks that it has the required columns, each once.
    /// - Throws: `ToolkitError` naming the file when it cannot be read as a table, or at its header for a missing
    ///   column or one named twice (which of the two to read cannot be told).
    public init(path: String, required: [String]) throws {
        let table = try CSVTable(path: path)
        self.path = path
        headerLine = table.headerLine
        var columns: [String: Int] = [:]
        for (i, name) in table.header.enumerated() {
            if let first = columns[name.lowercased()] {
                throw ToolkitError(
                    file: path, line: table.headerLine, column: i + 1,
                    "column \(ToolkitError.quoted(name)) appears twice (columns \(first + 1) and \(i + 1)): name each "
                        + "column once")
            }
            columns[name.lowercased()] = i
        }
        self.columns = columns
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw ToolkitError(
                file: path, line: table.headerLine,
                "missing column(s) \(missing.joined(separator: ", ")); the header needs "
                    + required.joined(separator: ","))
        }
        self.table = table
        cited = Self.cited(path)
    }

    private let table: CSVTable
    /// The file as a citation names it (``DataRow/citation``), worked out once for all its rows.
    private let cited: String

    /// A file's path relative to the toolkit's data folder when it is in it (`policy/targets.csv`), else as given.
    private static func cited(_ path: String) -> String {
        guard let root = try? DatasetsDirectory.path() + "/", path.hasPrefix(root) else { return path }
        return String(path.dropFirst(root.count))
    }

    /// Calls `body` with every row.
    /// - Throws: what `body` throws; `ToolkitError` at the file, line and column of the first row that cannot be read.
    public func forEachRow(_ body: (DataRow) throws -> Void) throws {
        try table.forEachRow { row in
            try body(
                DataRow(
                    path: path, cited: cited, line: row.line, columns: columns,
                    cells: row.strings.map { $0.trimmingSpaces }))
        }
    }

    /// All rows, in order.
    /// - Throws: `ToolkitError` at the file, line and column of the first row that cannot be read.
    public func rows() throws -> [DataRow] {
        var rows: [DataRow] = []
        try forEachRow { rows.append($0) }
        return rows
    }
}

/// One row of a ``DataTable``.
public struct DataRow {
    /// The file the row is in.
    public let path: String
    /// The file as ``citation`` names it.
    let cited: String
    /// The row's line in the file.
    public let line: Int
    let columns: [String: Int]
    let cells: [String]

    /// The cell in a column, or "" when the file has no such column.
    public subscript(_ column: String) -> String {
        columns[column].map { cells[$0] } ?? ""
    }

    /// An error located at this row and column.
    public func error(_ column: String, _ message: String) -> ToolkitError {
        ToolkitError(file: path, line: line, column: columns[column].map { $0 + 1 }, message)
    }

    /// A required non-empty cell.
    /// - Throws: `ToolkitError` at this row and column when the cell is empty.
    public func required(_ column: String) throws -> String {
        let value = self[column]
        if value.isEmpty { throw error(column, "empty \(column)") }
        return value
    }

    /// A required numeric cell, finite.
    /// - Throws: `ToolkitError` at this row and column when the cell is empty, not a number or not finite.
    public func number(_ column: String) throws -> Double {
        let text = try required(column)
        guard let value = FigureReading.decimal(text) else {
            if let problem = FigureReading.diagnosis(of: text) {
                throw error(column, "\(column) \(ToolkitError.quoted(text)): \(problem)")
            }
            throw error(
                column,
                "non-numeric \(column) \(ToolkitError.quoted(text)): write a number in figures, e.g. 12 or 0.25 "
                    + "(no hex, no infinity, at most 15 digits before the point)")
        }
        return value
    }

    /// Where this row is, as `file:line`.
    public var location: String { "\(path):\(line)" }

    /// Where this row is, as `file:line` relative to the toolkit's data folder when it is in it
    /// (`policy/targets.csv:3`), else as ``location``.
    public var citation: String { "\(cited):\(line)" }
}
