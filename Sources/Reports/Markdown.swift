import Foundation

/// Markdown made safe to render.
enum Markdown {
    /// A document from its lines, made safe: a line break inside a line (from a contract's title, an action
    /// plan's text) becomes a space, so input cannot start a heading or a table row of its own; and every `<`
    /// is written `&lt;`, so input cannot open an HTML tag, a script or an image in a Markdown renderer; and every
    /// `[` is escaped, so input cannot make a link or load an image (`[x](javascript:…)`, `![](http://…)`). The
    /// toolkit's own Markdown uses no HTML and no links, so nothing it means to show is lost (`\[` shows as `[`).
    static func document(_ lines: [String]) -> String {
        lines.map { line in
            line.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
        }.joined(separator: "\n").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "[", with: "\\[")
    }
}
