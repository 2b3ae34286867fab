import CSV

/// CSV the workspace writes for itself and reads back (the returns entered online, the offers submitted online):
/// every cell as it was typed. The guard against spreadsheet formulas (``FormulaGuard``, a leading `'` before `=`,
/// `+`, `-` or `@`) is for files written for download, which a spreadsheet may open; a file the workspace keeps is
/// read only by the toolkit, which would otherwise take the mark for part of the text, and add another each time it
/// wrote the file again.
enum KeptCSV {
    /// The rows as CSV bytes, each cell quoted where it needs to be and never marked.
    static func bytes(_ rows: [[String]]) -> [UInt8] {
        CSVWriter.bytes(formulaGuard: false) { writer in for row in rows { writer.write(row) } }
    }
}
