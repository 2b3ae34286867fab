import ArgumentParser
import Catalogue
import Evidence
import Foundation
import Loaders
import Reports

struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Check the catalogues and the need taxonomy.",
        subcommands: [TaxonomyCheckCommand.self])
}

struct TaxonomyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that every link resolves and every measure, domain and indicator is covered.",
        discussion: """
            Loading validates every file (unique references, known themes, units, frameworks, domains, subjects and \
            CPV prefixes, numeric figures, proxy formulas); errors name file, line and column. The check then \
            reports: measures no need or subject reaches, domains with no measure, CPV divisions with no subject, and \
            each indicator of the data files that is neither linked nor marked unlinked (with a proposed domain, \
            never used until accepted in taxonomy/indicator_domains.csv). By default the data checked are the demo \
            borough's files. Exits 1 when there are errors.

            Examples:
              svtk taxonomy check
              svtk taxonomy check --catalogue Datasets \\
                  --data Datasets/demo/fingertips_rotherham.csv
            """)

    @Option(
        name: .customLong("data"),
        help: ArgumentHelp(
            "Data files whose indicators must be covered (default: Datasets/demo/*.csv).",
            valueName: "file"))
    var dataFiles: [String] = []

    @OptionGroup var catalogueOptions: CatalogueOptions
    @OptionGroup var input: InputOptions

    func run() throws {
        let catalogue = try catalogueOptions.load()
        let files = dataFiles.isEmpty ? try demoFiles() : dataFiles
        let data = IndicatorSet()
        for file in files where !EqualityActionPlanLoader.isActionPlan(file) {
            _ = try FileLoader.load(file, options: try input.loadOptions(for: file), into: data)
        }
        let check = TaxonomyCheck(catalogue: catalogue, indicators: Array(data.indicators.values))
        print(report(check, catalogue: catalogue, files: files.count))
        if !check.passed { throw ExitCode(1) }
    }

    /// Where the catalogue and taxonomy came from, the check's summary, its warnings and errors, and the verdict.
    private func report(_ check: TaxonomyCheck, catalogue: Catalogue, files: Int) -> String {
        var lines = [
            "Catalogue: \(catalogue.sources["catalogues"]!)", "Taxonomy:  \(catalogue.sources["taxonomy"]!)",
            "Data:      \(files) file(s)", "",
        ]
        let width = check.summary.map(\.0.count).max() ?? 0
        lines += check.summary.map { "  \($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.1)" }
        if !check.warnings.isEmpty {
            lines += ["", "Warnings (\(check.warnings.count)):"] + check.warnings.map { "  - \($0)" }
        }
        if !check.errors.isEmpty {
            lines += ["", "Errors (\(check.errors.count)):"] + check.errors.map { "  - \($0)" }
        }
        lines += ["", check.passed ? "taxonomy check passed" : "taxonomy check failed"]
        return lines.joined(separator: "\n")
    }

    private func demoFiles() throws -> [String] {
        let folder = try DatasetsDirectory.path() + "/demo"
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }.sorted()
            .map { folder + "/" + $0 }
    }
}
