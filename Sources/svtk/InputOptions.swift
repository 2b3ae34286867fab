import ArgumentParser
import CSV
import Foundation
import Loaders
import Reports

/// Options shared by every command that reads data files.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Delimiter to use instead of sniffing one: comma, tab or semicolon.", valueName: "name"))
    var delimiter: Delimiter?

    @Option(
        help: ArgumentHelp(
            "Metadata sidecar for a ward profile table (default: <table>.meta.csv beside it).",
            valueName: "file"))
    var metadata: String?

    @Flag(
        help: ArgumentHelp(
            "No progress line or notes on how the data were prepared on stderr (notes on data left out or converted "
                + "are always shown).")
    )
    var quiet = false

    /// Load options for one file, with a progress line for large files when stderr is a terminal.
    func loadOptions(for path: String) -> LoadOptions {
        LoadOptions(
            delimiter: delimiter, metadata: metadata,
            progress: quiet ? nil : Progress.reporter(for: path))
    }
}
