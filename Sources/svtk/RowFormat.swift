import ArgumentParser

/// The formats of commands that print rows for another program (`svtk load`, `svtk atlas`): CSV, or JSON. A table
/// on the terminal would be too long to read.
enum RowFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
}
