import CSV
import Evidence

/// Rows of wide tables as `svtk load` writes them as CSV, one row per figure, gathered a piece at a time to be put
/// together on another thread: every table row's figures in columns the piece shares, its area's and period's cells
/// in one run of bytes, and the cells that start each slot's row kept once for each run of rows of one layout.
///
/// A piece's rows live in a few arrays that grow as rows arrive, not in arrays of each row's own: the reading thread
/// allocates no arrays for a row (beyond its area's cells, made once per area), and the thread that writes a piece
/// frees a few blocks rather than each row's (threads freeing what another allocated contend for the allocator's
/// lock).
struct WideRows: BatchOutput {
    /// Where a table row's parts are: its prefixes in ``prefixes``, its first figure in the columns, and the end
    /// of its area's and period's cells in ``middles``.
    private struct Row {
        var prefixes: Int
        var firstFigure: Int
        var middleEnd: Int
    }

    private var rows: [Row] = []
    /// The cells that start each slot's row (the file's and the indicator's, each followed by the delimiter), once
    /// for each run of rows of one layout.
    private var prefixes: [SlotCells] = []
    /// Each row's area cells, then its period and empty breakdown, one row's after another.
    private var middles: [UInt8] = []
    private var values: [Double] = []
    private var missing: [MissingReason?] = []
    private var counts: [Double] = []
    private var denominators: [Double] = []
    /// Each figure's note; `nil` until a row has one, as in most tables.
    private var notes: [String?]?
    /// Whether an earlier file gave each figure, to be left out; `nil` until a row has one, as in most tables.
    private var givenEarlier: [Bool]?
    private(set) var byteEstimate = 0

    /// Whether no row has been added.
    var isEmpty: Bool { rows.isEmpty }

    /// Adds a table row's figures (one row each, but those `givenEarlier` marks), as the batch holds them now, with
    /// the cells that start each slot's row and the row's area and period cells.
    /// - Complexity: O(*k*) in the batch's figures and the cells' bytes, amortised, with no allocation but the
    ///   arrays' growth.
    mutating func append(
        _ batch: ObservationBatch, prefixes slots: SlotCells, area: [UInt8], period: [UInt8],
        givenEarlier given: [Bool]?
    ) {
        // Mostly the same arrays as the last row's, found equal in O(1) (arrays compare their storage first).
        let sameAsLast = prefixes.last.map { $0.ends == slots.ends && $0.bytes == slots.bytes } ?? false
        if !sameAsLast { prefixes.append(slots) }
        middles += area
        middles += period
        rows.append(Row(prefixes: prefixes.count - 1, firstFigure: values.count, middleEnd: middles.count))
        values += batch.values
        missing += batch.missing
        counts += batch.counts
        denominators += batch.denominators
        if notes == nil, batch.notes.contains(where: { $0 != nil }) {
            notes = Array(repeating: nil, count: values.count - batch.count)
        }
        notes?.append(contentsOf: batch.notes)
        if givenEarlier == nil, given != nil {
            givenEarlier = Array(repeating: false, count: values.count - batch.count)
        }
        givenEarlier?.append(contentsOf: given ?? Array(repeating: false, count: batch.count))
        // Each row's cells before its figures, and 64 bytes for the figures.
        byteEstimate += slots.bytes.count + batch.count * (area.count + period.count + 64)
    }

    /// Appends each figure's row, in the order of ``NormalisedLoader/columns``: the same bytes as a row written
    /// alone.
    /// - Complexity: O(*n*) in the bytes written.
    func write(to out: inout CSVRowBytes) {
        middles.withUnsafeBufferPointer { middles in
            var middleStart = 0
            for (index, row) in rows.enumerated() {
                let end = index + 1 < rows.count ? rows[index + 1].firstFigure : values.count
                let middle = UnsafeBufferPointer(rebasing: middles[middleStart..<row.middleEnd])
                write(row.firstFigure..<end, prefixes: prefixes[row.prefixes], middle: middle, to: &out)
                middleStart = row.middleEnd
            }
        }
    }

    /// Appends the rows of one table row's figures, at `figures` in the columns.
    private func write(
        _ figures: Range<Int>, prefixes: SlotCells, middle: UnsafeBufferPointer<UInt8>, to out: inout CSVRowBytes
    ) {
        prefixes.bytes.withUnsafeBufferPointer { prefixBytes in
            // A row's figures mostly share one denominator (a census table's total): written once, then copied.
            var lastDenominator = (bits: Double.nan.bitPattern, bytes: 0..<0)
            for (slot, figure) in figures.enumerated() where givenEarlier?[figure] != true {
                let from = slot == 0 ? 0 : prefixes.ends[slot - 1]
                out.append(UnsafeBufferPointer(rebasing: prefixBytes[from..<prefixes.ends[slot]]))
                out.append(middle)
                out.append(figure: values[figure].unlessNaN)
                out.separate()
                if let reason = missing[figure] { out.field(reason.rawValue) }
                out.append(",,,,,")  // no confidence limits
                out.append(figure: counts[figure].unlessNaN)
                out.separate()
                if denominators[figure].bitPattern == lastDenominator.bits {
                    out.appendAgain(lastDenominator.bytes)
                } else {
                    let from = out.position
                    out.append(figure: denominators[figure].unlessNaN)
                    lastDenominator = (denominators[figure].bitPattern, from..<out.position)
                }
                out.separate()
                if let note = notes?[figure] { out.field(note) }
                out.endRow()
            }
        }
    }
}
