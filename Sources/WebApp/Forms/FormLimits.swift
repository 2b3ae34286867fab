import Catalogue
import Core

/// The bounds the workspace keeps on what its forms and connections ask the server to do, from the same policy
/// file as `WorkspaceLimits` (`policy/workspace_limits.csv`): how long a search of the CPV vocabulary may be, how
/// far ahead a tender's deadline may be set, and how long the server waits for a connection's next request, for a
/// request's body, and after answering a request before its body was read.
struct FormLimits: Sendable {
    /// A search of the CPV vocabulary has at most this many characters.
    let cpvSearchCharactersMaximum: Int
    /// A search of the CPV vocabulary has at most this many words.
    let cpvSearchWordsMaximum: Int
    /// A tender's deadline is at most this many days after it is published.
    let tenderOpenDaysMaximum: Int
    /// A connection on which nothing arrives for this many seconds is closed.
    let connectionIdleSeconds: Int
    /// A request's body arrives whole within this many seconds of its headers, or the request fails and its
    /// connection is closed (a variable, so that a test can shorten it).
    var requestBodySecondsMaximum: Int
    /// A connection whose request was answered before its body was read is closed this many seconds after the
    /// answer (a variable, so that a test can shorten it).
    var answeredRequestLingerSeconds: Int

    /// Reads the bounds from `workspace_limits.csv` in the catalogue's policy folder.
    /// - Throws: `ToolkitError` at a row whose value is not a whole number above 0, naming a missing parameter, or
    ///   naming a time in seconds longer than a day.
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
        func seconds(_ name: String) throws -> Int {
            let found = try limit(name)
            guard found <= 86_400 else { throw ToolkitError(file: path, "\(name) must be at most 86400 (a day)") }
            return found
        }
        cpvSearchCharactersMaximum = try limit("cpv_search_characters_maximum")
        cpvSearchWordsMaximum = try limit("cpv_search_words_maximum")
        tenderOpenDaysMaximum = try limit("tender_open_days_maximum")
        connectionIdleSeconds = try seconds("connection_idle_seconds")
        requestBodySecondsMaximum = try seconds("request_body_seconds_maximum")
        answeredRequestLingerSeconds = try seconds("answered_request_linger_seconds")
    }
}
