import Core

/// Everything loaded from a set of files, held in memory for analysis.
///
/// The same figure (indicator, area, period and breakdown) from two files is kept once, from the file
/// loaded first; ``duplicates`` counts the rest. The same figure twice in one file is an error: a file
/// gives each figure once, so a repeat is a mistake in it (and which value is right cannot be told). A figure's file
/// is the file being read when it was given (``startFile(_:)``) with the figure's source, so a normalised file read
/// back and the file it came from are two files, as are two sources a normalised file holds. An indicator described
/// twice keeps the first description, except that a unit or polarity the first lacked is filled in from the later
/// one (so a metadata file can supply the polarity of an export's indicators whichever is loaded first).
public final class Dataset: EvidenceSink {
    /// Every area by code; a later description fills in a missing parent or vintage (or a newer vintage of the same
    /// kind), or a name that is its code. A parent given by a geography of known vintage (an ONS lookup) replaces
    /// one a data file gave without (a Fingertips export naming England as a county's parent, not its region).
    public private(set) var areas: [String: Area] = [:]
    /// The areas whose parent a geography of known vintage gave.
    private var placedAreas: Set<String> = []
    /// Every indicator by id, completed by later descriptions (``Indicator/completed(by:)``).
    public private(set) var indicators: [String: Indicator] = [:]
    /// The figures, stored column by column (``ObservationTable``) and read as ``Observation`` rows.
    public private(set) var observations = ObservationTable()
    /// Figures seen again in a later file and not counted twice.
    public private(set) var duplicates = 0
    /// Figures a derived file (a roll-up) gave with another value than a data file's: the data file's is kept.
    public private(set) var derivedDiffering = 0
    /// Figures a later data file gave with another value than an earlier one's (ONS's TS007 and TS007A give
    /// authorities' totals a few people apart): the earlier file's is kept.
    public private(set) var contradicted = 0
    /// The first of ``contradicted``, in words: the figure, the two files and their values.
    public private(set) var firstContradiction: String?
    /// The files read (``startFile(_:derived:)``): where each one's figures start, its path, and whether its figures
    /// are worked out from others' (a roll-up) rather than published.
    private var readings: [(start: Int, path: String, derived: Bool)] = []
    /// A figure given again by later files (its position) → the files that gave it again, in the order they did.
    private var repeatedBy: [Int: [Giver]] = [:]
    /// The indicator symbols of each batch layout seen (the layout is held so its identifier is not reused).
    private var layoutSymbols: [ObjectIdentifier: (layout: BatchLayout, symbols: [UInt32])] = [:]

    /// An empty dataset.
    public init() {}

    /// The file a figure came from: the file being read when it was given (its number in ``readings``; -1 before
    /// any) and the figure's source.
    private struct Giver: Equatable {
        var reading: Int
        var source: String
    }

    /// Starts a file: the figures that follow, whatever their source, are another file's than those read before.
    public func startFile(_ path: String) { startFile(path, derived: false) }

    /// Starts a file, saying whether its figures are worked out from others' (a roll-up): a `derived` file's figures
    /// that a data file gave already with another value give way to it.
    public func startFile(_ path: String, derived: Bool) {
        readings.append((observations.count, path, derived))
    }

    /// Adds an area, or fills in what the one already held lacks (see ``areas``).
    public func add(_ area: Area) {
        let placedByGeography = area.parent != nil && area.vintage != nil
        if var known = areas[area.code] {
            if known.parent == nil || (placedByGeography && !placedAreas.contains(area.code)) {
                known.parent = area.parent ?? known.parent
            }
            if known.vintage == nil || Self.isNewer(area.vintage, than: known.vintage) { known.vintage = area.vintage }
            if known.name == known.code { known.name = area.name }
            areas[area.code] = known
        } else {
            areas[area.code] = area
        }
        if placedByGeography { placedAreas.insert(area.code) }
    }

    /// Whether a vintage is a newer one of the same kind (`WD24` than `WD22`): an unchanged code named by a newer
    /// lookup is an area of that vintage too, whichever file named it first.
    static func isNewer(_ vintage: String?, than known: String?) -> Bool {
        guard let vintage, let known else { return false }
        let kind = { (v: String) in v.prefix { $0.isLetter } }
        return kind(vintage) == kind(known) && vintage.count == known.count && vintage > known
    }

    /// Adds an indicator, or completes the one already held with it (``Indicator/completed(by:)``).
    public func add(_ indicator: Indicator) {
        indicators[indicator.id] = indicators[indicator.id].map { $0.completed(by: indicator) } ?? indicator
    }

    /// Adds a figure, or counts it as a duplicate when another file gave it first.
    /// - Throws: `ToolkitError` naming the file when the same file gave it before.
    public func add(_ observation: Observation) throws {
        let key = observations.key(of: observation)
        if let first = observations.firstPosition(of: key) {
            try repeated(
                first, by: Giver(reading: readings.count - 1, source: observation.source),
                value: observation.value, missing: observation.missing)
            return
        }
        observations.append(observation, key: key)
    }

    /// Adds a row's figures, resolving the batch's indicators once per layout.
    /// - Throws: `ToolkitError` naming the file when the same file gave one of its figures before, stopping at that
    ///   slot.
    public func add(_ batch: ObservationBatch) throws {
        let id = ObjectIdentifier(batch.layout)
        let indicators: [UInt32]
        if let known = layoutSymbols[id]?.symbols {
            indicators = known
        } else {
            indicators = observations.intern(batch.layout.indicators)
            layoutSymbols[id] = (batch.layout, indicators)
        }
        let row = observations.row(area: batch.area, period: batch.period, source: batch.source)
        for slot in 0..<batch.count {
            let key = row.key(indicator: indicators[slot])
            if let first = observations.firstPosition(of: key) {
                try repeated(
                    first, by: Giver(reading: readings.count - 1, source: batch.source),
                    value: batch.values[slot].unlessNaN, missing: batch.missing[slot])
                continue
            }
            observations.append(slot, of: batch, row: row, key: key)
        }
    }

    /// Adds everything another dataset holds: its areas and indicators in code order, then its figures, each with
    /// the file it read them from, and the count of its duplicates (so reading files into datasets of their own
    /// and adding them counts what reading them in order into this one would).
    /// - Throws: `ToolkitError` for a figure this dataset already holds from the same file.
    public func add(contentsOf other: Dataset) throws {
        duplicates += other.duplicates
        contradicted += other.contradicted
        derivedDiffering += other.derivedDiffering
        firstContradiction = firstContradiction ?? other.firstContradiction
        for area in other.areas.values.sorted(by: { $0.code < $1.code }) { add(area) }
        for indicator in other.indicators.values.sorted(by: { $0.id < $1.id }) { add(indicator) }
        let theirs = other.observations
        var translation = ObservationTable.Translation(from: theirs)
        var theirReading = -1  // the other's file of the figure being added
        for position in theirs.indices {
            while theirReading + 1 < other.readings.count, other.readings[theirReading + 1].start <= position {
                theirReading += 1
                startFile(other.readings[theirReading].path, derived: other.readings[theirReading].derived)
            }
            let key = observations.key(at: position, of: theirs, &translation)
            if let first = observations.firstPosition(of: key) {
                try repeated(
                    first, by: Giver(reading: readings.count - 1, source: theirs.source(at: position)),
                    value: theirs.value(at: position), missing: theirs[position].missing)
                continue
            }
            observations.append(position, of: theirs, key: key, &translation)
        }
    }

    /// Forgets the figures of areas smaller than `level` (LSOAs and output areas below wards, say) once they are
    /// rolled up, giving back their room; the areas themselves are kept. An area of unknown level is kept.
    ///
    /// - Complexity: O(*n*) in the figures.
    public func removeFigures(below level: AreaLevel) {
        var isKept = SymbolMemo<Bool>(for: observations.symbols)  // area symbol → kept
        var kept: [Int32] = []
        for position in observations.indices {
            let area = observations.areaSymbol(at: position)
            if isKept.value(for: area, { isAtOrAbove(level, observations.symbols[area]) }) {
                kept.append(Int32(position))
            }
        }
        guard kept.count < observations.count else { return }
        observations.keep(only: kept)
        readings = readings.map { (Self.count(of: kept, below: $0.start), $0.path, $0.derived) }
        guard !repeatedBy.isEmpty else { return }
        var moved: [Int: [Giver]] = [:]  // the figures given again, at their new positions
        for (now, old) in kept.enumerated() { if let givers = repeatedBy[Int(old)] { moved[now] = givers } }
        repeatedBy = moved
    }

    /// True when an area is of `level` or a larger kind (its level as described, else as its code tells), or of a kind
    /// that cannot be told (which sorts last, above every level).
    public func isAtOrAbove(_ level: AreaLevel, _ code: String) -> Bool {
        (areas[code]?.level ?? AreaLevel(code: code)) >= level
    }

    /// The number of positions in `kept` (ascending) below `position`.
    private static func count(of kept: [Int32], below position: Int) -> Int {
        var (low, high) = (0, kept.count)
        while low < high {
            let middle = (low + high) / 2
            if Int(kept[middle]) < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The file the figure at `position` came from.
    /// - Complexity: O(log *f*) in the files read.
    private func giver(at position: Int) -> Giver {
        var (low, high) = (0, readings.count)  // the first file starting after the position
        while low < high {
            let middle = (low + high) / 2
            if readings[middle].start <= position { low = middle + 1 } else { high = middle }
        }
        return Giver(reading: low - 1, source: observations.source(at: position))
    }

    /// A figure seen before: from another file, a duplicate counted, and, with another value or missing reason,
    /// counted as contradicted (or, from a derived file such as a roll-up, as giving way to the data file's); from the
    /// same file, an error, also when the file gives it a second time after an earlier file gave it (so reading a
    /// file alone or after others finds the same repeats). The error names the file being read (the figure's source
    /// before any is started), for its reader to add the line.
    private func repeated(_ first: Int, by giver: Giver, value: Double?, missing: MissingReason?) throws {
        guard self.giver(at: first) != giver, repeatedBy[first]?.contains(giver) != true else {
            throw ToolkitError(
                file: file(of: giver),
                "this row repeats a figure an earlier row gave: \(figure(at: first)); a file gives each figure once")
        }
        if !observations.holds(value: value, missing: missing, at: first) {
            if giver.reading >= 0, readings[giver.reading].derived {
                derivedDiffering += 1
            } else {
                contradicted += 1
                func written(_ value: Double?) -> String {
                    value.map { $0 == $0.rounded() && abs($0) < 1e15 ? "\(Int64($0))" : "\($0)" } ?? "none"
                }
                firstContradiction =
                    firstContradiction
                    ?? "\(figure(at: first)): \(written(observations.value(at: first))) in "
                    + "\(file(of: self.giver(at: first))), \(written(value)) in \(file(of: giver))"
            }
        }
        repeatedBy[first, default: []].append(giver)
        duplicates += 1
    }

    /// The file a giver names: the file being read, or the figure's source before any is started.
    private func file(of giver: Giver) -> String { giver.reading >= 0 ? readings[giver.reading].path : giver.source }

    /// The figure at a position in words: its indicator, area, period and breakdown.
    private func figure(at position: Int) -> String {
        let breakdown = observations.breakdown(at: position)
        return "indicator \(observations.indicatorID(at: position)) for \(observations.areaCode(at: position)), "
            + "period \(observations.period(at: position))\(breakdown == Breakdown() ? "" : " (\(breakdown))")"
    }

    /// The local authority an area lies in, following parents upwards (an authority is its own).
    public func authority(of code: String) -> Area? {
        var current = areas[code]
        for _ in 0..<6 {
            guard let area = current else { return nil }
            if area.level == .localAuthority { return area }
            current = area.parent.flatMap { areas[$0] }
        }
        return nil
    }
}
