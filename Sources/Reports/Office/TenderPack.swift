import Formatting
import Recommender

/// The recommendation as the office files a tender pack is made from: the social value section as a Word
/// document (what bidders are asked for, how it is scored, the conditions, and the local needs behind each
/// measure), and every table of the report as an Excel workbook.
public enum TenderPack {
    /// The social value section as a .docx.
    /// - Throws: an error if the package cannot be written.
    public static func docx(_ r: Recommendation, provenance: Provenance) throws -> [UInt8] {
        var document = WordDocument()
        document.title("Social value: \(r.contract.title)")
        document.paragraph(r.contract.description)
        document.heading("How social value is evaluated")
        for line in RecommendationPage.binding(r) { document.bullet(line) }
        document.heading(
            r.rules.commitments == .formal
                ? "What bidders are asked to commit to" : "What bidders are invited to offer")
        document.table(
            header: ["#", "Measure", "Target", "Why it matters here"],
            rows: r.measures.map { m in
                [
                    String(m.rank), "\(m.ref) \(m.title)", m.target.quantity.written(.quantity(m.unit)),
                    m.needs.first.map { "\($0.areaName): \($0.domainName) (\($0.level)). \($0.reason)." }
                        ?? m.relevanceReason,
                ]
            })
        if !r.conditions.isEmpty {
            document.heading("Contract conditions (pass/fail, not scored)")
            for condition in r.conditions { document.bullet("\(condition.ref) \(condition.title): \(condition.text)") }
        }
        document.heading("How each target was set", level: 2)
        for m in r.measures { document.bullet("\(m.ref): \(m.target.working)") }
        document.paragraph(provenance.line)
        return try document.data()
    }

    /// Tables as an .xlsx, one sheet each.
    /// - Throws: an error if the package cannot be written.
    public static func xlsx(_ tables: [Table]) throws -> [UInt8] {
        var workbook = Workbook()
        for table in tables { workbook.sheet(table) }
        return try workbook.data()
    }
}
