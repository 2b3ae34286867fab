import CLibCSV

/// A row of delimited text being put together field by field, as ``CSVWriter`` writes one: text fields guarded
/// against running as formulas and quoted where they need to be, other bytes (fields encoded before, numbers) as
/// they are.
public struct CSVRowBytes {
    /// The row so far.
    @usableFromInline var bytes: [UInt8] = []
    @usableFromInline let delimiter: UInt8
    let formulaGuard: Bool

    init(delimiter: UInt8, formulaGuard: Bool) {
        self.delimiter = delimiter
        self.formulaGuard = formulaGuard
    }

    /// Appends the delimiter, between two fields.
    @inlinable
    public mutating func separate() { bytes.append(delimiter) }

    /// Appends bytes as they are: fields encoded before (``CSVWriter/encoded(_:)``) or a number's digits.
    @inlinable
    public mutating func append(_ other: some Collection<UInt8>) { bytes.append(contentsOf: other) }

    /// Appends a field's text, guarded and quoted where it needs to be.
    /// - Complexity: O(*n*) in the field's bytes.
    public mutating func field(_ text: String) {
        var text = formulaGuard ? FormulaGuard.guarding(text) : text
        text.withUTF8 { field in
            guard needsQuoting(field) else { return bytes.append(contentsOf: field) }
            var quoted = [UInt8](repeating: 0, count: field.count * 2 + 2)
            let written = quoted.withUnsafeMutableBytes { out in
                csv_write(out.baseAddress, out.count, field.baseAddress, field.count)
            }
            bytes.append(contentsOf: quoted[..<written])
        }
    }

    private func needsQuoting(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let firstByte = field.first, let lastByte = field.last else { return false }
        if firstByte == 0x20 || lastByte == 0x20 { return true }
        for b in field where b == delimiter || b == 0x22 || b == 0x0A || b == 0x0D { return true }
        return false
    }
}
