import ArgumentParser
import CSV
import Evidence
import Foundation
import Loaders
import Reports

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Print the normalised observations of data files as CSV or JSON, for pandas or a spreadsheet.",
        discussion: """
            One row per observation: source, indicator id and name, unit, polarity, area code, name and level, \
            period, sex, age, category type, category, value, missing reason, 95% and 99.8% confidence limits, count, \
            denominator and note. Output streams: memory stays flat however large the input.

            Examples:
              svtk load Datasets/demo/fingertips_rotherham.csv \\
                  --format csv > fingertips.csv
              svtk load Datasets/demo/census2021_ts045_lsoa_rotherham.csv \\
                  --format json | head
              python3 -c "import pandas; print(pandas.read_csv('fingertips.csv'))"
            """)

    @Argument(help: ArgumentHelp("Data files (CSV, TSV or semicolon-separated).", valueName: "file"))
    var files: [String]

    @Option(help: "Output format: csv or json.")
    var format: OutputFormat = .csv

    @OptionGroup var input: InputOptions

    func validate() throws {
        if format == .table { throw ValidationError("load prints csv or json") }
    }

    func run() throws {
        try reportingInputErrors {
            let writer = ObservationWriter(json: format == .json)
            for file in files {
                let result = try FileLoader.load(file, options: input.loadOptions(for: file), into: writer)
                for warning in result.outcome.warnings { printError("\(file): note: \(warning)") }
            }
            writer.finish()
        }
    }
}

/// Streams observations out as CSV or a JSON array. It remembers only each area's name and level and each
/// indicator, so memory grows with the number of distinct areas, never with the number of rows.
final class ObservationWriter: EvidenceSink {
    static let columns = NormalisedLoader.columns
    private let json: Bool
    private let csv = CSVWriter.standardOutput()
    private var areas: [String: (name: String, level: AreaLevel)] = [:]
    private var indicators: [String: Indicator] = [:]
    private var first = true

    init(json: Bool) {
        self.json = json
        if !json { csv.write(Self.columns) }
    }

    func add(_ area: Area) { if areas[area.code] == nil { areas[area.code] = (area.name, area.level) } }
    func add(_ indicator: Indicator) { indicators[indicator.id] = indicator }

    func add(_ o: Observation) throws {
        let indicator = indicators[o.indicator]
        let area = areas[o.area]
        let row: [String] = [
            o.source, o.indicator, indicator?.name ?? "", indicator?.unit ?? "", indicator?.polarity.rawValue ?? "",
            o.area, area?.name ?? "", area?.level.rawValue ?? "", o.period, o.breakdown.sex, o.breakdown.age,
            o.breakdown.categoryType, o.breakdown.category, Self.text(o.value), o.missing?.rawValue ?? "",
            Self.text(o.lower95), Self.text(o.upper95), Self.text(o.lower998), Self.text(o.upper998),
            Self.text(o.count), Self.text(o.denominator), o.note ?? "",
        ]
        guard json else { return csv.write(row) }
        let numeric: Set<Int> = [13, 15, 16, 17, 18, 19, 20]
        let pairs = Self.columns.indices.map { i in
            (
                Self.columns[i],
                numeric.contains(i) || (i == 14 && o.missing == nil) || (i == 21 && o.note == nil)
                    ? (row[i].isEmpty ? "null" : row[i]) : JSON.string(row[i])
            )
        }
        csv.writeRaw((first ? "[\n" : ",\n") + JSON.object(pairs))
        first = false
    }

    /// A number in full precision, integers without a decimal point; empty when missing.
    private static func text(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    func finish() {
        if json { csv.writeRaw(first ? "[]\n" : "\n]\n") }
        csv.flush()
    }
}
