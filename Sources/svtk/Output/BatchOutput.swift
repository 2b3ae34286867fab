import CSV

/// Runs of bytes for each slot of a wide table's layout (CSV cells or JSON members), one after another, and where
/// each run ends.
typealias SlotCells = (bytes: [UInt8], ends: [Int])

/// Rows as `svtk load` writes them, one row or object per figure, to be put together on another thread.
protocol BatchOutput: Sendable {
    /// About the number of bytes the rows take, to make room for them at once.
    var byteEstimate: Int { get }
    /// Appends each figure's row or object.
    func write(to rows: inout CSVRowBytes)
}
