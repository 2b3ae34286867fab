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
            WorkspaceCommand.self, UsersCommand.self,
        ])

    /// Runs the command line, then makes sure everything printed reached standard output: a closed or full
    /// output is an error (exit 73), never a silent success.
    static func main() async {
        do {
            if let file = fileLookingLikeAnOption() {
                printError("Error: \(file) names a file but starts with '-', so it would be read as options")
                printError("hint: write ./\(file), or put -- before it")
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
            var command = try parseAsRoot()
            if var server = command as? AsyncParsableCommand {
                try await server.run()
            } else {
                MallocArenas.limitToProcessors()
                try command.run()
            }
            try StandardOutput.finish()
        } catch let error as ToolkitError {
            exit(withError: error.reported())
        } catch {
            exit(withError: error)
        }
    }

    /// An argument before any `--` that starts with a single `-` yet names a file: one that exists, or a name with
    /// a dot or a slash, which no option has (`-leading-dash.csv`); the parser would read its letters as short
    /// options, `-h` among them. A negative number is not one.
    private static func fileLookingLikeAnOption() -> String? {
        CommandLine.arguments.dropFirst().prefix { $0 != "--" }.first { argument in
            argument.hasPrefix("-") && !argument.hasPrefix("--") && argument != "-" && Double(argument) == nil
                && (FileManager.default.fileExists(atPath: argument) || argument.contains(".")
                    || argument.contains("/"))
        }
    }
}
