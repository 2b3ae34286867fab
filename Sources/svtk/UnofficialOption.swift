import ArgumentParser
import Catalogue
import Geography

/// The `--unofficial` flag of the commands that read a borough's data.
struct UnofficialOption: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Also read files the catalogue knows as third parties' aggregates (policy/unofficial_sources.csv), "
                + "their figures labelled unofficial; they are left out by default."))
    var unofficial = false

    /// How to read the data under a catalogue: its deprivation weights, and its unofficial files only when asked.
    func reading(_ catalogue: Catalogue) -> DataReading { DataReading(catalogue, includeUnofficial: unofficial) }
}
