import Catalogue
import Core

/// The bounds the workspace keeps on what its forms ask the server to do, from the same policy file as
/// `WorkspaceLimits` (`policy/workspace_limits.csv`): how long a search of the CPV vocabulary may be, and how far
/// ahead a tender's deadline may be set.
struct FormLimits: Sendable {
    /// A search of the CPV vocabulary has at most this many characters.
    let cpvSearchCharactersMaximum: Int
    /// A search of the CPV vocabulary has at most this many words.
    let cpvSearchWordsMaximum: Int
    /// A tender's deadline is at most this many days after it is published.
    let tenderOpenDaysMaximum: Int

    /// Reads the bounds from `workspace_limits.csv` in the catalogue's policy folder.
    /// - Throws: `ToolkitError` at a row whose value is not a whole number above 0, or naming a missing parameter.
    init(catalogue: Catalogue) throws {
        let path = (catalogue.sources["policy"] ?? "policy") + "/workspace_limits.csv"
        var values: [String: Int] = [:]
        try DataTable(path: path, required: ["parameter", "value"]).forEachRow { row in
            let value = try row.number("value")
            guard value > 0, value < 1e12, value == value.rounded() else {
                throw row.error("value", "\(row["parameter"]) must be a whole number above 0, not \(value)")
            }
            values[row["parameter"]] = Int(value)
        }
        func limit(_ name: String) throws -> Int {
            guard let found = values[name] else { throw ToolkitError(file: path, "missing parameter \(name)") }
            return found
        }
        cpvSearchCharactersMaximum = try limit("cpv_search_characters_maximum")
        cpvSearchWordsMaximum = try limit("cpv_search_words_maximum")
        tenderOpenDaysMaximum = try limit("tender_open_days_maximum")
    }
}
