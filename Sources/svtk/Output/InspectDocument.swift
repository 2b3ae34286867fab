/// A file as `svtk inspect --format json` describes it: a data file, or an equality action plan.
enum InspectedFileOutput: OutputDocument {
    case data(DataFileOutput)
    case plan(ActionPlanOutput)

    /// Encodes the file's description as its own object.
    /// - Throws: what encoding the description throws.
    func encode(to encoder: any Encoder) throws {
        switch self {
        case .data(let file): try file.encode(to: encoder)
        case .plan(let plan): try plan.encode(to: encoder)
        }
    }
}

/// What a data file holds: its format and encoding, rows read, observations, areas by level, indicators,
/// periods, missing values by reason, and the loader's warnings.
struct DataFileOutput: Encodable {
    var file: String
    var format: String
    var encoding: String
    var rows: Int
    var observations: Int
    var areas: [String: Int]
    var indicators: [String]
    var periods: [String]
    var missing: [String: Int]
    var warnings: [String]
}

/// What an equality action plan holds: its actions (`rows`), their count by protected characteristic and the
/// places they name.
struct ActionPlanOutput: Encodable {
    var file: String
    var format: String
    var rows: Int
    var characteristics: [String: Int]
    var places: [String]
}
