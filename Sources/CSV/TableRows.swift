import Core

/// What a read of a table makes of each row the parser hands it, in order: title lines and the header skipped,
/// blank lines counted, footnotes after the table kept, ragged rows refused, and data rows passed on, an error
/// about one given the row's line.
///
/// Its counters change on every row, and only ever by short accesses on the reading thread, so they are kept without
/// the run-time exclusivity check a class's stored properties otherwise get (a call into the runtime per change).
final class TableRows {
    /// What the read has found so far.
    @exclusivity(unchecked) var summary: CSVReadSummary
    private let path: String
    private let headerLine: Int
    private let headerRowIndex: Int
    private let width: Int
    /// The header's named columns: cells beyond them must be empty.
    private let named: Int
    @exclusivity(unchecked) private var nonBlankIndex = 0
    /// The line of the first footnote, once the footnotes have begun.
    @exclusivity(unchecked) private var footerStartLine: Int?
    @exclusivity(unchecked) private var afterBlank = false

    /// The rules of `table`'s layout, before its first row.
    init(_ table: CSVTable) {
        summary = CSVReadSummary(titleLines: table.titleLines)
        path = table.path
        headerLine = table.headerLine
        headerRowIndex = table.headerRowIndex
        width = table.width
        named = table.header.count
    }

    /// Counts a blank line (or a row of bare delimiters).
    func blankLine() {
        summary.blankLines += 1
        afterBlank = true
    }

    /// Takes the next row: a data row goes to `body`.
    /// - Throws: what `body` throws; `ToolkitError` at a ragged row, a value under no column name, or a table row
    ///   after the footnotes.
    func take(_ row: CSVRow, _ body: (CSVRow) throws -> Void) throws {
        if row.isBlank { return blankLine() }
        defer {
            nonBlankIndex += 1
            afterBlank = false
        }
        if nonBlankIndex <= headerRowIndex { return }
        if let footerStartLine { return try footnote(row, footnotesFrom: footerStartLine) }
        if row.count == width && !isPaddedNote(row) { return try dataRow(row, body) }
        try shortRow(row)
    }

    /// True for a row as wide as the header that holds only a note after the table's rows (a footnote Excel padded
    /// to the table's width: "Source: ONS,,,,").
    private func isPaddedNote(_ row: CSVRow) -> Bool {
        // Its second and last fields empty first, in O(1), as few table rows have them: most rows stop there.
        summary.rows > 0 && row.count > 1 && row[1].trimmed.bytes.isEmpty && row[row.count - 1].trimmed.bytes.isEmpty
            && row.nonBlankCount == 1 && CSVTable.readsAsNote(row)
    }

    /// A row after the first footnote: another footnote, unless it is a table row.
    private func footnote(_ row: CSVRow, footnotesFrom start: Int) throws {
        if row.count == width && row.nonBlankCount > 1 {
            throw ToolkitError(
                file: path, line: start, column: nil,
                "this line reads as a footnote (a note, or fewer fields than the header on line \(headerLine) has), "
                    + "yet table rows follow it on line \(row.line)")
        }
        summary.footnotes.append(Self.text(of: row))
    }

    /// A row as wide as the header: passed to `body` when no cell lies under an unnamed column.
    private func dataRow(_ row: CSVRow, _ body: (CSVRow) throws -> Void) throws {
        if let unnamed = (named..<width).first(where: { !row[$0].trimmed.bytes.isEmpty }) {
            throw ToolkitError(
                file: path, line: row.line, column: unnamed + 1,
                "a value in column \(unnamed + 1), which has no name in the header on line \(headerLine)")
        }
        summary.rows += 1
        do {
            try body(row)
        } catch let error as ToolkitError {
            throw error.located(atLine: row.line, of: path)
        }
    }

    /// A row of another width than the header's: the first footnote, after the table and a blank line or reading
    /// as a note; otherwise a ragged row.
    private func shortRow(_ row: CSVRow) throws {
        let readsAsFootnote =
            (afterBlank && row.count < width) || (row.nonBlankCount <= 1 && CSVTable.readsAsNote(row))
        guard summary.rows > 0 && readsAsFootnote else {
            throw ToolkitError(
                file: path, line: row.line, column: min(row.count, width) + 1,
                "ragged row: \(row.count) field\(row.count == 1 ? "" : "s") where the header on line "
                    + "\(headerLine) has \(width)"
                    + (row.nonBlankCount <= 1 ? " (is the file cut short? a footnote would follow a blank line)" : ""))
        }
        footerStartLine = row.line
        summary.footnotes.append(Self.text(of: row))
    }

    /// A footnote's text: its non-empty fields joined by spaces.
    private static func text(of row: CSVRow) -> String { row.strings.filter { !$0.isEmpty }.joined(separator: " ") }
}
