/// The values of wide tables' rows kept by their area and period, so that one figure of a row can be found again:
/// what ``FigureKeys`` compares a later file's figure with when that file gives it one by one or in another table's
/// row.
///
/// Memory grows by 8 bytes per figure kept and about 40 per row.
struct KeptRows {
    /// A row: its layout's number, its file's, where its values start, and the row kept before it at the same place.
    private struct Row {
        var layout: Int32
        var file: Int32
        var start: Int
        var previous: Int32
    }

    private var rows: [Row] = []
    /// Each slot's value bits (a missing figure's reason in a NaN's payload), row after row.
    private var values: [UInt64] = []
    /// The last row kept at each place (a digest of its area and period).
    private var lastAt: [Digest: Int32] = [:]

    /// True when no row is kept.
    var isEmpty: Bool { rows.isEmpty }

    /// Keeps a row of layout `layout` at `place`, from file `file`, with the value bits of its `count` slots.
    /// - Complexity: O(*k*) in the row's slots.
    mutating func keep(count: Int, bits: (Int) -> UInt64, at place: Digest, layout: Int32, file: Int32) {
        rows.append(Row(layout: layout, file: file, start: values.count, previous: lastAt[place] ?? -1))
        for slot in 0..<count { values.append(bits(slot)) }
        lastAt[place] = Int32(rows.count - 1)
    }

    /// The value bits and file of slot `slot` of the row of layout `layout` kept at `place`, if one is.
    /// - Complexity: O(*r*) in the rows kept at the place (one per table giving it).
    func figure(at place: Digest, layout: Int32, slot: Int) -> (bits: UInt64, file: Int32)? {
        var index = lastAt[place] ?? -1
        while index >= 0 {
            let row = rows[Int(index)]
            if row.layout == layout { return (values[row.start + slot], row.file) }
            index = row.previous
        }
        return nil
    }
}
