import ArgumentParser
import CSV
import Catalogue
import Formatting
import Recommender
import Reports

struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract:
            "Track delivery of social value commitments against quarterly returns: progress, RAG, shortfall, forecast.",
        discussion: """
            Commitments CSV: measure,quantity. Returns CSV: quarter,measure,delivered (quarter 1…n or Q1…Qn; an \
            evidence column may follow). A flow (hires, hours, weeks, tonnes) is due pro rata over the contract's \
            quarters and its returns add up; a level (a headcount in FTE, workers covered, vehicles in use, a share) \
            is compared at its latest quarter with the whole commitment, never summed (catalogues/units.csv says which \
            each unit is). RAG compares delivered with due to date (green from 95%, amber from 70%: \
            policy/monitoring.csv); the forecast extends the run rate to the contract's end (a level stays as it is). \
            A return of a figure without evidence is flagged and not counted as delivered. A contract condition (the \
            living wage) is PASS or FAIL and never valued. Aspirations are reported without cost recovery.

            Examples:
              svtk monitor --contract Datasets/contracts/highways_resurfacing.json \\
                  --commitments Datasets/contracts/highways_commitments.csv \\
                  --returns Datasets/contracts/highways_returns.csv
            """)

    @Option(help: ArgumentHelp("The contract profile (JSON).", valueName: "file"))
    var contract: String

    @Option(help: ArgumentHelp("The supplier's commitments (CSV: measure,quantity).", valueName: "file"))
    var commitments: String

    @Option(help: ArgumentHelp("Quarterly delivery returns (CSV: quarter,measure,delivered).", valueName: "file"))
    var returns: String

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var catalogueOptions: CatalogueOptions

    func run() throws {
        let catalogue = try catalogueOptions.load()
        let m = try DeliveryMonitoring(
            contract: try ContractProfile.load(contract), commitments: commitments, returns: returns,
            catalogue: catalogue, policy: try Policy.load(for: catalogue))
        switch format {
        case .csv: writeCSV(m)
        case .json: print(try JSON.encoded(m))
        case .table: print(table(m))
        }
    }

    /// One row per commitment.
    private func writeCSV(_ m: DeliveryMonitoring) {
        let writer = CSVWriter.standardOutput()
        writer.write([
            "measure", "title", "unit", "committed", "delivered", "due_to_date", "progress", "status", "shortfall",
            "forecast", "value_committed", "value_delivered", "measured", "without_evidence",
        ])
        for l in m.lines {
            writer.write([
                l.measure, l.title, l.unit, l.committed.written(.plain), l.delivered.written(.plain),
                l.dueToDate.written(.plain), l.progress.written(.wholeShare), l.status.rawValue,
                l.shortfall.written(.plain), l.forecast.written(.plain), l.valueCommitted.written(.plain),
                l.valueDelivered.written(.plain), l.measured, l.unevidenced.joined(separator: "; "),
            ])
        }
        writer.flush()
    }

    /// The quarter, a row per commitment with its RAG status, the value delivered, and returns without evidence.
    private func table(_ m: DeliveryMonitoring) -> String {
        var text = TextTable(
            header: ["measure", "committed", "delivered", "due", "progress", "RAG", "shortfall", "forecast"],
            numeric: [1, 2, 3, 4, 6, 7])
        for l in m.lines {
            text.rows.append([
                "\(l.measure) \(l.title)" + (l.measured == "point in time" ? " (latest quarter)" : ""),
                l.committed.written(.plain), l.delivered.written(.plain), l.dueToDate.written(.plain),
                l.progress.written(.wholeShare), l.status.rawValue.uppercased(), l.shortfall.written(.plain),
                l.forecast.written(.plain),
            ])
        }
        return "Quarter \(m.quartersElapsed) of \(m.quarters)\n" + text.render()
            + "\n\nValue delivered \(m.valueDelivered.written(.money)) of \(m.valueCommitted.written(.money)) "
            + "committed (measures with an open proxy value)\n\(m.consequence)\nHeadcounts and shares are levels at a "
            + "point in time: "
            + "the latest quarter is compared with the commitment, never a sum of quarters."
            + m.lines.filter { !$0.unevidenced.isEmpty }.map {
                "\n! \($0.measure): returned without evidence, not counted: " + $0.unevidenced.joined(separator: ", ")
            }.joined()
    }
}
