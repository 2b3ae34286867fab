import ArgumentParser
import Reports
import Catalogue

/// The `--catalogue DIR` option shared by commands that use measures and the taxonomy.
struct CatalogueOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A folder with your own catalogues/, taxonomy/ or cpv/ (default: the shipped Datasets/).",
                               valueName: "dir"))
    var catalogue: String?

    func load() throws -> Catalogue { try Catalogue.load(directory: catalogue) }
}
