import ArgumentParser
import Evidence
import Loaders

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Say what each file is and what it holds, without printing its figures.",
        discussion: """
            For each file: the detected format, rows read, observations, areas by level, indicators, periods, missing \
            values by reason, and warnings (title lines skipped, Windows-1252 converted, polarity unknown, …). A file \
            that no loader fits gets a message saying what each loader expects.

            Examples:
              svtk inspect Datasets/demo/*.csv
              svtk inspect Datasets/demo/census2021_ts054_lsoa_rotherham.csv --format json
            """)

    @Argument(help: ArgumentHelp("Data files (CSV, TSV or semicolon-separated).", valueName: "file"))
    var files: [String]

    @Option(help: "Output format: table or json.")
    var format: ListingFormat = .table

    @OptionGroup var input: InputOptions

    func run() throws {
        try FileLoader.checkEachOnce(files)
        var reports: [(FileLoader.Result, LoadStatistics)] = []
        var plans: [(String, [EqualityGap])] = []
        for file in files {
            if EqualityActionPlanLoader.isActionPlan(file) {
                plans.append((file, try EqualityActionPlanLoader.load(file, characteristics: .shipped())))
            } else {
                reports.append(try inspect(file))
            }
        }
        print(
            format == .json
                ? try json(reports, plans) : (reports.map(table) + plans.map(table)).joined(separator: "\n\n"))
    }

    /// A data file read through its loader into counts, without keeping its figures.
    /// - Throws: `ToolkitError` for a file that cannot be read.
    private func inspect(_ file: String) throws -> (FileLoader.Result, LoadStatistics) {
        let statistics = LoadStatistics(forwardingTo: RepeatCheck())
        return (try FileLoader.load(file, options: try input.loadOptions(for: file), into: statistics), statistics)
    }

    /// Counts of an action plan's gaps by protected characteristic.
    private func byCharacteristic(_ gaps: [EqualityGap]) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        for gap in gaps { for c in gap.characteristics { counts[c, default: 0] += 1 } }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
    }

    private func table(_ plan: (String, [EqualityGap])) -> String {
        let (file, gaps) = plan
        let wards = Set(gaps.flatMap(\.places)).sorted()
        return [
            file,
            "  format        \(EqualityActionPlanLoader.format)",
            "  actions       \(gaps.count) (\(gaps.filter(\.isBoroughWide).count) borough-wide)",
            "  groups        " + byCharacteristic(gaps).map { "\($0.1) \($0.0)" }.joined(separator: ", "),
            "  places        " + (wards.isEmpty ? "borough-wide only" : wards.joined(separator: ", ")),
        ].joined(separator: "\n")
    }

    private func json(_ reports: [(FileLoader.Result, LoadStatistics)], _ plans: [(String, [EqualityGap])]) throws
        -> String
    {
        let files = reports.map { result, stats in
            InspectedFileOutput.data(
                DataFileOutput(
                    file: result.file, format: result.format, encoding: result.outcome.csv.encoding.rawValue,
                    rows: result.outcome.csv.rows, observations: stats.observations,
                    areas: Dictionary(uniqueKeysWithValues: stats.areasByLevel.map { ($0.key.rawValue, $0.value) }),
                    indicators: stats.indicators, periods: stats.periods.sorted(),
                    missing: Dictionary(uniqueKeysWithValues: stats.missing.map { ($0.key.rawValue, $0.value) }),
                    warnings: result.outcome.warnings))
        }
        let planFiles = plans.map { file, gaps in
            InspectedFileOutput.plan(
                ActionPlanOutput(
                    file: file, format: EqualityActionPlanLoader.format, rows: gaps.count,
                    characteristics: Dictionary(uniqueKeysWithValues: byCharacteristic(gaps)),
                    places: Set(gaps.flatMap(\.places)).sorted()))
        }
        return try (files + planFiles).json
    }

    private func table(_ report: (FileLoader.Result, LoadStatistics)) -> String {
        let (result, stats) = report
        let areas = stats.areasByLevel.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }
        let periods = stats.periods.sorted()
        let missing = stats.missing.sorted { $0.key.rawValue < $1.key.rawValue }.map {
            "\($0.value) \($0.key.rawValue)"
        }
        var lines = [
            result.file,
            "  format        \(result.format) (\(result.outcome.csv.encoding.rawValue))",
            "  rows          \(result.outcome.csv.rows)",
            "  observations  \(stats.observations)",
            "  areas         \(areas.isEmpty ? "none" : areas.joined(separator: ", "))",
            "  indicators    \(stats.indicators.count)" + preview(stats.indicators),
            "  periods       \(periods.count)" + preview(periods),
            "  missing       \(missing.isEmpty ? "none" : missing.joined(separator: ", "))",
        ]
        lines += result.outcome.warnings.map { "  warning       \($0)" }
        return lines.joined(separator: "\n")
    }

    private func preview(_ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        let shown = items.prefix(4).joined(separator: ", ")
        return ": " + shown + (items.count > 4 ? ", …" : "")
    }
}
