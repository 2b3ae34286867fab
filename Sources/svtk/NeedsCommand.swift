import ArgumentParser
import CSV
import Evidence
import NeedsAnalysis
import Reports

struct NeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "Rank local needs by domain for the borough and its wards, with the figures behind each.",
        discussion: """
            Each indicator's latest figure is compared with its parent area, England (significance from 95% and 99.8% \
            confidence intervals, as Fingertips judges it) and its sibling areas (rank, quintile, z-score), with its \
            trend; polarity comes from the taxonomy or the source. Indicators feed need domains through the taxonomy; \
            a domain's score is the higher of the mean local signal of its indicators (against sibling areas) and the \
            mean national one (IoD national deciles, comparisons with England), positive = worse: 1 or more is high \
            need (Datasets/policy/need_bands.csv). A domain with no data says so.

            Examples:
              svtk needs --data Datasets/demo/*.csv
              svtk needs --data Datasets/demo/*.csv --areas "Rotherham East,Wath" --top 5
              svtk needs --data Datasets/demo/fingertips_rotherham.csv \\
                  Datasets/demo/census2021_ts045_lsoa_rotherham.csv \\
                  Datasets/demo/lookup_lsoa21_ward22_rotherham.csv \\
                  --authority E08000018 --format json
            """)

    @OptionGroup var analysisOptions: AnalysisOptions

    @Option(
        help: ArgumentHelp(
            "Areas to show, comma-separated codes or names (default: the borough and its wards).",
            valueName: "areas"))
    var areas: String?

    @Option(help: "Domains to show per area, 1 or more (all with --format json|csv).")
    var top = 3

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be 1 or more, not \(top)") }
    }

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    func run() throws {
        try reportingInputErrors {
            let (analysis, _, _) = try analysisOptions.analysis()
            let selected = try analysisOptions.selectedAreas(analysis, areas)
            let profiles = selected.map { analysis.profile(for: $0.code) }
            switch format {
            case .json:
                print(
                    JSON.array(profiles.map(NeedsJSON.profile)).replacingOccurrences(
                        of: "}]}, {\"area\"", with: "}]},\n{\"area\""))
            case .csv: writeCSV(profiles)
            case .table:
                var sections = profiles.map(table)
                if areas == nil { sections.append(standouts(analysis.boroughView())) }
                print(sections.joined(separator: "\n\n"))
            }
        }
    }

    private func table(_ profile: NeedProfile) -> String {
        var lines = ["\(profile.area.name) (\(profile.area.code), \(profile.area.level.rawValue))"]
        let scored = profile.scored
        if scored.isEmpty { lines.append("  no domain can be scored from the data for this area") }
        for domain in scored.prefix(top) {
            lines.append("  \(domain.domain.name): \(domain.level), score \(String(format: "%.2f", domain.score!))")
            for evidence in domain.evidence.prefix(3) {
                lines.append(
                    "    - \(evidence.result.name): \(evidence.result.summary) [\(evidence.result.signalBasis)]")
            }
        }
        let noData = profile.domains.filter { $0.score == nil }.map(\.domain.name)
        if !noData.isEmpty { lines.append("  no data: \(noData.joined(separator: "; "))") }
        return lines.joined(separator: "\n")
    }

    private func standouts(_ view: BoroughView) -> String {
        var lines = ["Wards standing out (domain score 1 or more among \(view.wardProfiles.count) wards)"]
        for standout in view.standouts where !standout.wards.isEmpty {
            lines.append(
                "  \(standout.domain.name): "
                    + standout.wards.map {
                        "\($0.ward.name) \(String(format: "%.1f", $0.score))"
                    }.joined(separator: ", "))
        }
        if lines.count == 1 { lines.append("  none") }
        return lines.joined(separator: "\n")
    }

    private func writeCSV(_ profiles: [NeedProfile]) {
        let writer = CSVWriter.standardOutput()
        writer.write([
            "area_code", "area_name", "domain", "domain_score", "level", "indicator_id", "indicator_name", "period",
            "value", "unit", "england", "significance_vs_england", "parent", "rank", "ranked_among", "z_score",
            "trend", "signal", "signal_basis", "link_reason",
        ])
        for profile in profiles {
            for domain in profile.domains {
                if domain.evidence.isEmpty {
                    writer.write(
                        [profile.area.code, profile.area.name, domain.domain.id, "", domain.level]
                            + Array(repeating: "", count: 14)
                            + [domain.note ?? ""])
                }
                for e in domain.evidence {
                    let r = e.result
                    writer.write([
                        profile.area.code, profile.area.name, domain.domain.id,
                        domain.score.map { String(format: "%.4f", $0) } ?? "", domain.level, r.indicator, r.name,
                        r.period, formatNumber(r.value), r.unit, formatNumber(r.england?.value),
                        r.england?.significance95.rawValue ?? "", formatNumber(r.parent?.value),
                        r.rank.map(String.init) ?? "", r.rankedAmong.map(String.init) ?? "",
                        r.zScore.map { String(format: "%.4f", $0) } ?? "", r.trend ?? "",
                        r.signal.map { String(format: "%.4f", $0) } ?? "", r.signalBasis, e.reason,
                    ])
                }
            }
        }
        writer.flush()
    }
}

/// Need profiles as JSON.
enum NeedsJSON {
    static func result(_ r: IndicatorResult) -> String {
        func comparison(_ c: Comparison?) -> String {
            guard let c else { return "null" }
            return JSON.object([
                ("area", JSON.string(c.area)), ("name", JSON.string(c.name)), ("value", JSON.number(c.value)),
                ("difference", JSON.number(c.difference)), ("ratio", JSON.number(c.ratio)),
                ("significance95", JSON.string(c.significance95.rawValue)),
                ("significance998", JSON.string(c.significance998.rawValue)),
            ])
        }
        return JSON.object([
            ("indicator", JSON.string(r.indicator)), ("name", JSON.string(r.name)), ("unit", JSON.string(r.unit)),
            ("polarity", JSON.string(r.polarity.rawValue)), ("period", JSON.string(r.period)),
            ("breakdown", JSON.string(r.breakdown)), ("value", JSON.number(r.value)),
            ("lower95", JSON.number(r.lower95)), ("upper95", JSON.number(r.upper95)),
            ("parent", comparison(r.parent)), ("england", comparison(r.england)),
            ("rank", r.rank.map(String.init) ?? "null"), ("rankedAmong", r.rankedAmong.map(String.init) ?? "null"),
            ("quintile", r.quintile.map(String.init) ?? "null"), ("zScore", JSON.number(r.zScore)),
            ("siblings", JSON.optionalString(r.siblings)), ("trend", JSON.optionalString(r.trend)),
            ("signal", JSON.number(r.signal)), ("signalBasis", JSON.string(r.signalBasis)),
            ("nationalSignal", JSON.number(r.nationalSignal)), ("nationalBasis", JSON.optionalString(r.nationalBasis)),
            ("source", JSON.string(r.source)),
        ])
    }

    static func domain(_ d: DomainScore) -> String {
        JSON.object([
            ("domain", JSON.string(d.domain.id)), ("name", JSON.string(d.domain.name)), ("score", JSON.number(d.score)),
            ("level", JSON.string(d.level)), ("note", JSON.optionalString(d.note)),
            (
                "evidence",
                JSON.array(
                    d.evidence.map {
                        JSON.object([("reason", JSON.string($0.reason)), ("figures", result($0.result))])
                    })
            ),
            (
                "context",
                JSON.array(
                    d.context.map { JSON.object([("reason", JSON.string($0.reason)), ("figures", result($0.result))]) })
            ),
        ])
    }

    static func profile(_ p: NeedProfile) -> String {
        JSON.object([
            (
                "area",
                JSON.object([
                    ("code", JSON.string(p.area.code)), ("name", JSON.string(p.area.name)),
                    ("level", JSON.string(p.area.level.rawValue)),
                ])
            ),
            ("domains", JSON.array(p.domains.map(domain))),
        ])
    }
}
