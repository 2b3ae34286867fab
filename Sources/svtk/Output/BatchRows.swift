import CSV
import Evidence

/// A row of a wide table as `svtk load` writes it, one CSV row per figure: a copy of a batch's figures with the cells
/// that start each figure's row and the cells its figures share, so it can be written on any thread after the batch
/// has moved on to the next row.
struct BatchRows: Sendable {
    /// The cells that start each slot's row (the file's and the indicator's, each followed by the delimiter), one
    /// slot's after another, and where each slot's end.
    let prefixes: (bytes: [UInt8], ends: [Int])
    /// The cells every slot's row shares after those: the area's and the period's, and the empty breakdown.
    let middle: [UInt8]
    let values: [Double]
    let missing: [MissingReason?]
    let counts: [Double]
    let denominators: [Double]
    /// Each slot's note; `nil` when no slot has one, as in most tables.
    let notes: [String?]?

    /// The batch's figures as they are now, with the cells for its rows.
    init(_ batch: ObservationBatch, prefixes: (bytes: [UInt8], ends: [Int]), middle: [UInt8]) {
        self.prefixes = prefixes
        self.middle = middle
        values = Self.copy(batch.values)
        missing = Self.copy(batch.missing)
        counts = Self.copy(batch.counts)
        denominators = Self.copy(batch.denominators)
        notes = batch.notes.contains { $0 != nil } ? Self.copy(batch.notes) : nil
    }

    /// A column of the batch, copied in one go.
    private static func copy<Element>(_ column: UnsafeMutableBufferPointer<Element>) -> [Element] {
        Array(unsafeUninitializedCapacity: column.count) { copied, count in
            if let from = column.baseAddress { copied.baseAddress!.initialize(from: from, count: column.count) }
            count = column.count
        }
    }

    /// The number of figures, one row each.
    var count: Int { values.count }

    /// About the number of bytes the rows take, to make room for them at once: each row's cells before its figures,
    /// and 64 bytes for the figures.
    var byteEstimate: Int { prefixes.bytes.count + count * (middle.count + 64) }

    /// Appends each figure's row, in the order of ``NormalisedLoader/columns``.
    /// - Complexity: O(*n*) in the bytes written.
    func write(to rows: inout CSVRowBytes) {
        prefixes.bytes.withUnsafeBufferPointer { prefixBytes in
            middle.withUnsafeBufferPointer { middle in
                // A row's figures mostly share one denominator (a census table's total): written once, then copied.
                var lastDenominator = (bits: Double.nan.bitPattern, bytes: 0..<0)
                for slot in 0..<count {
                    let from = slot == 0 ? 0 : prefixes.ends[slot - 1]
                    rows.append(UnsafeBufferPointer(rebasing: prefixBytes[from..<prefixes.ends[slot]]))
                    rows.append(middle)
                    Self.append(values[slot], to: &rows)
                    rows.separate()
                    if let reason = missing[slot] { rows.field(reason.rawValue) }
                    rows.append(",,,,,")  // no confidence limits
                    Self.append(counts[slot], to: &rows)
                    rows.separate()
                    if denominators[slot].bitPattern == lastDenominator.bits {
                        rows.appendAgain(lastDenominator.bytes)
                    } else {
                        let from = rows.position
                        Self.append(denominators[slot], to: &rows)
                        lastDenominator = (denominators[slot].bitPattern, from..<rows.position)
                    }
                    rows.separate()
                    if let note = notes?[slot] { rows.field(note) }
                    rows.endRow()
                }
            }
        }
    }

    /// A figure, or nothing for NaN (none).
    private static func append(_ value: Double, to rows: inout CSVRowBytes) {
        if !value.isNaN { rows.append(figure: value) }
    }
}
