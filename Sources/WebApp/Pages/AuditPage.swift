import Foundation
import Reports
import Workspace

/// A contract's audit trail as a table, newest first, what changed shown as JSON beneath each entry.
enum AuditPage {
    static func html(_ contract: SavedContract, _ entries: [AuditEntry]) -> String {
        let id = contract.id ?? 0
        var html = """
            <h1>Audit trail: \(HTML.escape(contract.title))</h1>
            <p>Every change to this contract, kept in the same transaction as the change: who made it, when, and what \
            it changed from and to. <a href="/contracts/\(id)/audit.csv">Download as CSV</a> · \
            <a href="/contracts/\(id)">Back to the contract</a></p>
            <table>
            <thead><tr><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">What</th>\
            <th scope="col">Of</th><th scope="col">Before and after</th></tr></thead>
            <tbody>

            """
        let dates = ISO8601DateFormatter()
        for entry in entries.reversed() {
            html += "<tr><td>\(dates.string(from: entry.at))</td><td>\(HTML.escape(entry.actor))</td>"
            html += "<td>\(HTML.escape(entry.action.rawValue))</td><td>\(HTML.escape(entry.subject))</td><td>"
            html += change("before", entry.before) + change("after", entry.after) + "</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// One side of a change, folded.
    private static func change(_ label: String, _ json: String?) -> String {
        guard let json else { return "" }
        return "<details><summary>\(label)</summary><pre>\(HTML.escape(json))</pre></details>"
    }
}
