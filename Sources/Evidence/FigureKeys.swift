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
/// A wide table's row (a batch) is remembered as one digest of its area, period and indicators with its values, so
/// a row costs about 60 bytes however many figures it holds. Where files follow (``laterFilesFollow``), each row's
/// values are kept too, 8 bytes a figure, so that a figure of it given again one by one (a normalised file read
/// back) or in another table's row (two census tables sharing a total) is compared figure by figure, as a row's
/// figures are with those given one by one before it.
///
/// Memory grows by about 60 bytes per distinct figure or row (measured: 61 MB for a million), whatever the length
/// of its codes and names. Two different figures would be taken for one only if both halves of their digests
/// agreed, a chance far below one in 10²⁰ even for a billion figures.
public struct FigureKeys {
    /// A figure's value, the file that gave it first, and the last later file that repeated it (-1 for none).
    private struct Seen {
        var value: UInt64
        var file: Int32
        var repeatedBy: Int32 = -1
    }

    /// A batch layout: its indicators hashed, and the slots whose figures are compared one by one.
    private struct KnownLayout {
        let layout: BatchLayout
        let key: Int
        /// Slots whose indicator another layout has.
        private var shared: Set<Int> = []
        /// The slots compared one by one: those shared, and those whose indicator figures given one by one have
        /// (as of `noted` such indicators; -1 when a slot has been shared since).
        private(set) var compared: [Int] = []
        private(set) var noted = 0

        init(layout: BatchLayout, key: Int) {
            self.layout = layout
            self.key = key
        }

        /// Marks a slot whose indicator another layout has; the compared slots are worked out again when next asked.
        mutating func share(_ slot: Int) {
            if shared.insert(slot).inserted { noted = -1 }
        }

        /// Brings the compared slots up to date with the indicators given one by one.
        mutating func noteGivenOneByOne(_ indicators: Set<String>) {
            compared = layout.indicators.indices.filter {
                shared.contains($0) || indicators.contains(layout.indicators[$0])
            }
            noted = indicators.count
        }
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
    /// Each batch layout's number in ``known``, layouts of the same indicators sharing one.
    private var layoutNumbers: [ObjectIdentifier: Int32] = [:]
    /// The layouts numbered, held so that no other takes their identifiers.
    private var retained: [BatchLayout] = []
    private var known: [KnownLayout] = []
    /// Each indicator of a batch layout: the layouts and slots that have it.
    private var slotsOf: [String: [(layout: Int32, slot: Int)]] = [:]
    /// The indicators of figures given one by one in files that others followed.
    private var oneByOne: Set<String> = []
    /// The values of the rows of files that others followed.
    private var kept = KeptRows()
    /// True while files follow the one being read: rows' values are then kept, and the indicators of figures
    /// given one by one noted, for the files after it. The last file, or a file checked alone, needs neither.
    public var laterFilesFollow = true
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
        if laterFilesFollow { oneByOne.insert(observation.indicator) }
        let key = Self.figureDigest(hasher, observation.indicator)
        if !kept.isEmpty, observation.breakdown == Breakdown(), slotsOf[observation.indicator] != nil {
            noteKeptFigure(key, observation.indicator, at: Digest(hasher))
        }
        return try admit(
            key, indicator: observation.indicator, bits: Self.bits(observation.value, observation.missing),
            source: observation.source)
    }

    /// Records a batch's figures (a row of a wide table: one area and period, the layout's indicators) as one, its
    /// digest of the area, period and the layout's indicators, its value of every figure in it; and compares each
    /// figure whose indicator another table or figures given one by one have with the figure they gave, if any.
    /// - Returns: the slots whose figures earlier files gave with the same value (every slot when they gave the row).
    /// - Throws: as ``admit(_:)``, naming the indicator of the figure given twice or contradicted.
    /// - Complexity: O(*k*) in the batch's figures, the layout's indicators hashed once per layout.
    public mutating func admit(_ batch: ObservationBatch) throws -> [Int] {
        var hasher = place(batch.area, Breakdown())
        hasher.combine(batch.period)
        let layout = number(of: batch.layout)
        if let repeated = try admitRow(batch, hasher, layout: layout) { return repeated }
        // Where rows are kept (or to be), their place: a digest of the area and period.
        let place = laterFilesFollow || !kept.isEmpty ? Digest(hasher) : nil
        var repeated: [Int] = []
        for slot in slotsToCompare(layout) {
            let indicator = batch.layout.indicators[slot]
            let key = Self.figureDigest(hasher, indicator)
            if let place { noteKeptFigure(key, indicator, at: place, besides: layout) }
            guard seen[key] != nil else { continue }
            _ = try admit(key, indicator: indicator, bits: Self.bits(batch, slot), source: batch.source)
            repeated.append(slot)
        }
        if laterFilesFollow, let place {
            kept.keep(
                count: batch.count, bits: { Self.bits(batch, $0) }, at: place, layout: layout,
                file: number(ofSource: batch.source))
        }
        return repeated
    }

    /// Records the row as a whole: `nil` when it is new; every slot when an earlier file gave it.
    /// - Throws: `ToolkitError` when the same file gave the row, or another gave other figures for it (naming the
    ///   first indicator whose figure differs, where the earlier row's values are kept).
    private mutating func admitRow(_ batch: ObservationBatch, _ place: Hasher, layout: Int32) throws -> [Int]? {
        var hasher = place
        hasher.combine(known[Int(layout)].key)
        let key = Digest(hasher)
        let value = Self.rowValue(batch)
        let file = number(ofSource: batch.source)
        let count = seen.count
        let first = Self.read(&seen[key, default: Seen(value: value, file: file)])  // one lookup, inserting if new
        guard seen.count == count else { return nil }
        let differing = first.value == value ? nil : firstDiffering(batch, at: Digest(place), layout: layout)
        let indicator = batch.layout.indicators[differing ?? 0]
        try check(first, key, file: file, bits: value, indicator: indicator, source: batch.source)
        return Array(0..<batch.count)
    }

    /// The first slot whose figure differs from the kept row's of the same layout at the place, if it is kept.
    private func firstDiffering(_ batch: ObservationBatch, at place: Digest, layout: Int32) -> Int? {
        (0..<batch.count).first { slot in
            kept.figure(at: place, layout: layout, slot: slot).map { $0.bits != Self.bits(batch, slot) } ?? false
        }
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

    /// A layout's number, once per layout: its indicators hashed, and its slots whose indicators another layout
    /// has (marked in both).
    private mutating func number(of layout: BatchLayout) -> Int32 {
        if let number = layoutNumbers[ObjectIdentifier(layout)] { return number }
        retained.append(layout)
        var hasher = Hasher()
        hasher.combine(layout.indicators)
        let key = hasher.finalize()
        // Another file's layout of the same indicators (the same table again) is the same layout.
        if let same = known.firstIndex(where: { $0.key == key && $0.layout.indicators == layout.indicators }) {
            layoutNumbers[ObjectIdentifier(layout)] = Int32(same)
            return Int32(same)
        }
        let number = Int32(known.count)
        known.append(KnownLayout(layout: layout, key: key))
        layoutNumbers[ObjectIdentifier(layout)] = number
        for (slot, indicator) in layout.indicators.enumerated() {
            for other in slotsOf[indicator] ?? [] where other.layout != number {
                known[Int(other.layout)].share(other.slot)
                known[Int(number)].share(slot)
            }
            slotsOf[indicator, default: []].append((number, slot))
        }
        return number
    }

    /// The slots of a layout to compare figure by figure: those another layout has, and those figures given one by
    /// one have.
    private mutating func slotsToCompare(_ layout: Int32) -> [Int] {
        if known[Int(layout)].noted != oneByOne.count {
            known[Int(layout)].noteGivenOneByOne(oneByOne)
        }
        return known[Int(layout)].compared
    }

    /// Where a figure is not yet seen one by one but a kept row (of another layout than `besides`) gave it, records
    /// it as that row's file gave it, so that it is compared like any other.
    private mutating func noteKeptFigure(
        _ key: Digest, _ indicator: String, at place: Digest, besides: Int32 = -1
    ) {
        guard seen[key] == nil else { return }
        for (layout, slot) in slotsOf[indicator] ?? [] where layout != besides {
            if let figure = kept.figure(at: place, layout: layout, slot: slot) {
                seen[key] = Seen(value: figure.bits, file: figure.file)
                return
            }
        }
    }

    /// A figure's digest: the hasher fed its place and period, then its indicator.
    private static func figureDigest(_ place: Hasher, _ indicator: String) -> Digest {
        var hasher = place
        hasher.combine(indicator)
        hasher.combine(nil as Int?)
        return Digest(hasher)
    }

    /// A figure's value as bits: a missing figure is told apart by its reason, in a NaN's payload (no value has
    /// that pattern).
    private static func bits(_ value: Double?, _ missing: MissingReason?) -> UInt64 {
        let reason = missing.flatMap { MissingReason.allCases.firstIndex(of: $0) }.map { UInt64($0) + 1 } ?? 0
        return value?.bitPattern ?? (0x7FF8_0000_0000_0000 | reason)
    }

    /// The bits of a batch's slot, as its figure given one by one has them.
    private static func bits(_ batch: ObservationBatch, _ slot: Int) -> UInt64 {
        bits(batch.values[slot].isNaN ? nil : batch.values[slot], batch.missing[slot])
    }

    /// A row's figures mixed into one word: each figure's bits (``bits(_:_:)``, a missing one's reason among them)
    /// and slot through SplitMix64's finaliser on its own, the results summed (so one figure's mixing need not wait
    /// for the last's). Equal rows agree; rows that differ in any figure, reason or its slot differ but for a
    /// one-in-2⁶⁴ chance.
    private static func rowValue(_ batch: ObservationBatch) -> UInt64 {
        var value: UInt64 = 0
        for slot in 0..<batch.count {
            var z = bits(batch, slot) &+ UInt64(slot + 1) &* 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            value &+= z ^ (z >> 31)
        }
        return value
    }

    /// Records a figure's digest with its value: true when new, false when an earlier file gave it so.
    private mutating func admit(_ key: Digest, indicator: String, bits: UInt64, source: String) throws -> Bool {
        let file = number(ofSource: source)
        let count = seen.count
        let first = Self.read(&seen[key, default: Seen(value: bits, file: file)])  // one lookup, inserting if new
        guard seen.count == count else { return true }
        try check(first, key, file: file, bits: bits, indicator: indicator, source: source)
        return false
    }

    /// Checks a figure (or row) seen before against the one `file` gives, and notes `file` as repeating it.
    /// - Throws: `ToolkitError` naming the file being read (the reader adds the line) when `file` gave it before,
    ///   or the value differs.
    private mutating func check(
        _ first: Seen, _ key: Digest, file: Int32, bits: UInt64, indicator: String, source: String
    ) throws {
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
    }

    /// What an access to the table's slot found (or put there), so that finding and inserting take one lookup.
    private static func read(_ slot: inout Seen) -> Seen { slot }

    /// The number of a figure's file: the file being read with the figure's source, numbered as first seen.
    private mutating func number(ofSource source: String) -> Int32 {
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
