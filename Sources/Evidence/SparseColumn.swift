/// A column most of whose figures have nothing in it (a confidence limit, a note, a count): stored in blocks of
/// 4,096 positions, a block allocated only once a figure in it has something. A file's figures are appended
/// together, so the few files with confidence limits or notes fill a few blocks, and the millions of census and
/// deprivation figures beside them take none.
struct SparseColumn<Element: Sendable>: Sendable {
    /// The blocks in position order; an empty block holds nothing.
    private var blocks: [[Element]] = []
    /// What a position holds when nothing was set there.
    private let none: Element

    private static var blockShift: Int { 12 }
    private static var blockMask: Int { (1 << blockShift) - 1 }

    /// - Parameter none: what a position holds when nothing was set there.
    init(none: Element) { self.none = none }

    /// What is at a position.
    ///
    /// - Complexity: O(1).
    subscript(position: Int) -> Element {
        let block = position >> Self.blockShift
        guard block < blocks.count, !blocks[block].isEmpty else { return none }
        return blocks[block][position & Self.blockMask]
    }

    /// Puts something at a position, allocating its block if it has none.
    ///
    /// - Complexity: O(1) amortised; a new block costs 4,096 elements.
    mutating func set(_ element: Element, at position: Int) {
        let block = position >> Self.blockShift
        while blocks.count <= block { blocks.append([]) }
        if blocks[block].isEmpty { blocks[block] = Array(repeating: none, count: Self.blockMask + 1) }
        blocks[block][position & Self.blockMask] = element
    }

    /// The column of the positions given (ascending), in order: a kept position's element is copied where its block
    /// was allocated, so the new column allocates blocks only where the old one had them.
    ///
    /// - Complexity: O(*n*) in the positions kept.
    func keeping(only kept: [Int32]) -> SparseColumn {
        var column = SparseColumn(none: none)
        for (position, old) in kept.enumerated() {
            let block = Int(old) >> Self.blockShift
            guard block < blocks.count, !blocks[block].isEmpty else { continue }
            column.set(blocks[block][Int(old) & Self.blockMask], at: position)
        }
        return column
    }
}
