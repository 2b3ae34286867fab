import CSV
import Core

/// What a key cell (an area code, an indicator id, a period) may hold. Figures are keyed by these cells, so a
/// character that cannot be seen, or a code of the wrong shape, would file a figure under a phantom area,
/// indicator or period; such a cell is an error, never read.
public enum CodeShape: Sendable {
    /// A GSS code as ONS gives every statistical area: a capital letter and eight digits (`E08000018`), or, for the
    /// parts of an area split by a later boundary in Census 2021's custom outputs, a capital letter in place of the
    /// third digit (`E05R14284`), never O or I, which are typed for 0 and 1.
    case gss
    /// An area code of any publisher: capital letters and digits. Fingertips gives GSS codes and also GP
    /// practices' and primary care networks' (a letter and five digits: `C84001`, `U00070`), so a code that
    /// begins as a GSS code does (a country letter E, W, S, N or K, then a digit) must be one, or a letter and
    /// five digits.
    case areaCode
    /// Any text without invisible characters (a period, an indicator's id or name).
    case text

    /// What is wrong with a cell's trimmed bytes as this shape, if anything; an empty cell is left to the loader.
    /// - Complexity: O(*n*) in the cell's length; an ASCII cell is checked byte by byte without decoding.
    public func problem(with field: CSVField) -> String? { problem(with: field, isASCII: false) }

    /// ``problem(with:)``, without the search for invisible characters when the cell is known to be ASCII (none can
    /// be there).
    private func problem(with field: CSVField, isASCII: Bool) -> String? {
        let bytes = field.trimmed.bytes
        guard !bytes.isEmpty else { return nil }
        if !isASCII, let invisible = Self.invisibleCharacter(in: bytes) { return invisible }
        switch self {
        case .text: return nil
        case .gss:
            return Self.isGSS(bytes) ? nil : Self.notGSS
        case .areaCode:
            guard bytes.allSatisfy({ Self.isCapital($0) || Self.isDigit($0) }) else {
                return "is not an area code (capital letters and digits, as E08000018)"
            }
            let looksGSS = Self.isCountryLetter(bytes[0]) && bytes.count > 1 && Self.isDigit(bytes[1])
            let practice = bytes.count == 6 && bytes.dropFirst().allSatisfy(Self.isDigit)
            return !looksGSS || practice || Self.isGSS(bytes) ? nil : Self.notGSS
        }
    }

    /// Throws at the cell when it does not have this shape.
    /// - Throws: `ToolkitError` at the file, the row's line and the column (1-based), quoting the cell.
    public func check(_ row: CSVRow, _ column: Int, file: String, what: String) throws {
        guard let problem = problem(with: row[column], isASCII: row.isASCII) else { return }
        throw ToolkitError(
            file: file, line: row.line, column: column + 1,
            "\(what) \(ToolkitError.quoted(row[column].trimmedString, limit: 40)) \(problem)")
    }

    static let notGSS = "is not a GSS code (a capital letter and eight digits, as E08000018)"

    static func isGSS(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == 9 && isCapital(bytes[0]) && isDigit(bytes[1]) && isDigit(bytes[2])
            && (isDigit(bytes[3]) || (isCapital(bytes[3]) && !isTypedForDigit(bytes[3])))
            && bytes.dropFirst(4).allSatisfy(isDigit)
    }

    static func isCapital(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    /// O or I, which are typed for 0 and 1.
    static func isTypedForDigit(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "O") || byte == UInt8(ascii: "I") }
    /// E, W, S, N or K: the first letter of a GSS code for an area in England, Wales, Scotland or Northern Ireland, or
    /// of one spanning them (K: the UK, Great Britain, England and Wales).
    static func isCountryLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "E"), UInt8(ascii: "W"), UInt8(ascii: "S"), UInt8(ascii: "N"), UInt8(ascii: "K"): true
        default: false
        }
    }

    /// The first character in the bytes that cannot be seen or reads as a space (Unicode's default-ignorable code
    /// points, format characters and non-ASCII spaces: a byte-order mark, a zero-width space, a soft hyphen, a
    /// no-break space…), named with its position, or `nil`.
    static func invisibleCharacter(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        for (position, scalar) in String(decoding: bytes, as: UTF8.self).unicodeScalars.enumerated()
        where !scalar.isASCII {
            let properties = scalar.properties
            guard
                properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format
                    || properties.generalCategory == .spaceSeparator
            else { continue }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return "holds an invisible character, \(code) \(properties.name ?? "") (character \(position + 1)): "
                + "delete it, or the figure would be filed under a code that only looks the same"
        }
        return nil
    }
}
