import Core
import Foundation

/// A posted form: its fields (a name may repeat, as checkboxes do) and its uploaded files.
public struct FormData: Sendable {
    /// An uploaded file: the name the browser gave it and its bytes.
    public struct File: Sendable {
        /// The file's name as the browser sent it (`filename` in the part's `Content-Disposition`).
        public var name: String
        /// The file's contents.
        public var bytes: [UInt8]
    }

    /// Field name → its values, in the order sent.
    public private(set) var fields: [String: [String]] = [:]
    /// Field name → the file uploaded in it (the last, when a name repeats).
    public private(set) var files: [String: File] = [:]

    /// An empty form.
    public init() {}

    /// The field's first value, trimmed of surrounding spaces; empty when it is missing.
    public subscript(_ name: String) -> String {
        fields[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// Every value of a repeated field, in the order sent.
    public func values(_ name: String) -> [String] { fields[name] ?? [] }

    /// Adds a text field's value.
    /// - Throws: a ``ToolkitError`` naming the field when its name or value holds a control character.
    mutating func add(_ name: String, _ value: String) throws {
        guard !Self.holdsControlCharacter(name), !Self.holdsControlCharacter(value) else {
            throw ToolkitError(
                .badInput,
                "the form's field \(Self.printable(name)) holds a control character (such as a NUL byte), which no "
                    + "text in the workspace may: remove it and send the form again")
        }
        fields[name, default: []].append(value)
    }

    mutating func add(file: File, as name: String) { files[name] = file }

    /// The number of fields and files, for the limit on fields.
    var count: Int { fields.values.reduce(0) { $0 + $1.count } + files.count }

    /// Reads an `application/x-www-form-urlencoded` body.
    /// - Throws: a ``ToolkitError`` for text that is not UTF-8, a broken percent escape or a field holding a control
    ///   character (``add(_:_:)``).
    static func urlEncoded(_ body: [UInt8], fieldLimit: Int) throws -> FormData {
        guard let text = String(validating: body, as: UTF8.self) else {
            throw ToolkitError(.badInput, "the form is not UTF-8 text")
        }
        var form = FormData()
        var fields = 0
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            fields += 1
            guard fields <= fieldLimit else { throw TooManyFields(limit: fieldLimit) }
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw ToolkitError(.badInput, "the form has a broken percent escape")
            }
            try form.add(name, value)
        }
        return form
    }

    /// A form with more fields than the limit, found while it is read (the rest are not read).
    struct TooManyFields: Error {
        var limit: Int
    }

    /// True for text holding a control character (C0 but a tab, a carriage return or a line feed; DEL; C1), as
    /// passwords are refused for: a NUL byte cuts text short wherever it reaches C (SQLite's functions, bcrypt),
    /// and the rest are never typed.
    static func holdsControlCharacter(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            // C0 but tab, LF and CR; DEL; C1 (U+0080 to U+009F, 0xC2 then 0x80 to 0x9F in UTF-8).
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
                || (previous == 0xC2 && (0x80...0x9F).contains(byte))
            {
                return true
            }
            previous = byte
        }
        return false
    }

    /// A field's name as a message may quote it: its control characters left out, cut to 40 characters.
    static func printable(_ name: String) -> String {
        ToolkitError.quoted(String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }), limit: 40)
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
