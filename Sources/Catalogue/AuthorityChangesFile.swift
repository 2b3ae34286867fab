import Core
import Evidence

extension AuthorityChanges {
    /// Reads `authority_changes.csv` of a geography folder (`code,name,successor_code,successor_name,since,source`).
    /// - Throws: `ToolkitError` at the file, line and column of a missing column, an empty cell, a code that is
    ///   not an authority's, or an authority replaced twice.
    public init(folder: String) throws {
        let table = try DataTable(
            path: folder + "/authority_changes.csv",
            required: ["code", "name", "successor_code", "successor_name", "since", "source"])
        var changes: [Change] = []
        var seen: Set<String> = []
        for row in try table.rows() {
            _ = try row.required("source")
            func authority(_ code: String, _ name: String) throws -> Area {
                let area = Area(code: try row.required(code), name: try row.required(name))
                guard area.level == .localAuthority else {
                    throw row.error(code, "\(area.code) is not a local authority's code (E06 to E09, W06)")
                }
                return area
            }
            let change = Change(
                predecessor: try authority("code", "name"),
                successor: try authority("successor_code", "successor_name"),
                since: try row.required("since"))
            guard seen.insert(change.predecessor.code).inserted else {
                throw row.error("code", "\(change.predecessor.code) is replaced twice")
            }
            changes.append(change)
        }
        self.init(changes)
    }
}
