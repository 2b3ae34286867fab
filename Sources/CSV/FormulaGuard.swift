/// The OWASP rule against CSV injection: a cell a spreadsheet would run as a formula is written with a leading
/// `'`, and the toolkit's own readers take the mark off again, so its CSV reads back unchanged.
public enum FormulaGuard {
    /// True for text a spreadsheet would run as a formula: it starts `=`, `+`, `@`, tab or carriage return,
    /// or `-` and is not a negative number (the toolkit writes no number with a leading `+`).
    static func runsAsFormula(_ text: Substring) -> Bool {
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "-"): return !(Double(text)?.isFinite ?? false)
        default: return false
        }
    }

    /// True for text written with a mark: text that would run as a formula, and text that already starts with marks
    /// before such text (`'=x`), so that taking one mark off reads back what was written.
    static func needsMark(_ text: Substring) -> Bool {
        let unmarked = text.drop { $0 == "'" }
        return runsAsFormula(unmarked)
    }

    /// The text as a spreadsheet may safely show it.
    public static func guarding(_ text: String) -> String { needsMark(text[...]) ? "'" + text : text }

    /// The text without the mark ``guarding(_:)`` added: a leading `'` before what is marked.
    public static func unguarding(_ text: String) -> String {
        text.hasPrefix("'") && needsMark(text.dropFirst()) ? String(text.dropFirst()) : text
    }
}
