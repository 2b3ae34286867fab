import Recommender
import Reports
import Toolkit

/// The tender pack's files for a contract, with the commissioner's decisions applied: the social value section
/// (Word, Markdown, the full HTML report) and the measures (CSV, Excel).
enum ExportFormat: String, CaseIterable {
    case docx, md, html, csv, xlsx

    var label: String {
        switch self {
        case .docx: "Word (.docx)"
        case .md: "Markdown"
        case .html: "HTML report"
        case .csv: "Measures (CSV)"
        case .xlsx: "Every table (Excel)"
        }
    }

    var contentType: String {
        switch self {
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .md: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    /// The file's bytes, from the same report bundle `svtk report` writes.
    /// - Throws: an error if an office package cannot be written.
    func bytes(_ r: Recommendation, borough: Borough) throws -> [UInt8] {
        let bundle = try borough.report(r)
        switch self {
        case .docx: return try bundle.docx()
        case .md: return Array(bundle.markdown.utf8)
        case .html: return Array(bundle.html.utf8)
        case .csv: return bundle.measuresCSV
        case .xlsx: return try bundle.xlsx()
        }
    }

    /// The download's file name: the contract's title in safe characters, and the extension.
    func fileName(_ title: String) -> String {
        let safe = String(title.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }.prefix(60))
        let name = safe.split(separator: "-").joined(separator: "-")
        return (name.isEmpty ? "contract" : name) + "-social-value." + rawValue
    }
}
