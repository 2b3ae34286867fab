/// Why the toolkit could not do what it was asked, and where: the one error type of every module.
///
/// It says what kind of problem it is (``Kind``), so that a program can answer each kind in its own way (the
/// command line with an exit code, the web app with a status), and where the problem is, as precisely as is
/// known: a file with its line and column, a contract profile's field, or a setting. Its description reads
/// `file:line:column: message`, the form editors and terminals recognise, with `field "path": ` before the
/// message for a contract field.
///
/// The library never names a command-line option: a problem with a setting carries the setting's name
/// (`authority`), and a program names it as its users set it (`--authority`).
public struct ToolkitError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kinds of problem, each with its own answer in a program.
    public enum Kind: Sendable, Equatable {
        /// Input that cannot be read or used: a file's content, a contract profile, a setting, a form, an archive.
        case badInput
        /// Something asked for that is not there: a measure, a contract in a workspace, the data folder.
        case notFound
        /// A change to something that someone else changed after it was read.
        case conflict
        /// Output that cannot be created or written: a file, a folder, standard output.
        case cannotWrite
    }

    /// The kind of problem.
    public var kind: Kind
    /// The file the problem is in (or the file that cannot be written), or `nil` when it concerns no file.
    public var file: String?
    /// The 1-based physical line, or `nil` when the problem concerns the whole file.
    public var line: Int?
    /// The 1-based column (field position within the row, character within a JSON line), or `nil`.
    public var column: Int?
    /// The field the problem is with: a contract profile's, as a path (`workforce.fte`, `cpv[2]`), or a JSON
    /// object's member; `nil` for none.
    public var field: String?
    /// The setting the problem is with, when it is not in a file (`authority`, `population`, `lookup`): a program
    /// names it as its users set it (the command line as `--authority`).
    public var setting: String?
    /// What is wrong and, where possible, what to do about it.
    public var message: String

    /// A problem at a place in a file: its path, and the line and column where known.
    public init(_ kind: Kind = .badInput, file: String?, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// A problem with a field of a contract profile read from `file` (or set another way, named by `file`), or
    /// with a member of a JSON object on `line`.
    public init(file: String?, line: Int? = nil, field: String, _ message: String) {
        self.init(file: file, line: line, message)
        self.field = field
    }

    /// A problem with a setting rather than with a file's content: the authority asked for, a missing input.
    public init(_ kind: Kind = .badInput, setting: String, _ message: String) {
        self.init(kind, file: nil, message)
        self.setting = setting
    }

    /// A problem with no place to point at: a contract missing from a workspace, a form that cannot be read.
    public init(_ kind: Kind, _ message: String) { self.init(kind, file: nil, message) }

    /// `file:line:column: field "path": message`, leaving out what is not known.
    public var description: String {
        var location = file ?? setting ?? ""
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        let problem = (field.map { "field \"\($0)\": " } ?? "") + message
        return location.isEmpty ? problem : "\(location): \(problem)"
    }
}

extension ToolkitError {
    /// The error at `line` when it is about `file` and names no line: an error about a row, raised where its line is
    /// not known (by a sink, say), located by the reader of the row; any other error as it is.
    public func located(atLine line: Int?, of file: String) -> ToolkitError {
        guard self.line == nil, self.file == file else { return self }
        var located = self
        located.line = line
        return located
    }

    /// Text from an input file as a message may quote it: in double quotes, cut to `limit` characters with
    /// "…", so that an error never echoes a long field or a line of an arbitrary file.
    public static func quoted(_ text: some StringProtocol, limit: Int = 60) -> String {
        "\"" + (text.count > limit ? text.prefix(limit) + "…" : String(text)) + "\""
    }
}
