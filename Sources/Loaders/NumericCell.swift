import CSV
import Core
import Evidence
import Formatting

/// Reads a numeric cell the way statistical releases write them: `1234`, `1,234`, `12.5%`, ` 7 `, `-0.3`,
/// `1.5e3`; and the missing-value markers (`[c]`, `[x]`, `[z]`, `[low]`, `..`, `:`, `*`, `-`, `c`, `x`, empty)
/// as a missing value with its reason. Anything else is an error naming the file, line and column.
public enum NumericCell {
    /// A parsed cell: a number, or a missing value with its reason.
    public enum Value: Equatable, Sendable {
        case number(Double)
        case missing(MissingReason)

        /// The number, when the cell holds one.
        public var number: Double? { if case .number(let n) = self { n } else { nil } }
        /// Why the value is missing, when it is.
        public var missingReason: MissingReason? { if case .missing(let r) = self { r } else { nil } }
    }

    /// Parses a field, or throws an error naming the file, line and column when it is neither a number nor a marker.
    /// - Throws: `ToolkitError` at `file`, `line` and `column` for a cell that is not a number it can hold or a marker.
    @inlinable
    public static func parse(
        _ field: CSVField, file: @autoclosure () -> String, line: Int, column: Int,
        columnName: @autoclosure () -> String
    ) throws -> Value {
        if let value = value(field) { return value }
        throw nonNumeric(field, file: file(), line: line, column: column, columnName: columnName())
    }

    @usableFromInline
    static func nonNumeric(_ field: CSVField, file: String, line: Int, column: Int, columnName: String) -> ToolkitError
    {
        let text = field.trimmedString
        if let problem = FigureReading.diagnosis(of: text) {
            return ToolkitError(
                file: file, line: line, column: column,
                "number \(ToolkitError.quoted(text)) in column \"\(columnName)\": \(problem)")
        }
        return ToolkitError(
            file: file, line: line, column: column,
            "non-numeric value \(ToolkitError.quoted(text)) in column \"\(columnName)\": expected a number such as "
                + "1234, 1,234 or 12.5%, or a missing-value marker ([c], [x], [z], [low], .., :, *, -, c, x or empty)")
    }

    /// The field's value, or `nil` when it is neither a number nor a marker. Allocates nothing.
    @inlinable
    public static func value(_ field: CSVField) -> Value? {
        let cell = field.trimmed
        guard let start = cell.bytes.baseAddress, !cell.bytes.isEmpty else { return .missing(.empty) }
        let count = cell.bytes.count
        guard count <= FigureReading.longestText else { return nil }
        if let number = FigureReading.plainNumber(start, count) { return .number(number) }
        if let number = FigureReading.formattedNumber(cell.bytes) { return .number(number) }
        guard count <= 5 else { return nil }
        return MissingReason(marker: cell.string).map { .missing($0) }
    }

    /// Parses a `String` the same way (for values that are not in a CSV row).
    public static func parse(_ text: String) -> Value? {
        var text = text
        return text.withUTF8 { bytes -> Value? in
            var copy = Array(bytes)
            copy.append(0)
            return copy.withUnsafeBufferPointer { buffer -> Value? in
                value(CSVField(bytes: UnsafeBufferPointer(rebasing: buffer[0..<bytes.count])))
            }
        }
    }
}
