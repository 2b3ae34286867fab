import ArgumentParser
import CSV
import Core
import Foundation
import Reports

@main
struct SVTK: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svtk",
        abstract: "SocialValueToolkit: local evidence of need → relevant, proportionate social value measures.",
        discussion: """
            Loads JSNA and census evidence (OHID Fingertips exports, ONS Census 2021 tables, ward profiles, the \
            English Indices of Deprivation, ONS lookups), checks it strictly, and normalises it into one model of \
            areas, indicators and observations.

            The examples name the toolkit's data as Datasets/, as in the repository (run them from there); after make \
            install the same files are in /usr/local/share/svtk/: Datasets/demo/... is /usr/local/share/svtk/demo/...

            Examples:
              svtk inspect Datasets/demo/*.csv
              svtk load Datasets/demo/census2021_ts045_lsoa_rotherham.csv \\
                  --format csv > cars.csv
              svtk deprivation --iod Datasets/demo/iod2019_domains_rotherham.csv \\
                  --population Datasets/demo/iod2019_population_rotherham.csv \\
                  --lookup Datasets/demo/lookup_lsoa11_lsoa21_rotherham.csv \\
                  --lookup Datasets/demo/lookup_lsoa21_ward22_rotherham.csv \\
                  --authority Rotherham
              svtk measures --framework council
              svtk cpv 45233142-6
              svtk taxonomy check

            Exit codes: 0 success; 1 bad input (the message names file:line:column, the contract field or the \
            option) or something asked for that is not there (a measure, a framework); 64 wrong usage; 73 cannot \
            write the output.
            """,
        version: "svtk \(Version.text)",
        subcommands: [
            InspectCommand.self, LoadCommand.self, DeprivationCommand.self, MeasuresCommand.self,
            CPVCommand.self, SubjectsCommand.self, TaxonomyCommand.self, NeedsCommand.self, LinksCommand.self,
            RecommendCommand.self, EvaluateCommand.self, MonitorCommand.self, ReportCommand.self,
            ProfileCommand.self, WardsCommand.self, SourcesCommand.self, AtlasCommand.self, ServeCommand.self,
            WorkspaceCommand.self,
        ])

    /// Runs the command line, then makes sure everything printed reached standard output: a closed or full
    /// output is an error (exit 73), never a silent success.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var server = command as? AsyncParsableCommand {
                try await server.run()
            } else {
                try command.run()
            }
            try StandardOutput.finish()
        } catch let error as ToolkitError {
            exit(withError: error.reported())
        } catch {
            let code = exitCode(for: error)
            guard code != .success, let file = fileLookingLikeAnOption() else { exit(withError: error) }
            printError(fullMessage(for: error))
            printError("hint: \(file) is a file whose name starts with '-': write ./\(file), or put -- before it")
            Foundation.exit(code.rawValue)
        }
    }

    /// An argument that starts with `-` yet names an existing file, which the parser took for an option.
    private static func fileLookingLikeAnOption() -> String? {
        CommandLine.arguments.dropFirst().first {
            $0.hasPrefix("-") && $0 != "-" && FileManager.default.fileExists(atPath: $0)
        }
    }
}
