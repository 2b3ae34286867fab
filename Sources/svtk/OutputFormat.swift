import ArgumentParser
import Reports

/// The output formats commands offer.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// The output formats of commands that print a listing or a document, not rows: a table, or JSON.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
