import ArgumentParser

/// The `--boundaries FILE` option of the commands that draw ward maps.
struct BoundariesOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Ward boundaries as GeoJSON (from the ONS Open Geography portal) for the maps "
                + "(default: the demo borough's when the data are the demo's).", valueName: "file"))
    var boundaries: String?
}
