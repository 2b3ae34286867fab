import ArgumentParser
import Catalogue
import Core
import Formatting
import Reports

struct SubjectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subjects",
        abstract: "List the contract subjects, their natural measures, and how much of CPV they cover.",
        discussion: """
            Each subject is a kind of contract at CPV group or class level (taxonomy/subjects.csv), filed by CPV \
            prefixes (taxonomy/cpv_subjects.csv, the longest prefix wins), with the measures that are its natural \
            social value (strong relevance: never cut for weak need) and the quantities its contracts should give. \
            --coverage reports, for each CPV division councils buy in (taxonomy/coverage_divisions.csv), the share \
            of its CPV 2008 codes that reach a subject finer than the division (a catch-all subject is a fallback, \
            not coverage). --subject shows one subject with the reason for each measure.

            Examples:
              svtk subjects
              svtk subjects --coverage
              svtk subjects --subject civil-engineering
              svtk subjects --format json
            """)

    @Flag(help: "Report the share of CPV codes covered by a subject finer than their division.")
    var coverage = false

    @Option(help: ArgumentHelp("One subject by id, with its measures and the reasons.", valueName: "id"))
    var subject: String?

    @Option(help: "Output format: table or json.")
    var format: ListingFormat = .table

    @OptionGroup var catalogueOptions: CatalogueOptions

    func run() throws {
        let catalogue = try catalogueOptions.load()
        if coverage {
            print(try coverageReport(SubjectCoverage(catalogue: catalogue)))
        } else if let subject {
            guard let found = catalogue.taxonomy.subjects.first(where: { $0.id == subject }) else {
                throw ToolkitError(setting: "subject", "unknown subject \"\(subject)\"; `svtk subjects` lists them")
            }
            let document = SubjectDocument(found, catalogue)
            print(format == .json ? try document.json : document.text)
        } else {
            let documents = catalogue.taxonomy.subjects.map { SubjectDocument($0, catalogue) }
            print(format == .json ? try documents.json : listing(documents))
        }
    }

    /// One line per subject: id, name, category, parent, prefixes and natural measures.
    func listing(_ documents: [SubjectDocument]) -> String {
        var table = TextTable(header: ["subject", "name", "category", "broader", "CPV prefixes", "natural measures"])
        for d in documents {
            table.rows.append([
                d.id + (d.fallback ? " (fallback)" : ""), d.name, d.category.value ?? "any", d.parent.value ?? "",
                d.cpvPrefixes.joined(separator: " "), d.natural.map(\.measure).joined(separator: " "),
            ])
        }
        return table.render()
    }

    /// The coverage per division and overall.
    func coverageReport(_ coverage: SubjectCoverage) throws -> String {
        if format == .json { return try CoverageDocument(coverage).json }
        var table = TextTable(header: ["division", "name", "codes", "covered", "share", "not covered, e.g."])
        for d in coverage.divisions {
            table.rows.append([
                d.division, d.name, String(d.codes), String(d.covered),
                (d.codes == 0 ? 0 : Double(d.covered) / Double(d.codes)).written(.share),
                d.examplesNotCovered.first ?? "",
            ])
        }
        let codes = coverage.divisions.map(\.codes).reduce(0, +)
        let covered = coverage.divisions.map(\.covered).reduce(0, +)
        return table.render()
            + "\n\(covered) of \(codes) CPV codes in \(coverage.divisions.count) divisions reach a subject finer than "
            + "their division: \(coverage.share.written(.share))"
    }
}
