import ArgumentParser
import CSV
import Catalogue
import Evidence
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

    /// Load options for one file, with a progress line for large files when stderr is a terminal, and the number of
    /// LSOAs each IoD edition ranks (`policy/editions.csv`), which its ranks and deciles are checked against.
    /// - Throws: `ToolkitError` when the toolkit's `policy/editions.csv` or `policy/sources.csv` cannot be read.
    func loadOptions(for path: String) throws -> LoadOptions {
        var options = readingOptions(for: path)
        options.rankedAreas = try Self.rankedAreas()
        return options
    }

    /// Load options for one file without the IoD editions' LSOA counts, for commands that read them with the rest
    /// of the catalogue (`DataReading.rankedAreas`).
    func readingOptions(for path: String) -> LoadOptions {
        LoadOptions(delimiter: delimiter, metadata: metadata, progress: quiet ? nil : Progress.reporter(for: path))
    }

    /// The number of LSOAs each IoD edition ranks, from the toolkit's data; none where svtk runs without it (the
    /// ranks are then checked as whole numbers from 1, their deciles against nothing).
    /// - Throws: `ToolkitError` when the toolkit's data are there but their editions cannot be read.
    private static func rankedAreas() throws -> [String: Int] {
        guard let folder = try? DatasetsDirectory.path() else { return [:] }
        return try PublishedSources(folder: folder + "/policy").rankedAreas(of: DeprivationLSOALoader.format)
    }
}
