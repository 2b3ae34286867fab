import CLibCSV

/// Rows as libcsv's field callback stores them (`svtk_row_add_field`, in C): each field's bytes followed by a NUL,
/// and where each field starts. A ``RowParser`` empties it after each row, or keeps appending rows to it when it
/// reads a segment ahead for another thread (``RowBlock``).
final class RowBuffer {
    /// The C buffer, at a fixed address so that it can be libcsv's callback context.
    let storage: UnsafeMutablePointer<svtk_row>
    /// The first field of the row being read.
    private(set) var firstField = 0

    /// An empty buffer of a few kilobytes, grown as rows need.
    init() {
        storage = .allocate(capacity: 1)
        guard svtk_row_init(storage, nil) != 0 else {
            fatalError("out of memory: cannot allocate a row buffer of a few kilobytes")
        }
    }

    deinit {
        svtk_row_free(storage)
        storage.deallocate()
    }

    /// The fields of the row being read so far.
    var fieldCount: Int { storage.pointee.field_count - firstField }

    /// The row being read; `isASCII` when none of its fields held a NUL or a byte of 0x80 or above.
    func currentRow(line: Int, isASCII: Bool) -> CSVRow {
        row(firstField: firstField, count: fieldCount, line: line, isASCII: isASCII)
    }

    /// A row kept in the buffer, from its first field.
    func row(firstField: Int, count: Int, line: Int, isASCII: Bool) -> CSVRow {
        CSVRow(
            storage: storage.pointee.bytes, fieldStarts: storage.pointee.starts + firstField, count: count, line: line,
            isASCII: isASCII)
    }

    /// Ends the row being read by keeping it: the next row starts after it.
    func keepRow() {
        firstField = storage.pointee.field_count
        storage.pointee.first_unusual = -1
    }

    /// Empties the buffer, keeping its memory.
    func clear() {
        svtk_row_clear(storage)
        firstField = 0
    }
}
