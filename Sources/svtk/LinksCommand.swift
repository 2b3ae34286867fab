import ArgumentParser
import CSV
import Catalogue
import Core
import Evidence
import Formatting
import Loaders
import NeedsAnalysis
import Recommender

struct LinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Link local needs and equality gaps to the measures that answer them, and say why.",
        discussion: """
            Every need at or above --minimum-score (by default the score at which a measure answers a need, \
            policy/need_bands.csv answers_need_from: 0.5) in the chosen areas, and every equality \
            gap of the action plan, is linked through the taxonomy to the framework's measures. Each link shows its \
            chain: indicator figures → need domain → outcome → measure, with the reason. Query by --measure ("which \
            local needs does J2 answer here?"), --domain or --characteristic.

            Examples:
              svtk links --data Datasets/demo/*.csv \\
                  --eaap Datasets/demo/equality_action_plan_illustrative.csv
              svtk links --data Datasets/demo/*.csv --measure J2
              svtk links --data Datasets/demo/*.csv --framework council \\
                  --areas "Rotherham East" --format json
            """)

    @OptionGroup var analysisOptions: AnalysisOptions

    @Option(
        help: ArgumentHelp(
            "Areas to show, comma-separated codes or names (default: the borough and its wards).",
            valueName: "areas"))
    var areas: String?

    @OptionGroup var equalityPlan: EqualityPlanOption

    @Option(help: "Framework whose measures to link (open, council, government, …).")
    var framework = "open"

    @Option(help: ArgumentHelp("Only links to this measure.", valueName: "ref"))
    var measure: String?

    @Option(help: ArgumentHelp("Only links from this need domain (id, e.g. worklessness).", valueName: "id"))
    var domain: String?

    @Option(help: ArgumentHelp("Only equality gaps of this protected characteristic.", valueName: "name"))
    var characteristic: String?

    @Option(help: "Lowest domain score linked (1 = high need; default: the policy's answers_need_from).")
    var minimumScore: Figure?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let (analysis, catalogue, _) = try analysisOptions.analysis()
        try checkChoices(catalogue)
        let needs = try analysis.equalityNeeds(try equalityPlan.gaps(catalogue))
        let index = NeedIndex(
            catalogue: catalogue, framework: framework,
            profiles: try analysisOptions.selectedAreas(analysis, areas).map { analysis.profile(for: $0.code) },
            equalityNeeds: needs, minimumScore: minimumScore?.value ?? catalogue.needBands.answersNeedFrom)
        let (links, gapLinks) = chosen(index, catalogue)
        switch format {
        case .table: print(table(links, gapLinks, needs))
        case .json: print(try LinksDocument(framework: framework, needs: links, equalityGaps: gapLinks).json)
        case .csv: writeCSV(links, gapLinks)
        }
    }

    /// Checks that the framework and the measure asked for exist.
    /// - Throws: a `notFound` ``ToolkitError`` naming the option.
    private func checkChoices(_ catalogue: Catalogue) throws {
        if let problem = catalogue.unknownFramework(framework) {
            throw ToolkitError(.notFound, setting: "framework", problem)
        }
        if let measure, catalogue.measure(measure, framework: framework) == nil {
            throw ToolkitError(
                .notFound, setting: "measure",
                "no measure \"\(measure)\" in the \(framework) framework; "
                    + "`svtk measures --framework \(framework)` lists them"
            )
        }
    }

    /// The need and gap links the options choose: of one measure, one need domain or one characteristic (whose
    /// choice leaves out need links), or all.
    private func chosen(_ index: NeedIndex, _ catalogue: Catalogue) -> ([NeedLink], [GapLink]) {
        var links = index.needLinks
        if let measure {
            links = index.links(measure: catalogue.measure(measure, framework: framework)?.key ?? measure)
        }
        if let domain { links = links.filter { $0.domain.id == domain } }
        var gapLinks =
            characteristic.map { c in
                index.gapLinks(characteristic: catalogue.taxonomy.characteristics.canonical(c) ?? c)
            } ?? index.gapLinks
        if let measure { gapLinks = gapLinks.filter { $0.measure.ref == measure || $0.measure.key == measure } }
        return (characteristic == nil ? links : [], gapLinks)
    }

    /// One row per link, needs first.
    private func writeCSV(_ links: [NeedLink], _ gapLinks: [GapLink]) {
        let writer = CSVWriter.standardOutput()
        writer.write([
            "kind", "area_or_gap", "need_or_characteristic", "score", "measure", "measure_title", "reason", "chain",
        ])
        for l in links {
            writer.write([
                "need", l.area.name, l.domain.id, l.score.written(.preciseScore), l.measure.key, l.measure.title,
                l.reason, l.chain,
            ])
        }
        for g in gapLinks {
            writer.write([
                "equality gap", g.need.gap.action, g.characteristic, "", g.measure.key, g.measure.title, g.reason,
                g.chain,
            ])
        }
        writer.flush()
    }

    private func table(_ links: [NeedLink], _ gapLinks: [GapLink], _ needs: [EqualityNeed]) -> String {
        var lines: [String] = []
        let byArea = Dictionary(grouping: links) { $0.area.code }
        for code in byArea.keys.sorted(by: { (byArea[$0]!.first!.area.level, $0) > (byArea[$1]!.first!.area.level, $1) }
        ) {
            let areaLinks = byArea[code]!
            lines.append("\(areaLinks[0].area.name) (\(code))")
            for (domainID, domainLinks) in Dictionary(grouping: areaLinks, by: { $0.domain.id })
                .sorted(by: { $0.value[0].score > $1.value[0].score })
            {
                let first = domainLinks[0]
                lines.append("  \(first.domain.name): \(first.level), score \(first.score.written(.score))")
                if let e = first.evidence.first { lines.append("    evidence: \(e.result.name): \(e.result.summary)") }
                for link in domainLinks {
                    lines.append("    → \(link.measure.ref) \(link.measure.title): \(link.reason)")
                }
                _ = domainID
            }
        }
        if links.isEmpty && characteristic == nil {
            lines.append("No need at or above the minimum score links to a measure here.")
        }
        if !gapLinks.isEmpty {
            lines.append("")
            lines.append("Equality gaps")
            for (action, group) in Dictionary(grouping: gapLinks, by: { $0.need.gap.action }).sorted(by: {
                $0.key < $1.key
            }) {
                let need = group[0].need
                lines.append(
                    "  \(action) [\(need.gap.characteristics.joined(separator: ", ")); "
                        + "\(need.places.map(\.name).joined(separator: ", "))]")
                for size in need.groupSizes.prefix(4) {
                    lines.append(
                        "    group: \(size.area.name): \(size.name) "
                            + "\(size.value.written(.statistic(decimals: 1)))\(size.unit == "%" ? "%" : "")"
                    )
                }
                if !need.missing.isEmpty {
                    lines.append("    group size: no figures loaded for \(need.missing.joined(separator: ", "))")
                }
                for link in group { lines.append("    → \(link.measure.ref) \(link.measure.title): \(link.reason)") }
            }
        }
        return lines.joined(separator: "\n")
    }
}
