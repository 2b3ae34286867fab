import ArgumentParser

/// The output formats commands offer.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
