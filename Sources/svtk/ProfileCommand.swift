import ArgumentParser
import Catalogue
import Core
import Formatting
import Foundation
import Geography
import Loaders
import NeedsAnalysis
import Reports
import Toolkit

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
        let catalogue = try analysisOptions.catalogueOptions.load()
        let borough = try analysisOptions.borough(
            catalogue, actionPlan: equalityPlan.eaap, boundaries: boundariesOption.boundaries)
        let ward = borough.profile(of: try borough.analysis.area(area.trimmingSpaces, setting: "area"))
        let files = try ReportFiles(out: out ?? "out/profile-\(ward.area.code).html").write(
            html: ward.html, markdown: ward.markdown, json: try NeedProfileOutput(ward.profile).json,
            tables: ward.tables)
        let top = ward.profile.scored.prefix(3).map { "\($0.domain.name) (\($0.level))" }.joined(separator: "; ")
        print(
            "\(ward.area.name): \(top.isEmpty ? "no domain scored" : top)\nProfile written to \(files[0]) (also "
                + "\(files.dropFirst().joined(separator: ", ")))"
        )
    }
}
