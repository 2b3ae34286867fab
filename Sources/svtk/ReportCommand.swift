import ArgumentParser
import Catalogue
import CSV
import Foundation
import Loaders
import NeedsAnalysis
import Recommender
import Reports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the recommendation for a contract as a self-contained HTML report, with Markdown, JSON and CSV tables.",
        discussion: """
            The HTML page needs no network: the contract and the rules that apply, the recommended measures with targets, proxy values, SLEVA and the evidence behind each, the excluded measures, and SVG charts (ward needs by domain as a heat map, the first delivery area's indicators against its parent and England with confidence intervals, SLEVA by theme). Beside it: NAME.md, NAME.json and NAME-tables/*.csv. A short summary is printed.

            Examples:
              svtk report --contract Datasets/contracts/highways_resurfacing.json \\
                  --data Datasets/demo/*.csv \\
                  --eaap Datasets/demo/equality_action_plan_illustrative.csv \\
                  --out out/highways.html
            """)

    @OptionGroup var analysisOptions: AnalysisOptions
    @OptionGroup var contractOptions: ContractOptions

    @OptionGroup var equalityPlan: EqualityPlanOption

    @Option(help: ArgumentHelp("The HTML file to write (default: out/<contract>.html).", valueName: "file"))
    var out: String?

    func run() throws {
        try reportingInputErrors {
            let name = contractOptions.contract.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "recommendation"
            let output = ReportFiles(out: out ?? "out/\(name).html")
            try output.prepare()
            let (analysis, catalogue, notes) = try analysisOptions.analysis()
            let gaps = try equalityPlan.gaps(catalogue)
            let recommender = Recommender(catalogue: catalogue, policy: try Policy.load(for: catalogue), analysis: analysis, equalityGaps: gaps)
            let profile = try contractOptions.profile()
            let r = try contractOptions.namingOptions {
                try recommender.recommend(profile, file: contractOptions.contract ?? "flags", notes: notes)
            }
            let view = analysis.boroughView()
            let firstArea = try recommender.deliveryAreas(profile) { field, message in InputError(file: "contract", "\(field): \(message)") }
                .first { $0.level == .ward } ?? analysis.borough
            let results = analysis.results(for: firstArea.code).sorted { ($0.signal ?? -9, $1.indicator) > ($1.signal ?? -9, $0.indicator) }
            let page = RecommendationPage.html(r, view: view, area: analysis.profile(for: firstArea.code), areaResults: results)
            let files = try output.write(
                html: page, markdown: RecommendationText.markdown(r), json: RecommendationText.json(r),
                tables: RecommendationPage.tables(r, view: view))
            var summary = ["\(r.contract.title): £\(formatNumber(r.contract.value).grouped), \(r.rules.commitments == "formal" ? "formal commitments" : "aspirations only")"
                           + (r.rules.qualitativeEvidence.map { ", \($0)" } ?? "")
                           + ", Real Living Wage \(r.rules.realLivingWage.inScope.map { $0 ? "in scope" : "not in scope" } ?? "not decided")"]
            summary += r.measures.prefix(5).map { "  \($0.rank). \($0.ref) \($0.title): \(formatNumber($0.target.quantity)) \($0.unit)"
                + ($0.sleva.map { ", SLEVA £\(formatNumber($0).grouped)" } ?? "") }
            if r.measures.count > 5 { summary.append("  … and \(r.measures.count - 5) more; \(r.excluded.count) excluded with reasons") }
            summary.append("  total SLEVA £\(formatNumber(r.totalSleva).grouped)")
            summary.append("Report written to \(files[0]) (also \(files.dropFirst().joined(separator: ", ")))")
            print(summary.joined(separator: "\n"))
        }
    }
}
