import Core

/// Checks a figure's confidence limits as a loader reads them: the lower limit is not above the upper, and
/// the value lies between them. Swapped or shifted columns would otherwise turn "similar" into
/// "significantly worse" downstream.
enum ConfidenceLimits {
    /// - Parameters:
    ///   - column: the 1-based column of the lower limit, where an error points.
    ///   - level: `95%` or `99.8%`, for the message.
    /// - Throws: `ToolkitError` at the row and the lower limit's column.
    static func check(
        value: Double?, lower: Double?, upper: Double?, level: String,
        file: String, line: Int, column: Int?
    ) throws {
        guard let lower, let upper else { return }
        guard lower <= upper else {
            throw ToolkitError(
                file: file, line: line, column: column,
                "the lower \(level) confidence limit (\(lower)) is above the upper (\(upper))")
        }
        if let value, value < lower || value > upper {
            throw ToolkitError(
                file: file, line: line, column: column,
                "the value \(value) lies outside its \(level) confidence interval (\(lower) to \(upper))")
        }
    }
}
