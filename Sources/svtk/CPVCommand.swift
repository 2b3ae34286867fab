import ArgumentParser
import Catalogue
import Core
import Reports

struct CPVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpv",
        abstract: "Name a CPV code and its contract subject, or find codes by words.",
        discussion: """
            With a code (45233142 or 45233142-6): its description, the codes above it, the contract subject the \
            taxonomy files it under and why (which decides what social value is relevant), whether that is only a \
            division-level fallback, and the subject's natural measures. With words: the matching codes, broadest \
            first.

            Examples:
              svtk cpv 45233142-6
              svtk cpv home care
              svtk cpv refuse vehicles --format json
            """)

    @Argument(help: ArgumentHelp("A CPV code, or words to search for.", valueName: "code|text"))
    var query: [String]

    @Option(help: "Output format: table or json.")
    var format: ListingFormat = .table

    @Option(help: "Most codes to list for a word search.")
    var limit = 25

    @OptionGroup var catalogueOptions: CatalogueOptions

    func run() throws {
        let catalogue = try catalogueOptions.load()
        let text = query.joined(separator: " ")
        guard text.first?.isNumber != true else {
            switch catalogue.cpv.lookup(text) {
            case .failure(let error): throw ToolkitError(.badInput, error.description)
            case .success(let code): print(try describe(code, catalogue))
            }
            return
        }
        print(try search(text, catalogue))
    }

    /// The codes whose descriptions hold the words, as a table with each code's subject, or JSON.
    /// - Throws: `EncodingError` for JSON that cannot be written.
    private func search(_ text: String, _ catalogue: Catalogue) throws -> String {
        let hits = catalogue.cpv.search(text, limit: limit)
        if format == .json { return try hits.map { CPVMatchOutput($0, catalogue) }.json }
        guard !hits.isEmpty else { return "No CPV code mentions \"\(text)\"." }
        var table = TextTable(header: ["code", "description", "subject"])
        for code in hits {
            table.rows.append([code.full, code.description, catalogue.taxonomy.subject(for: code)?.subject.name ?? ""])
        }
        return table.render()
    }

    private func describe(_ code: CPVVocabulary.Code, _ catalogue: Catalogue) throws -> String {
        if format == .json { return try CPVCodeOutput(code, catalogue).json }
        let subject = catalogue.taxonomy.subject(for: code)
        var lines = ["\(code.full)  \(code.description)"]
        for (depth, ancestor) in catalogue.cpv.ancestors(of: code).dropLast().enumerated() {
            lines.append(String(repeating: "  ", count: depth + 1) + "under \(ancestor.full) \(ancestor.description)")
        }
        if let subject {
            lines.append("subject: \(subject.subject.name) (CPV \(subject.rule.prefix)…: \(subject.rule.reason))")
            if subject.subject.fallback || subject.rule.prefix.count < 3 {
                lines.append(
                    "  a division-level fallback: no finer subject is reviewed for this code, so only the division's "
                        + "general measures apply")
            }
            let natural = catalogue.taxonomy.rules(deciding: subject.subject).filter { $0.strength == .strong }
            lines.append("natural measures (never cut for weak need; `svtk subjects --subject \(subject.subject.id)`):")
            lines += natural.map { "  \($0.measure.split(separator: ":").last ?? ""): \($0.reason)" }
        }
        return lines.joined(separator: "\n")
    }
}
