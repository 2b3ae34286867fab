/// How a file is written: its delimiter and its encoding.
public struct CSVDialect: Sendable, Equatable {
    /// The field delimiter byte (comma, tab or semicolon).
    public var delimiter: UInt8
    /// The text encoding, once known: `nil` while a file has shown only ASCII.
    public var encoding: TextEncoding?
    /// True when the file starts with a UTF-8 byte-order mark.
    public var hasByteOrderMark: Bool

    /// The delimiter's name as a user would say it.
    public var delimiterName: String { Delimiter(rawValue: delimiter)?.name ?? "0x\(String(delimiter, radix: 16))" }
}

/// The delimiters the reader sniffs for and accepts on the command line.
public enum Delimiter: UInt8, CaseIterable, Sendable {
    case comma = 0x2C
    case tab = 0x09
    case semicolon = 0x3B

    /// Parses `comma`, `tab`, `semicolon` or the character itself (`,` `;` or `\t`).
    public init?(argument: String) {
        switch argument.lowercased() {
        case "comma", ",": self = .comma
        case "tab", "\t", "\\t": self = .tab
        case "semicolon", ";": self = .semicolon
        default: return nil
        }
    }

    /// The delimiter's name as `--delimiter` takes it: `comma`, `tab` or `semicolon`.
    public var name: String {
        switch self {
        case .comma: "comma"
        case .tab: "tab"
        case .semicolon: "semicolon"
        }
    }
}
