import ArgumentParser
import CSV
import Evidence
import Formatting
import NeedsAnalysis

struct NeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "Rank local needs by domain for the borough and its wards, with the figures behind each.",
        discussion: """
            Each indicator's latest figure is compared with its parent area, England (significance from 95% and 99.8% \
            confidence intervals, as Fingertips judges it) and its sibling areas (rank, quintile, z-score; where they \
            are fewer than 5, every area of that kind in the region), with its trend; polarity comes from the \
            taxonomy or the source. Indicators feed need domains through the taxonomy; a domain's score is the higher \
            of the mean local signal of its indicators (against sibling areas) and the mean national one (IoD \
            national deciles; an authority's rank among England's in File 10, as the decile it falls in, \
            Datasets/policy/national_ranks.csv; comparisons with England), positive = worse: 1 or more is high need \
            (Datasets/policy/need_bands.csv); its evidence is listed in the order of the signal that decided it. A \
            domain with no data says so. The same figure in two files is counted once; where they give it different \
            values, the first file's is kept and a note counts them. --format csv gives each indicator's local and \
            national signal with its basis.

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
        let (analysis, _, _) = try analysisOptions.analysis()
        let selected = try analysisOptions.selectedAreas(analysis, areas)
        let profiles = selected.map { analysis.profile(for: $0.code) }
        switch format {
        case .json:
            print(try profiles.map(NeedProfileOutput.init).json)
        case .csv: writeCSV(profiles)
        case .table:
            var sections = profiles.map(table)
            if areas == nil { sections.append(standouts(analysis.boroughView())) }
            print(sections.joined(separator: "\n\n"))
        }
    }

    private func table(_ profile: NeedProfile) -> String {
        var lines = ["\(profile.area.name) (\(profile.area.code), \(profile.area.level.rawValue))"]
        let scored = profile.scored
        if scored.isEmpty { lines.append("  no domain can be scored from the data for this area") }
        for domain in scored.prefix(top) {
            lines.append("  \(domain.domain.name): \(domain.level), score \(domain.score.written(.score))")
            for evidence in domain.evidence.prefix(3) {
                lines.append(
                    "    - \(evidence.result.name): \(evidence.result.summary) [\(evidence.result.signalBasis)]")
            }
        }
        let unscored = profile.domains.filter { $0.score == nil }
        let noData = unscored.filter(\.context.isEmpty).map(\.domain.name)
        let contextOnly = unscored.filter { !$0.context.isEmpty }.map { "\($0.domain.name) (\($0.context.count))" }
        if !contextOnly.isEmpty {
            lines.append("  only context figures (no better or worse): \(contextOnly.joined(separator: "; "))")
        }
        if !noData.isEmpty { lines.append("  no data: \(noData.joined(separator: "; "))") }
        return lines.joined(separator: "\n")
    }

    private func standouts(_ view: BoroughView) -> String {
        var lines = ["Wards standing out (domain score 1 or more among \(view.wardProfiles.count) wards)"]
        for standout in view.standouts where !standout.wards.isEmpty {
            lines.append(
                "  \(standout.domain.name): "
                    + standout.wards.map {
                        "\($0.ward.name) \($0.score.written(.shortScore))"
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
            "trend", "signal", "signal_basis", "national_signal", "national_basis", "link_reason",
        ])
        for profile in profiles {
            for domain in profile.domains {
                if domain.evidence.isEmpty {
                    writer.write(
                        [profile.area.code, profile.area.name, domain.domain.id, "", domain.level.rawValue]
                            + Array(repeating: "", count: 16)
                            + [domain.note ?? ""])
                }
                for e in domain.evidence {
                    let r = e.result
                    writer.write([
                        profile.area.code, profile.area.name, domain.domain.id,
                        domain.score.written(.preciseScore), domain.level.rawValue, r.indicator, r.name,
                        r.period, r.value.written(.plain), r.unit, (r.england?.value).written(.plain),
                        r.england?.significance95.rawValue ?? "", (r.parent?.value).written(.plain),
                        r.rank.map(String.init) ?? "", r.rankedAmong.map(String.init) ?? "",
                        r.zScore.written(.preciseScore), r.trend ?? "",
                        r.signal.written(.preciseScore), r.signalBasis, r.nationalSignal.written(.preciseScore),
                        r.nationalBasis ?? "", e.reason,
                    ])
                }
            }
        }
        writer.flush()
    }
}
