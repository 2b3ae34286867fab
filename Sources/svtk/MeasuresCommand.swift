import ArgumentParser
import CSV
import Catalogue
import Core
import Formatting
import Reports

struct MeasuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "Browse the measure frameworks: the open catalogue, the council's framework, the government model.",
        subcommands: [MeasuresListCommand.self, MeasuresShowCommand.self],
        defaultSubcommand: MeasuresListCommand.self)
}

struct MeasuresListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List measures, filtered by framework, theme or words (the default of `svtk measures`).",
        discussion: """
            Frameworks: open (the open measure catalogue, the default), council (the council's framework, \
            reconstructed), government (the UK Government Social Value Model), or any framework your own --catalogue \
            folder defines.

            Examples:
              svtk measures
              svtk measures --framework council --theme Jobs
              svtk measures --search apprentice --format csv
              svtk measures --catalogue Datasets --framework council
            """)

    @Option(help: "Framework id (open, council, government, …).")
    var framework = "open"

    @Option(help: "Only this theme (e.g. Jobs, Growth, Social, Environment, Innovation).")
    var theme: String?

    @Option(
        help: ArgumentHelp(
            "Only measures whose reference, title, description or outcome contains these words.",
            valueName: "text"))
    var search: String?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var catalogueOptions: CatalogueOptions

    func run() throws {
        let catalogue = try catalogueOptions.load()
        if let problem = catalogue.unknownFramework(framework) {
            throw ToolkitError(.notFound, setting: "framework", problem)
        }
        let measures = chosen(catalogue)
        switch format {
        case .table: print(table(measures, catalogue))
        case .json: print(try measures.map { MeasureOutput($0, catalogue) }.json)
        case .csv: writeCSV(measures, catalogue)
        }
    }

    /// The framework's measures of the theme asked for, holding every word searched for.
    private func chosen(_ catalogue: Catalogue) -> [Measure] {
        let words = (search ?? "").lowercased().split(separator: " ").map(String.init)
        return catalogue.measures(in: framework).filter { m in
            (theme.map { m.theme.caseInsensitiveCompare($0) == .orderedSame } ?? true)
                && words.allSatisfy { w in
                    [m.ref, m.title, m.description, m.outcome].contains { $0.lowercased().contains(w) }
                }
        }
    }

    /// One row per measure, with its open proxy value.
    private func writeCSV(_ measures: [Measure], _ catalogue: Catalogue) {
        let writer = CSVWriter.standardOutput()
        writer.write([
            "ref", "framework", "theme", "outcome", "title", "unit", "categories", "toms_ref", "proxy_gbp",
            "proxy_unit", "price_year",
        ])
        for m in measures {
            let proxy = catalogue.proxy(for: m)
            writer.write([
                m.ref, m.framework, m.theme, m.outcome, m.title, m.unit,
                m.categories.map(\.rawValue).joined(separator: ";"), m.tomsReference ?? "",
                (proxy?.value).written(.plain), proxy?.unit ?? "", proxy?.priceYear ?? "",
            ])
        }
        writer.flush()
    }

    private func table(_ measures: [Measure], _ catalogue: Catalogue) -> String {
        var text = TextTable(header: ["ref", "theme", "title", "unit", "proxy £", "TOMs"], numeric: [4])
        for m in measures {
            text.rows.append([
                m.ref, m.theme, m.title.count > 70 ? String(m.title.prefix(69)) + "…" : m.title, m.unit,
                catalogue.proxy(for: m).map { (($0.value * 100).rounded() / 100).written(.plain) } ?? "—",
                m.tomsReference ?? "",
            ])
        }
        let name = catalogue.frameworks.first { $0.id == framework }!.name
        return "\(name): \(measures.count) measure(s)\n" + text.render()
            + "\n\n— no open proxy value is sourced for this measure; `svtk measures show REF` for details"
    }
}

struct MeasuresShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract:
            "Everything about one measure: its wording, unit, proxy value and working, needs, characteristics and "
            + "relevance.",
        discussion: """
            Examples:
              svtk measures show J2
              svtk measures show council:RJ1
              svtk measures show PPN06/20-MAC5.1 --format json
            """)

    @Argument(help: ArgumentHelp("The measure reference, optionally framework:ref.", valueName: "ref"))
    var reference: String

    @Option(help: "Output format: table or json.")
    var format: ListingFormat = .table

    @OptionGroup var catalogueOptions: CatalogueOptions

    func run() throws {
        let catalogue = try catalogueOptions.load()
        guard let m = catalogue.measure(reference) else {
            throw ToolkitError(.notFound, "no measure \"\(reference)\"; `svtk measures --search WORDS` finds one")
        }
        if format == .json {
            print(try MeasureOutput(m, catalogue, detailed: true).json)
            return
        }
        let lines = wordingLines(m) + proxyLines(m, catalogue) + linkLines(m, catalogue)
        print(lines.joined(separator: "\n"))
    }

    /// The measure's key and title, then its theme, outcome, description, unit, contract categories and, where it
    /// has them, its TOMs reference, the open measure it is based on and its status, then its source.
    private func wordingLines(_ m: Measure) -> [String] {
        var lines = [
            "\(m.key)  \(m.title)", "", "  theme        \(m.theme)", "  outcome      \(m.outcome)",
            "  description  \(m.description)", "  unit         \(m.unit)",
            "  contracts    \(m.categories.map(\.rawValue).joined(separator: ", "))",
        ]
        if let toms = m.tomsReference { lines.append("  TOMs         \(toms)") }
        if let base = m.basedOn { lines.append("  based on     open:\(base)") }
        if !m.status.isEmpty { lines.append("  status       \(m.status)") }
        lines.append("  source       \(m.source)")
        return lines
    }

    /// The measure's open proxy value with its basis, formula, working and each input with its source; or that no
    /// open figure supports one.
    private func proxyLines(_ m: Measure, _ catalogue: Catalogue) -> [String] {
        guard let proxy = catalogue.proxy(for: m) else {
            return ["", "Open proxy value: none. No open government figure supports one, so none is invented."]
        }
        var lines = [
            "",
            "Open proxy value: \(proxy.value.written(.pence)) \(proxy.unit) "
                + "(\(proxy.priceYear) prices)",
            "  \(proxy.basis)", "  \(proxy.formula)", "  = \(proxy.working)",
        ]
        for input in proxy.inputs {
            let v = catalogue.openValues[input]!
            lines.append(
                "  \(input): \(v.quantity), \(v.value.written(.plain)) \(v.unit), \(v.priceYear). "
                    + "\(v.sourceTitle)"
            )
        }
        return lines
    }

    /// What the taxonomy links the measure to: the needs it answers, the equality groups it serves and its
    /// relevance to contract subjects, each with the reason, or `(none)`.
    private func linkLines(_ m: Measure, _ catalogue: Catalogue) -> [String] {
        let key = catalogue.linkKey(m)
        let domains = catalogue.taxonomy.domainLinks(to: key)
        var lines: [String] =
            ["", "Answers these needs:"]
            + (domains.isEmpty
                ? ["  (none)"]
                : domains.map {
                    "  \(catalogue.taxonomy.domain($0.from)?.name ?? $0.from): \($0.reason)"
                })
        let groups = catalogue.taxonomy.characteristicLinks(to: key)
        lines +=
            ["", "Equality groups:"] + (groups.isEmpty ? ["  (none)"] : groups.map { "  \($0.from): \($0.reason)" })
        let rules = catalogue.taxonomy.relevanceRules.filter { $0.measure == key }
        lines +=
            ["", "Relevance to contract subjects:"]
            + (rules.isEmpty
                ? ["  (none)"]
                : rules.map { rule in
                    let name = catalogue.taxonomy.subjects.first { $0.id == rule.subject }?.name ?? rule.subject
                    return
                        "  \(rule.strength.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(name): "
                        + "\(rule.reason)"
                })
        return lines
    }
}
