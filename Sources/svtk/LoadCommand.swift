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
            denominator and note. Output streams: no row is kept once written; what grows is what is remembered \
            to refuse a figure given twice (an area's cells, a digest a figure or a census row, and in every file \
            but the last 8 bytes a census figure; README). Each file's rows carry the description it gives, \
            completed from the files read before (a polarity or unit it lacks, a name for a placeholder); Fingertips \
            indicator metadata is read before the data files, wherever it is given.

            Examples:
              svtk load Datasets/demo/fingertips_rotherham.csv \\
                  --format csv > fingertips.csv
              svtk load Datasets/demo/census2021_ts045_lsoa_rotherham.csv \\
                  --format json | head
              python3 -c "import csv; rows = csv.DictReader(open('fingertips.csv')); \\
                  print(next(rows)['value'])"
            """)

    @Argument(help: ArgumentHelp("Data files (CSV, TSV or semicolon-separated).", valueName: "file"))
    var files: [String]

    @Option(help: "Output format: csv or json.")
    var format: RowFormat = .csv

    @OptionGroup var input: InputOptions

    func run() throws {
        try FileLoader.checkEachOnce(files)
        let writer = ObservationWriter(json: format == .json)
        let ordered = metadataFirst()
        for (index, file) in ordered.enumerated() {
            writer.laterFilesFollow = index < ordered.count - 1
            try load(file, into: writer)
        }
        writer.finish()
        if writer.repeats > 0 {
            printError("note: \(writer.repeats) figure(s) repeated by a later file with the same value: written once")
        }
    }

    /// The files, indicator metadata first (each group in the order given): a figure's row is written as soon as it
    /// is read, so what metadata adds to its indicator's description must be known before any.
    private func metadataFirst() -> [String] {
        let isMetadata = files.map { FileLoader.describesIndicatorsOnly($0, options: input.readingOptions(for: $0)) }
        let metadata = zip(files, isMetadata).filter(\.1).map(\.0)
        return metadata + zip(files, isMetadata).filter { !$0.1 }.map(\.0)
    }

    /// Loads one file into the writer, printing its notes; the rows before an error are written before it is thrown.
    /// - Throws: the loader's error for the file.
    private func load(_ file: String, into writer: ObservationWriter) throws {
        do {
            let result = try FileLoader.load(file, options: try input.loadOptions(for: file), into: writer)
            for warning in result.outcome.warnings { printError("\(file): note: \(warning)") }
        } catch {
            writer.writeHandedOver()
            throw error
        }
    }
}
