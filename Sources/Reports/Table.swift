/// A table of text cells with a name: what a report's CSV files, Excel sheets and pages are made from.
public struct Table: Sendable, Equatable {
    /// The table's name: its CSV file's and Excel sheet's (`measures`, `provenance`).
    public var name: String
    /// The column headers.
    public var header: [String]
    /// The rows, each as wide as the header.
    public var rows: [[String]]

    /// A table from its name, headers and rows.
    public init(_ name: String, _ header: [String], _ rows: [[String]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}
