import CSV

/// The bounds a contract profile must keep (`policy/contract_limits.csv`): beyond them a figure is a typing
/// error, and a text too long to be what the field means (and too slow to read for relevance).
public struct ContractLimits: Sendable {
    /// A contract value must be under this (£).
    public let valueBelow: Double
    public let durationMonthsMaximum: Double
    /// A workforce must be under this (FTE).
    public let fteBelow: Double
    public let descriptionCharactersMaximum: Int
    public let titleCharactersMaximum: Int
    public let areasMaximum: Int
    public let cpvMaximum: Int

    /// Reads `contract_limits.csv` of a policy folder.
    /// - Throws: `InputError` at a row whose value is not a positive number, or naming a missing parameter.
    public init(folder: String) throws {
        let table = try ParameterTable(path: folder + "/contract_limits.csv") { name, value in
            value > 0 ? nil : "\(name) must be above 0, not \(value)"
        }
        func value(_ name: String) throws -> Double { try table.value(name) }
        func count(_ name: String) throws -> Int {
            let v = try value(name)
            guard v < 1e9, v == v.rounded() else { throw InputError(file: table.path, "\(name) must be a whole number under a billion") }
            return Int(v)
        }
        valueBelow = try value("value_below")
        durationMonthsMaximum = try value("duration_months_maximum")
        fteBelow = try value("fte_below")
        descriptionCharactersMaximum = try count("description_characters_maximum")
        titleCharactersMaximum = try count("title_characters_maximum")
        areasMaximum = try count("areas_maximum")
        cpvMaximum = try count("cpv_maximum")
    }
}
