import ArgumentParser
import CSV
import Catalogue
import Formatting
import Recommender
import Reports

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract:
            "Score suppliers' social value offers: SLEVA, quantitative and qualitative scores, weighted contribution.",
        discussion: """
            Offers CSV: supplier,measure,quantity,qualitative_mark (one row per commitment; the supplier's \
            qualitative mark out of 100 on any of its rows). A commitment not connected to the subject matter, or to \
            a contract condition (the living wage, prompt payment: policy/conditions.csv), is flagged and not \
            counted; one more than 3 times the proportionate target (policy/evaluation.csv) is flagged for \
            clarification and counted. A commitment with no open proxy earns points (quantity ÷ the best offered × (1 \
            + its council priority weight)), never £0. Method: quantitative score = the SLEVA score (÷ the best SLEVA \
            × 100) and the points score (÷ the best points × 100), blended by the share of measures offered with and \
            without a proxy; qualitative = mark; social value score = 50% × each (policy/rules.csv); contribution = \
            score × the social value weighting.

            Examples:
              svtk evaluate --contract Datasets/contracts/highways_resurfacing.json \\
                  --offers Datasets/contracts/highways_offers.csv
              svtk evaluate --contract Datasets/contracts/highways_resurfacing.json \\
                  --offers Datasets/contracts/highways_offers.csv --format json
            """)

    @Option(help: ArgumentHelp("The contract profile (JSON).", valueName: "file"))
    var contract: String

    @Option(help: ArgumentHelp("The offers CSV.", valueName: "file"))
    var offers: String

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var catalogueOptions: CatalogueOptions

    func run() throws {
        let catalogue = try catalogueOptions.load()
        let evaluation = try BidEvaluation(
            offersFile: offers, contract: try ContractProfile.load(contract), catalogue: catalogue,
            policy: try Policy.load(for: catalogue))
        switch format {
        case .table: print(table(evaluation))
        case .json: print(try JSON.encoded(evaluation))
        case .csv: writeCSV(evaluation)
        }
    }

    /// One row per offer, in rank order.
    private func writeCSV(_ evaluation: BidEvaluation) {
        let writer = CSVWriter.standardOutput()
        writer.write([
            "supplier", "rank", "sleva", "quantitative_score", "qualitative_mark", "qualitative_score",
            "social_value_score", "weighted_contribution", "points",
        ])
        for o in evaluation.offers {
            writer.write([
                o.supplier, String(o.rank), o.sleva.written(.plain), o.quantitativeScore.written(.score),
                o.qualitativeMark.written(.plain), o.qualitativeScore.written(.score),
                o.socialValueScore.written(.score), o.weightedContribution.written(.score), o.points.written(.score),
            ])
        }
        writer.flush()
    }

    private func table(_ e: BidEvaluation) -> String {
        var text = TextTable(
            header: ["rank", "supplier", "SLEVA £", "quantitative", "qualitative", "social value", "contribution"],
            numeric: [0, 2, 3, 4, 5, 6])
        for o in e.offers.sorted(by: { $0.rank < $1.rank }) {
            text.rows.append([
                String(o.rank), o.supplier, o.sleva.written(.whole), o.quantitativeScore.written(.score),
                o.qualitativeScore.written(.score), o.socialValueScore.written(.score),
                o.weightedContribution.written(.score) + " / " + (e.weighting * 100).written(.plain),
            ])
        }
        var lines = [text.render(), "", "Method: \(e.method)", ""]
        for o in e.offers {
            lines.append(o.supplier)
            for c in o.commitments {
                let value =
                    c.proxyValue.map { "\(c.sleva.written(.money)) at \($0.written(.pence)) a unit" }
                    ?? "no open proxy value: \((c.points ?? 0).written(.score)) points "
                    + "(quantity ÷ best offered × weight)"
                lines.append(
                    "  \(c.measure) \(c.title): \(c.quantity.written(.quantity(c.unit))) → "
                        + (c.counted ? value + (c.flag.map { "; \($0)" } ?? "") : "NOT COUNTED, \(c.flag ?? "")"))
            }
        }
        return lines.joined(separator: "\n")
    }
}
