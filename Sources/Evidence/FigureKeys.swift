import Core

/// The figures a stream of files has passed, each remembered by a 128-bit digest of what it is a figure of
/// (indicator, area, period, breakdown) with its value and file, so a figure given twice is caught where figures
/// are not kept (`svtk load`, `svtk inspect`). A figure's file is the file being read (``startFile(_:)``) with the
/// figure's source, so a normalised file read back and the file it came from are two files, as are two sources a
/// normalised file holds. As in ``Dataset``, the same file giving a figure twice is an error (also after earlier
/// files gave it), and a later file giving it again with the same value repeats it (to be skipped). Unlike
/// ``Dataset``, which keeps the first file's value and counts the later one as a duplicate, a later file giving
/// another value contradicts it (an error): what is streamed out cannot be taken back.
///
/// Memory grows by about 60 bytes per distinct figure (measured: 61 MB for a million), whatever the length of its
/// codes and names. Two different figures would be taken for one only if both halves of their digests agreed, a
/// chance far below one in 10²⁰ even for a billion figures.
public struct FigureKeys {
    /// A figure's digest: two 64-bit hashes of its key, finished differently.
    private struct Digest: Hashable {
        var first: Int
        var second: Int

        /// The first half alone places a digest in the table: it is a hash already.
        func hash(into hasher: inout Hasher) { hasher.combine(first) }

        /// The first half, mixed with the table's seed, as the table's hash: a SipHash of the figure's key already
        /// (made with this process's random seed, so no file can aim its figures at one bucket), not hashed again.
        func _rawHashValue(seed: Int) -> Int { first ^ seed }
    }

    /// A figure's value, the file that gave it first, and the last later file that repeated it (-1 for none).
    private struct Seen {
        var value: UInt64
        var file: Int32
        var repeatedBy: Int32 = -1
    }

    private var seen: [Digest: Seen] = [:]
    /// The files that repeated a figure before its last repeater (``Seen/repeatedBy``): only figures given by
    /// three files or more, so most files add nothing here.
    private var earlierRepeaters: [Digest: [Int32]] = [:]
    /// The file being read (``startFile(_:)``), which errors name.
    private var reading: String?
    /// The sources of the file being read, numbered after those of the files read before.
    private var files: [String: Int32] = [:]
    /// The number of sources numbered in all files.
    private var numbered: Int32 = 0
    /// Each batch layout's indicators, hashed; the layout is kept, so that no other takes its identifier.
    private var layouts: [ObjectIdentifier: (layout: BatchLayout, key: Int)] = [:]
    /// The last figure's area and breakdown, and a hasher fed them.
    private var lastPlace: (area: String, breakdown: Breakdown, hasher: Hasher)?
    /// The last file seen and its number, so most figures look their file up by one comparison.
    private var last: (source: String, file: Int32)?

    /// An empty record.
    public init() {}

    /// Starts a file: its figures, whatever their source, are another file's than those of the files read before.
    public mutating func startFile(_ path: String) {
        reading = path
        files.removeAll()
        last = nil
    }

    /// Records a figure; true when it is new, false when an earlier file gave it with the same value.
    /// - Throws: `ToolkitError` naming the figure's file (the reader adds the line) when the file gave it before,
    ///   or an earlier file gave it another value.
    /// - Complexity: O(1) amortised, hashing the figure's key once.
    public mutating func admit(_ observation: Observation) throws -> Bool {
        var hasher = place(observation.area, observation.breakdown)
        hasher.combine(observation.period)
        return try admit(
            hasher, indicator: observation.indicator, value: observation.value, missing: observation.missing,
            source: observation.source)
    }

    /// Records a batch's figures (a row of a wide table: one area and period, the layout's indicators) as one:
    /// its digest is of the area, period and the layout's indicators, its value of every figure in it. So a row is
    /// remembered in about 60 bytes however many figures it holds; a row repeating only some of another's
    /// indicators (two tables sharing columns) is not caught here, but where figures are kept (``Dataset``).
    /// - Throws: as ``admit(_:)``, naming the row's first indicator.
    /// - Complexity: O(*k*) in the batch's figures, the layout's indicators hashed once per layout.
    public mutating func admit(_ batch: ObservationBatch) throws -> Bool {
        var hasher = place(batch.area, Breakdown())
        hasher.combine(batch.period)
        // The row's figures mixed into one word: each figure's bits, missing reason and slot through SplitMix64's
        // finaliser on its own, the results summed (so one figure's mixing need not wait for the last's). Equal rows
        // agree; rows that differ in any figure, reason or its slot differ but for a one-in-2⁶⁴ chance.
        let (values, missing) = (batch.values, batch.missing)
        var value: UInt64 = 0
        for slot in 0..<batch.count {
            let reason = missing[slot].flatMap { MissingReason.allCases.firstIndex(of: $0) } ?? -1
            let tag = UInt64(slot) << 8 | UInt64(bitPattern: Int64(reason)) & 0xFF
            var z = values[slot].bitPattern &+ tag &* 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            value &+= z ^ (z >> 31)
        }
        return try admit(
            hasher, indicator: batch.layout.indicators.first ?? "", layout: layoutKey(batch.layout), bits: value,
            source: batch.source)
    }

    /// A hasher fed a figure's area and breakdown: the last figure's again when they are the same as its, as they
    /// are for most rows of a file sorted by area or indicator.
    private mutating func place(_ area: String, _ breakdown: Breakdown) -> Hasher {
        if let lastPlace, lastPlace.area == area, lastPlace.breakdown == breakdown { return lastPlace.hasher }
        var hasher = Hasher()
        hasher.combine(area)
        hasher.combine(breakdown)
        lastPlace = (area, breakdown, hasher)
        return hasher
    }

    /// A layout's indicators hashed, once per layout.
    private mutating func layoutKey(_ layout: BatchLayout) -> Int {
        if let known = layouts[ObjectIdentifier(layout)] { return known.key }
        var hasher = Hasher()
        hasher.combine(layout.indicators)
        let key = hasher.finalize()
        layouts[ObjectIdentifier(layout)] = (layout, key)
        return key
    }

    private mutating func admit(
        _ place: Hasher, indicator: String, value: Double?, missing: MissingReason?, source: String
    ) throws -> Bool {
        // A missing figure is told apart by its reason, in a NaN's payload (no value has that pattern).
        let reason = missing.flatMap { MissingReason.allCases.firstIndex(of: $0) }.map { UInt64($0) + 1 } ?? 0
        var hasher = place
        hasher.combine(indicator)
        return try admit(
            hasher, indicator: indicator, layout: nil, bits: value?.bitPattern ?? (0x7FF8_0000_0000_0000 | reason),
            source: source)
    }

    /// Records a digest (of a figure, or of a row's figures when `layout` is given) with its value.
    private mutating func admit(
        _ hasher: Hasher, indicator: String, layout: Int?, bits: UInt64, source: String
    ) throws -> Bool {
        var hasher = hasher
        hasher.combine(layout)
        var other = hasher
        other.combine(0x9E37_79B9_7F4A_7C15 as UInt64)
        let key = Digest(first: hasher.finalize(), second: other.finalize())
        let file = number(of: source)
        let count = seen.count
        let first = Self.read(&seen[key, default: Seen(value: bits, file: file)])  // one lookup, inserting if new
        guard seen.count == count else { return true }
        if first.file == file || first.repeatedBy == file
            || (first.repeatedBy >= 0 && earlierRepeaters[key]?.contains(file) == true)
        {
            throw ToolkitError(
                file: reading ?? source,
                "this row repeats a figure an earlier row gave (indicator \(indicator), the same area, period and "
                    + "breakdown); a file gives each figure once")
        }
        guard first.value == bits else {
            throw ToolkitError(
                file: reading ?? source,
                "this row gives another value for a figure an earlier file gave (indicator \(indicator), the same "
                    + "area, period and breakdown): say which is right by loading one of them")
        }
        if first.repeatedBy >= 0 { earlierRepeaters[key, default: []].append(first.repeatedBy) }
        seen[key]?.repeatedBy = file  // so that this file giving it again is its error
        return false
    }

    /// What an access to the table's slot found (or put there), so that finding and inserting take one lookup.
    private static func read(_ slot: inout Seen) -> Seen { slot }

    /// The number of a figure's file: the file being read with the figure's source, numbered as first seen.
    private mutating func number(of source: String) -> Int32 {
        if let last, last.source == source { return last.file }
        let file: Int32
        if let known = files[source] {
            file = known
        } else {
            file = numbered
            files[source] = file
            numbered += 1
        }
        last = (source, file)
        return file
    }
}
