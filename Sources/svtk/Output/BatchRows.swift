import CSV
import Evidence

/// A row of a wide table as `svtk load` writes it as CSV, one row per figure: a copy of the batch's figures with the
/// cells that start each figure's row and the cells its figures share.
struct BatchRows: BatchOutput {
    /// The cells that start each slot's row (the file's and the indicator's, each followed by the delimiter), one
    /// slot's after another, and where each slot's end.
    let prefixes: (bytes: [UInt8], ends: [Int])
    /// The cells every slot's row shares after those: the area's and the period's, and the empty breakdown.
    let middle: [UInt8]
    let figures: BatchFigures

    /// About the number of bytes the rows take, to make room for them at once: each row's cells before its figures,
    /// and 64 bytes for the figures.
    var byteEstimate: Int { prefixes.bytes.count + figures.count * (middle.count + 64) }

    /// Appends each figure's row, in the order of ``NormalisedLoader/columns``.
    /// - Complexity: O(*n*) in the bytes written.
    func write(to rows: inout CSVRowBytes) {
        prefixes.bytes.withUnsafeBufferPointer { prefixBytes in
            middle.withUnsafeBufferPointer { middle in
                // A row's figures mostly share one denominator (a census table's total): written once, then copied.
                var lastDenominator = (bits: Double.nan.bitPattern, bytes: 0..<0)
                for slot in 0..<figures.count {
                    let from = slot == 0 ? 0 : prefixes.ends[slot - 1]
                    rows.append(UnsafeBufferPointer(rebasing: prefixBytes[from..<prefixes.ends[slot]]))
                    rows.append(middle)
                    rows.append(figure: figures.values[slot].unlessNaN)
                    rows.separate()
                    if let reason = figures.missing[slot] { rows.field(reason.rawValue) }
                    rows.append(",,,,,")  // no confidence limits
                    rows.append(figure: figures.counts[slot].unlessNaN)
                    rows.separate()
                    if figures.denominators[slot].bitPattern == lastDenominator.bits {
                        rows.appendAgain(lastDenominator.bytes)
                    } else {
                        let from = rows.position
                        rows.append(figure: figures.denominators[slot].unlessNaN)
                        lastDenominator = (figures.denominators[slot].bitPattern, from..<rows.position)
                    }
                    rows.separate()
                    if let note = figures.notes?[slot] { rows.field(note) }
                    rows.endRow()
                }
            }
        }
    }
}
