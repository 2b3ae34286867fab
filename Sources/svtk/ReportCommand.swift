import ArgumentParser
import Formatting
import Foundation
import Recommender
import Reports
import Toolkit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Write the recommendation for a contract as a self-contained HTML report, with Markdown, JSON and CSV "
            + "tables.",
        discussion: """
            The HTML page needs no network and opens with the answer: the measures with targets and value, the rules \
            that bind and where the contract is delivered. Then the reasoning for each measure, local needs (ward \
            maps of deprivation and of the needs the measures answer, drawn from --boundaries or the demo borough's \
            shipped boundaries; a heat map; the delivery area's or, for a borough-wide contract, the borough's \
            indicators against England), the rules and conditions, the excluded measures with reasons, and the method \
            with the provenance: when, by which svtk, from which files (size, SHA-256, periods). It prints on A4. \
            Beside it: NAME.md, NAME.json, NAME.docx (the social value section of a tender pack), NAME.xlsx (every \
            table) and NAME-tables/*.csv (with a byte-order mark, for Excel). A short summary is printed.

            Examples:
              svtk report --contract Datasets/contracts/highways_resurfacing.json \\
                  --data Datasets/demo/*.csv \\
                  --eaap Datasets/demo/equality_action_plan_illustrative.csv \\
                  --out out/highways.html
            """)

    @OptionGroup var analysisOptions: AnalysisOptions
    @OptionGroup var contractOptions: ContractOptions

    @OptionGroup var equalityPlan: EqualityPlanOption
    @OptionGroup var boundariesOption: BoundariesOption

    @Option(help: ArgumentHelp("The HTML file to write (default: out/<contract>.html).", valueName: "file"))
    var out: String?

    func run() throws {
        let output = ReportFiles(out: out ?? "out/\(contractOptions.name).html")
        try output.prepare()
        let catalogue = try analysisOptions.catalogueOptions.load()
        let contract = try contractOptions.checkedContract(catalogue)
        let borough = try analysisOptions.borough(
            catalogue, actionPlan: equalityPlan.eaap, boundaries: boundariesOption.boundaries)
        let r = try contractOptions.namingOptions { try borough.recommend(contract) }
        let files = try output.write(try borough.report(r, contract: contractOptions.contract))
        print(Self.summary(r, files: files))
    }

    /// What the terminal shows: the rules in a line, the first measures, the total and where the files are.
    static func summary(_ r: Recommendation, files: [String]) -> String {
        var lines = [
            "\(r.contract.title): \(r.contract.value.written(.money)), "
                + "\(r.rules.commitments == .formal ? "formal commitments" : "aspirations only")"
                + (r.rules.qualitativeEvidence.map { ", \($0)" } ?? "")
                + ", \(r.rules.realLivingWage.wage.name) "
                + (r.rules.realLivingWage.inScope.map { $0 ? "in scope" : "not in scope" } ?? "not decided")
        ]
        lines += r.measures.prefix(5).map {
            "  \($0.rank). \($0.ref) \($0.title): \($0.target.quantity.written(.quantity($0.unit)))"
                + ($0.sleva.map { ", SLEVA \($0.written(.money))" } ?? "")
        }
        if r.measures.count > 5 {
            lines.append("  … and \(r.measures.count - 5) more; \(r.excluded.count) excluded with reasons")
        }
        lines.append("  total SLEVA \(r.totalSleva.written(.money))")
        lines.append("Report written to \(files[0]) (also \(files.dropFirst().joined(separator: ", ")))")
        return lines.joined(separator: "\n")
    }
}
