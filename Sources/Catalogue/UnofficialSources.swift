import CSV
import Core
import Evidence

/// Files known to be third parties' own aggregates of official statistics, recognised from their header
/// (`policy/unofficial_sources.csv`: `columns,who,what`). They are read only when asked for, and labelled
/// unofficial wherever their figures appear.
public struct UnofficialSources: Sendable {
    /// A kind of unofficial file.
    public struct Source: Sendable {
        /// The columns (as header keys) that together identify it.
        public var columns: Set<String>
        /// Who made it.
        public var who: String
        /// What it is, and why it is not official.
        public var what: String
    }

    /// Every kind known.
    public let sources: [Source]

    /// None known.
    public init() { sources = [] }

    /// Reads the register of a policy folder.
    /// - Throws: `ToolkitError` at the file, line and column of a missing column or an empty cell.
    public init(folder: String) throws {
        sources = try DataTable(path: folder + "/unofficial_sources.csv", required: ["columns", "who", "what"])
            .rows().map { row in
                Source(
                    columns: Set(try row.required("columns").split(separator: " ").map { HeaderName.key(String($0)) }),
                    who: try row.required("who"), what: try row.required("what"))
            }
    }

    /// The unofficial source a file's header is, if any: one whose every identifying column it has.
    public func source(of header: [String]) -> Source? {
        let keys = Set(header.map(HeaderName.key))
        return sources.first { $0.columns.isSubset(of: keys) }
    }
}
