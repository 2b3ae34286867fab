import Foundation

/// JSON output: `Codable` output types through `JSONEncoder` (``encoded(_:)``), and minimal streaming pieces
/// for the documents written by hand: strings escaped per RFC 8259, numbers in full precision.
public enum JSON {
    /// A `Codable` output type as JSON: keys sorted, indented, `/` unescaped, an absent optional left out.
    /// - Throws: `EncodingError` for a value JSON cannot hold (a number that is not finite).
    public static func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A string as a JSON string literal: quoted, with quotes, backslashes and control characters escaped.
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20:
                out +=
                    "\\u" + String(repeating: "0", count: 4 - String(s.value, radix: 16).count)
                    + String(s.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A number as JSON: whole numbers without decimals, others in full precision; `null` for nil or a value
    /// that is not finite.
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A string as a JSON string literal, or `null` for nil.
    public static func optionalString(_ text: String?) -> String { text.map(string) ?? "null" }

    /// An object from ordered key/value pairs whose values are already JSON.
    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// An array from items that are already JSON.
    public static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
