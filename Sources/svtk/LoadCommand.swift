import ArgumentParser
import CSV
import Evidence
import Foundation
import Loaders

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Print the normalised observations of data files as CSV or JSON, for pandas or a spreadsheet.",
        discussion: """
            One row per observation: source, indicator id and name, unit, polarity, area code, name and level,
            period, sex, age, category type, category, value, missing reason, 95% and 99.8% confidence
            limits, count, denominator and note. Output streams: memory stays flat however large the input.

            Examples:
              svtk load Datasets/demo/fingertips_rotherham.csv --format csv > fingertips.csv
              svtk load census2021-ts045-lsoa.csv --format json | head
              python -c "import pandas as pd, sys; print(pd.read_csv(sys.stdin).head())" < fingertips.csv
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
                if !input.quiet {
                    for warning in result.outcome.warnings { printError("\(file): note: \(warning)") }
                }
            }
            writer.finish()
        }
    }
}

/// Streams observations out as CSV or a JSON array, remembering only areas and indicators.
final class ObservationWriter: EvidenceSink {
    static let columns = ["source", "indicator_id", "indicator_name", "unit", "polarity", "area_code", "area_name",
                          "area_level", "period", "sex", "age", "category_type", "category", "value", "missing",
                          "lower_ci_95", "upper_ci_95", "lower_ci_99_8", "upper_ci_99_8", "count", "denominator", "note"]
    private let json: Bool
    private let csv = CSVWriter.standardOutput()
    private var areas: [String: Area] = [:]
    private var indicators: [String: Indicator] = [:]
    private var first = true

    init(json: Bool) {
        self.json = json
        if !json { csv.write(Self.columns) }
    }

    func add(_ area: Area) { if areas[area.code] == nil { areas[area.code] = area } }
    func add(_ indicator: Indicator) { indicators[indicator.id] = indicator }

    func add(_ o: Observation) throws {
        let indicator = indicators[o.indicator]
        let area = areas[o.area]
        let fields: [String?] = [
            o.source, o.indicator, indicator?.name, indicator?.unit, indicator?.polarity.rawValue, o.area, area?.name,
            area?.level.rawValue, o.period, o.breakdown.sex, o.breakdown.age, o.breakdown.categoryType,
            o.breakdown.category, nil, o.missing?.rawValue, nil, nil, nil, nil, nil, nil, o.note,
        ]
        let numbers: [Int: Double?] = [13: o.value, 15: o.lower95, 16: o.upper95, 17: o.lower998, 18: o.upper998,
                                       19: o.count, 20: o.denominator]
        if json {
            let pairs = Self.columns.enumerated().map { i, key in
                (key, numbers[i].map { JSON.number($0) } ?? JSON.optionalString(fields[i]))
            }
            csv.flush()
            FileHandle.standardOutput.write(Data(((first ? "[\n" : ",\n") + JSON.object(pairs)).utf8))
            first = false
        } else {
            csv.write(Self.columns.indices.map { i in
                numbers[i].map { $0.map { "\($0)" } ?? "" } ?? (fields[i] ?? "")
            })
        }
    }

    func finish() {
        if json {
            FileHandle.standardOutput.write(Data((first ? "[]\n" : "\n]\n").utf8))
        }
        csv.flush()
    }
}
