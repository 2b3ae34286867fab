import ArgumentParser
import Catalogue
import Formatting
import Foundation
import Geography
import Loaders
import NeedsAnalysis
import Reports

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract:
            "Write a ward profile page for analysts: its needs, its indicators against the borough and England, its "
            + "equality gaps.",
        discussion: """
            Writes NAME.html (self-contained, with charts), NAME.md, NAME.json and NAME-tables/*.csv.

            Examples:
              svtk profile --area "Rotherham East" --data Datasets/demo/*.csv \\
                  --out out/rotherham-east.html
              svtk profile --area E05013010 --data Datasets/demo/*.csv \\
                  --eaap Datasets/demo/equality_action_plan_illustrative.csv
            """)

    @OptionGroup var analysisOptions: AnalysisOptions

    @Option(help: ArgumentHelp("The ward (or the borough): code or name.", valueName: "ward"))
    var area: String

    func validate() throws {
        guard !area.trimmingSpaces.isEmpty, !area.contains(",") else {
            throw ValidationError("--area takes one ward (or the borough), by code or name")
        }
    }

    @OptionGroup var equalityPlan: EqualityPlanOption
    @OptionGroup var boundariesOption: BoundariesOption

    @Option(help: ArgumentHelp("The HTML file to write (default: out/profile-<code>.html).", valueName: "file"))
    var out: String?

    func run() throws {
        try out.map { try ReportFiles(out: $0).prepare() }
        let (analysis, catalogue, _) = try analysisOptions.analysis()
        let target = try analysisOptions.selectedAreas(analysis, area)[0]
        let gaps = try equalityPlan.gaps(catalogue)
        let needs = try analysis.equalityNeeds(gaps)
        let profile = analysis.profile(for: target.code)
        let results = analysis.results(for: target.code)
        let view = analysis.boroughView()
        let maps = try boundariesOption.maps(
            analysis, view: view, delivery: target.level == .ward ? [target.code] : [],
            outlineMeaning: "this ward")
        let provenance = try ReportProvenance.gather(
            data: analysisOptions.dataFiles + [equalityPlan.eaap].compactMap { $0 },
            others: boundariesOption.inputs, dataset: analysis.dataset, catalogue: catalogue,
            options: analysisOptions.input.loadOptions(for:),
            reading: analysisOptions.unofficial.reading(catalogue))
        let change = EditionChange(analysis.dataset)
        let files = try ReportFiles(out: out ?? "out/profile-\(target.code).html").write(
            html: ProfilePage.html(
                profile, results: results, view: view, gaps: needs, maps: maps, change: change,
                provenance: provenance),
            markdown: ProfilePage.markdown(profile, results: results, change: change),
            json: try NeedProfileOutput(profile).json,
            tables: [
                (
                    "domains", ["domain", "level", "score", "note"],
                    profile.domains.map {
                        [$0.domain.id, $0.level.rawValue, $0.score.written(.preciseScore), $0.note ?? ""]
                    }
                ),
                (
                    "indicators",
                    [
                        "indicator", "name", "period", "value", "parent", "england", "significance", "rank", "of",
                        "trend", "signal",
                    ],
                    results.map { r in
                        [
                            r.indicator, r.name, r.period, r.value.written(.plain),
                            (r.parent?.value).written(.plain),
                            (r.england?.value).written(.plain), r.england?.significance95.rawValue ?? "",
                            r.rank.map(String.init) ?? "", r.rankedAmong.map(String.init) ?? "", r.trend ?? "",
                            r.signal.written(.preciseScore),
                        ]
                    }
                ),
                provenance.table,
            ])
        let top = profile.scored.prefix(3).map { "\($0.domain.name) (\($0.level))" }.joined(separator: "; ")
        print(
            "\(target.name): \(top.isEmpty ? "no domain scored" : top)\nProfile written to \(files[0]) (also "
                + "\(files.dropFirst().joined(separator: ", ")))"
        )
    }
}
