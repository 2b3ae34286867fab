import ArgumentParser
import Reports

/// The output formats commands offer.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
