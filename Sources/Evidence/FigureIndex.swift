/// Where each figure of an ``ObservationTable`` is, found by what it is a figure of (indicator, area, period and
/// breakdown): an open-addressing table of positions with linear probing, four bytes a slot and at most half full.
/// A slot holds no key; its figure's key is read back from the table's columns.
///
/// Every position of the table is indexed, in order: a figure is recorded here as it is appended there. So the index
/// takes 8 to 16 bytes a figure, where a `[FigureKey: Int]` took 32 to 64 (about 400 MB of the national atlas's
/// seven million figures).
///
/// The hash mixes the key's four symbols with a seed drawn once per process, so no file can aim its figures at one
/// run of slots. Positions are held in 32 bits: a table of four billion figures would need over 100 GB anyway.
struct FigureIndex {
    /// Each slot's position plus one; 0 for an empty slot. The count is a power of two.
    private var slots = [UInt32](repeating: 0, count: 1024)
    /// The number of figures indexed.
    private var count = 0

    private static let seed = UInt64.random(in: .min ... .max)

    /// An empty index.
    init() {}

    /// An index of every figure of the columns, at most half full.
    init(indexing table: ObservationTable.KeyColumns) {
        count = table.indicator.count
        var size = slots.count
        while size < count * 2 { size *= 2 }
        place(table, in: size)
    }

    /// The position of the figure `key` names when the table holds it; otherwise nil, having recorded that the
    /// figure is about to be appended at `position` (the table's end).
    ///
    /// - Complexity: O(1) expected; amortised, as the slots double when half full (all positions placed again).
    mutating func firstPosition(
        of key: ObservationTable.FigureKey, orRecord position: Int, in table: ObservationTable.KeyColumns
    ) -> Int? {
        var slot = Self.slot(of: key, mask: slots.count - 1)
        while slots[slot] != 0 {
            let held = Int(slots[slot] - 1)
            if table.holds(key, at: held) { return held }
            slot = (slot + 1) & (slots.count - 1)
        }
        if (count + 1) * 2 > slots.count {
            grow(table)
            slot = Self.slot(of: key, mask: slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        }
        slots[slot] = UInt32(position + 1)
        count += 1
        return nil
    }

    /// Doubles the slots and places every position of the table again, reading the keys in table order.
    private mutating func grow(_ table: ObservationTable.KeyColumns) { place(table, in: slots.count * 2) }

    /// Places the table's first `count` positions in `size` new slots.
    private mutating func place(_ table: ObservationTable.KeyColumns, in size: Int) {
        slots = []
        var wider = [UInt32](repeating: 0, count: size)
        let mask = wider.count - 1
        for position in 0..<count {
            var slot = Self.slot(of: table.key(at: position), mask: mask)
            while wider[slot] != 0 { slot = (slot + 1) & mask }
            wider[slot] = UInt32(position + 1)
        }
        slots = wider
    }

    /// The first slot to try for a key: the four symbols as two words, mixed with the seed by SplitMix64's finaliser.
    private static func slot(of key: ObservationTable.FigureKey, mask: Int) -> Int {
        let first = UInt64(key.indicator) << 32 | UInt64(key.area)
        let second = UInt64(key.period) << 32 | UInt64(key.breakdown)
        return Int(truncatingIfNeeded: mix(mix(first ^ seed) &+ second)) & mask
    }

    private static func mix(_ word: UInt64) -> UInt64 {
        var z = word &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
