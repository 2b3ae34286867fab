import ArgumentParser
import Catalogue
import Evidence
import Reports

/// The `--catalogue DIR` and `--datasets DIR` options shared by commands that use measures and the taxonomy.
struct CatalogueOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A folder with your own catalogues/, taxonomy/ or cpv/ (default: the shipped Datasets/).",
            valueName: "dir"))
    var catalogue: String?

    @Option(
        help: ArgumentHelp(
            "The toolkit's Datasets folder, where it is not found by itself (also SVTK_DATASETS; "
                + "by default beside the program, at ../share/svtk from it, or in the source checkout).",
            valueName: "dir"))
    var datasets: String?

    func validate() throws {
        if let datasets { DatasetsDirectory.chosen = datasets }
    }

    func load() throws -> Catalogue { try Catalogue.load(directory: catalogue) }
}
