import ArgumentParser
import CSV
import Core
import Evidence
import Foundation
import Loaders

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
        let writer = ObservationWriter(json: format == .json)
        for file in files {
            let result = try FileLoader.load(file, options: input.loadOptions(for: file), into: writer)
            for warning in result.outcome.warnings { printError("\(file): note: \(warning)") }
        }
        writer.finish()
        if writer.repeats > 0 {
            printError("note: \(writer.repeats) figure(s) repeated by a later file with the same value: written once")
        }
    }
}

/// Streams observations out as CSV, or as a JSON array with one observation a line (``ObservationOutput``). It
/// remembers each area's name and level, each indicator, and a digest of each figure (``FigureKeys``: a figure
/// given twice is an error, or, repeated by a later file with the same value, written once), so memory grows with
/// the number of distinct areas and figures (about 60 bytes a figure), never with the length of the rows.
final class ObservationWriter: EvidenceSink {
    private let json: Bool
    private let csv = CSVWriter.standardOutput()
    private let encoder = JSONOutput.encoder(pretty: false)
    private var areas: [String: (name: String, level: AreaLevel)] = [:]
    private var indicators: [String: Indicator] = [:]
    private var first = true
    private var figures = FigureKeys()
    /// Figures a later file repeated with the same value, written once.
    private(set) var repeats = 0

    init(json: Bool) {
        self.json = json
        if !json { csv.write(NormalisedLoader.columns) }
    }

    func add(_ area: Area) { if areas[area.code] == nil { areas[area.code] = (area.name, area.level) } }
    func add(_ indicator: Indicator) { indicators[indicator.id] = indicator }

    /// Writes the observation as a CSV row, or as one line of JSON.
    /// - Throws: nothing in practice: every figure goes through `Nullable` (`null` when not finite).
    func add(_ o: Observation) throws {
        guard try figures.admit(o) else {
            repeats += 1
            return
        }
        let row = ObservationOutput(o, indicator: indicators[o.indicator], area: areas[o.area])
        guard json else { return csv.write(row.cells) }
        csv.writeRaw((first ? "[\n" : ",\n") + String(decoding: try encoder.encode(row), as: UTF8.self))
        first = false
    }

    func finish() {
        if json { csv.writeRaw(first ? "[]\n" : "\n]\n") }
        csv.flush()
    }
}
