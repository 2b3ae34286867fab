/// Rows and blank lines copied out of a ``RowParser`` in the order it met them, so that another thread can hand
/// them on later: what a helper thread makes of one segment of a file.
///
/// One thread uses a block at a time (``SegmentedRead`` hands it over); blocks are reset and reused, so their
/// buffers are allocated once per read rather than once per segment.
final class RowBlock: @unchecked Sendable {
    /// A row (where it starts in ``buffer``), or a blank line when `count` is negative.
    private struct Entry {
        var line: Int
        var count: Int
        var firstField: Int
        var isASCII: Bool
    }

    /// The rows' fields, kept one after another by the parser that read them.
    let buffer = RowBuffer()
    private var entries: [Entry] = []
    /// The segment's text as read from the file, before parsing.
    private var text = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    deinit { text.deallocate() }

    /// Empties the block, keeping its buffers.
    func reset() {
        entries.removeAll(keepingCapacity: true)
        buffer.clear()
    }

    /// A buffer of `count` bytes for the segment's text, reused from the last segment when it is large enough.
    func textBuffer(count: Int) -> UnsafeMutableRawBufferPointer {
        if text.count < count {
            text.deallocate()
            text = .allocate(byteCount: count, alignment: 16)
        }
        return UnsafeMutableRawBufferPointer(rebasing: text[..<count])
    }

    /// Notes the row being read into ``buffer``, which keeps its fields.
    func noteRow(_ row: CSVRow) {
        entries.append(Entry(line: row.line, count: row.count, firstField: buffer.firstField, isASCII: row.isASCII))
    }

    /// Notes a blank line.
    func noteBlankLine(_ line: Int) {
        entries.append(Entry(line: line, count: -1, firstField: 0, isASCII: true))
    }

    /// Hands each row to `onRow` and each blank line to `onBlankLine`, in order, with `lineOffset` added to
    /// every line number. Each row is valid only during its call.
    /// - Throws: what `onRow` throws, stopping there.
    func replay(lineOffset: Int, onRow: (CSVRow) throws -> Void, onBlankLine: (Int) -> Void) throws {
        for entry in entries {
            guard entry.count >= 0 else {
                onBlankLine(entry.line + lineOffset)
                continue
            }
            try onRow(
                buffer.row(
                    firstField: entry.firstField, count: entry.count, line: entry.line + lineOffset,
                    isASCII: entry.isASCII))
        }
    }
}
