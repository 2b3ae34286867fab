/// Cells kept in blocks of a fixed number, appended to and never changed: a copy (handed to the thread that writes a
/// piece of rows) shares every full block, so it costs the block references and the last block's cells, not a copy
/// of every cell made so far, whose number grows with a file that names a new area on every row.
struct CellBlocks {
    /// The cells a block holds: copying a block (the one being filled, after a copy of the whole) costs this many
    /// references at most.
    private static let blockSize = 1024

    private var full: [[[UInt8]]] = []
    private var last: [[UInt8]] = []

    /// The number of cells held.
    private var count = 0

    /// Appends a cell; returns its place.
    /// - Complexity: O(1) amortised; after a copy, O(*b* + *n* / *b*) in the block size and the cells held.
    mutating func append(_ cell: [UInt8]) -> Int32 {
        last.append(cell)
        if last.count == Self.blockSize {
            full.append(last)
            last = []
            last.reserveCapacity(Self.blockSize)
        }
        count += 1
        return Int32(count - 1)
    }

    /// The cell at a place given by ``append(_:)``.
    subscript(place: Int32) -> [UInt8] {
        let (block, index) = Int(place).quotientAndRemainder(dividingBy: Self.blockSize)
        return block < full.count ? full[block][index] : last[index]
    }
}
