import Foundation

/// JSON text from an input file, parsed with errors a user can find: `JSONSerialization` says only "around
/// character N", which is turned here into the line and column of that character.
public enum JSONText {
    /// The parsed value (objects as `[String: Any]`, arrays as `[Any]`, numbers as `NSNumber`).
    /// - Throws: `ToolkitError` at the line and column where the text stops being valid JSON.
    public static func parse(_ data: Data, file: String) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            let atEnd = detail.lowercased().contains("end of file")
            guard let offset = atEnd ? data.count : characterOffset(in: detail) else {
                throw ToolkitError(file: file, "not valid JSON: \(reason(detail))")
            }
            let (line, column) = position(of: offset, in: data)
            throw ToolkitError(file: file, line: line, column: column, "not valid JSON: \(reason(detail))")
        }
    }

    /// The reason without Foundation's "around character N." tail, in lower case.
    private static func reason(_ detail: String) -> String {
        let text = detail.components(separatedBy: " around character").first ?? detail
        let trimmed = text.hasSuffix(".") ? String(text.dropLast()) : text
        return trimmed.isEmpty ? "it cannot be read" : trimmed.prefix(1).lowercased() + trimmed.dropFirst()
    }

    /// The N of "around character N", a 0-based offset.
    private static func characterOffset(in detail: String) -> Int? {
        guard let range = detail.range(of: "around character ") else { return nil }
        return Int(detail[range.upperBound...].prefix { $0.isNumber })
    }

    /// The 1-based line and column of a byte offset (columns count characters, not bytes).
    public static func position(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
