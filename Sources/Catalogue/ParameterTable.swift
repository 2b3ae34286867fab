import Core

/// A policy file of `parameter,value` rows (`need_bands.csv`, `contract_limits.csv`): every value a finite
/// number, no parameter set twice, and a missing one an error naming the file.
struct ParameterTable {
    let path: String
    private let values: [String: Double]

    /// Reads the file; `check` says what is wrong with a value, if anything, for an error at its row.
    /// - Throws: `ToolkitError` at the row of a value that is not a finite number, fails `check`, or repeats a
    ///   parameter.
    init(path: String, check: (_ name: String, _ value: Double) -> String? = { _, _ in nil }) throws {
        var values: [String: Double] = [:]
        try DataTable(path: path, required: ["parameter", "value"]).forEachRow { row in
            let name = try row.required("parameter")
            let value = try row.number("value")
            if let problem = check(name, value) { throw row.error("value", problem) }
            guard values[name] == nil else { throw row.error("parameter", "\(name) is set twice") }
            values[name] = value
        }
        self.path = path
        self.values = values
    }

    /// A parameter's value.
    /// - Throws: `ToolkitError` naming the file when the parameter is missing.
    func value(_ name: String) throws -> Double {
        guard let value = values[name] else { throw ToolkitError(file: path, "missing parameter \(name)") }
        return value
    }
}
