/// A plain-text table with aligned columns, for terminals.
public struct TextTable {
    /// The column headings; they set the number of columns.
    public var header: [String]
    /// The rows of cells, in order.
    public var rows: [[String]] = []
    /// Columns to right-align (numbers).
    public var numeric: Set<Int> = []

    /// A table with its headings, rows and right-aligned columns.
    public init(header: [String], rows: [[String]] = [], numeric: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.numeric = numeric
    }

    /// The table as lines of text: the heading, a rule of dashes under each column, then the rows, columns
    /// padded to their widest cell and separated by two spaces, trailing spaces trimmed.
    public func render() -> String {
        let widths = header.indices.map { i in
            ([header[i]] + rows.map { i < $0.count ? $0[i] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return numeric.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
