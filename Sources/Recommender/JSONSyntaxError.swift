import CSV
import Foundation

/// Where a JSON text stops being valid, as an ``InputError`` at its line and column.
///
/// `JSONDecoder` says only that data are "not valid JSON"; `JSONSerialization` gives the character where
/// parsing stopped, which is turned here into a line and column a user can find in an editor.
enum JSONSyntaxError {
    /// The located error for invalid JSON text, or `nil` when the text is valid JSON.
    static func locate(_ data: Data, file: String) -> InputError? {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return InputError(file: file, "the file is empty: a contract profile is a JSON object ({ \"title\": …, … })")
        }
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            let atEnd = detail.lowercased().contains("end of file")
            guard let offset = atEnd ? data.count : characterOffset(in: detail) else {
                return InputError(file: file, "not valid JSON: \(reason(detail))")
            }
            let (line, column) = position(of: offset, in: data)
            return InputError(file: file, line: line, column: column, "not valid JSON: \(reason(detail))")
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
    private static func position(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1, column = 1
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
