/// A problem with an input file, located at a file, line and column so that a user can find and fix it.
///
/// Its description reads `file:line:column: message`, the form editors and terminals recognise.
public struct InputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file the problem is in.
    public var file: String
    /// The 1-based physical line, or `nil` when the problem concerns the whole file.
    public var line: Int?
    /// The 1-based column (field position within the row), or `nil` when it concerns a whole row.
    public var column: Int?
    /// What is wrong and, where possible, what to do about it.
    public var message: String
    /// The setting the problem is with, when it is not in a file (`authority`, `population`, `lookup`): a program
    /// names it as its users set it (the command line as `--authority`).
    public var setting: String?

    /// A problem at a place in a file: its path, and the line and column where known.
    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// A problem with a setting rather than with a file's content: the authority asked for, a missing input.
    public init(setting: String, _ message: String) {
        self.file = setting
        self.setting = setting
        self.message = message
    }

    /// `file:line:column: message`, the form editors and terminals recognise.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}

extension InputError {
    /// Text from an input file as a message may quote it: in double quotes, cut to `limit` characters with
    /// "…", so that an error never echoes a long field or a line of an arbitrary file.
    public static func quoted(_ text: some StringProtocol, limit: Int = 60) -> String {
        "\"" + (text.count > limit ? text.prefix(limit) + "…" : String(text)) + "\""
    }
}
