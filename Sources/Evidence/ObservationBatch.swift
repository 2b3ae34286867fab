/// The indicators of a batch, in order: fixed for a whole file, so a sink can resolve them once.
public final class BatchLayout: Sendable {
    /// The indicator id of each slot.
    public let indicators: [String]

    /// A layout with one slot per indicator id, in order.
    public init(indicators: [String]) { self.indicators = indicators }
}

/// Figures for one area and period across many indicators, held as columns: what one row of a wide table
/// (a census table, a ward profile) holds. A loader fills one batch per row and reuses it, so no
/// ``Observation`` is made per cell; a sink that does not read batches sees the same figures one by one.
///
/// A batch is reused row after row: a sink reads it during ``EvidenceSink/add(_:)-batch`` and keeps nothing of it.
/// Its columns are fixed-size buffers allocated once, written without copy-on-write checks.
public final class ObservationBatch {
    /// The indicators, slot by slot.
    public let layout: BatchLayout
    /// The ``Area/code`` of the current row.
    public var area = ""
    /// The period of the current row, as the source writes it.
    public var period = ""
    /// The file the current row came from.
    public var source = ""
    /// Each slot's value, NaN where it is missing.
    public let values: UnsafeMutableBufferPointer<Double>
    /// Each slot's missing reason, where its value is missing.
    public let missing: UnsafeMutableBufferPointer<MissingReason?>
    /// Each slot's count and denominator, NaN where it has none.
    public let counts: UnsafeMutableBufferPointer<Double>
    /// Each slot's denominator, NaN where it has none.
    public let denominators: UnsafeMutableBufferPointer<Double>
    /// Each slot's note, where it has one.
    public let notes: UnsafeMutableBufferPointer<String?>

    /// A batch with one slot per indicator of the layout, every slot empty.
    public init(layout: BatchLayout) {
        self.layout = layout
        let slots = layout.indicators.count
        values = .allocate(capacity: slots)
        values.initialize(repeating: .nan)
        missing = .allocate(capacity: slots)
        missing.initialize(repeating: nil)
        counts = .allocate(capacity: slots)
        counts.initialize(repeating: .nan)
        denominators = .allocate(capacity: slots)
        denominators.initialize(repeating: .nan)
        notes = .allocate(capacity: slots)
        notes.initialize(repeating: nil)
    }

    deinit {
        notes.deinitialize()
        notes.deallocate()
        values.deallocate()
        missing.deallocate()
        counts.deallocate()
        denominators.deallocate()
    }

    /// The number of slots.
    public var count: Int { layout.indicators.count }

    /// Sets one slot: a value or a missing reason, and optionally a count, a denominator and a note.
    ///
    /// - Complexity: O(1), without allocating.
    @inlinable
    public func set(
        _ slot: Int, value: Double?, missing reason: MissingReason? = nil,
        count: Double? = nil, denominator: Double? = nil, note: String? = nil
    ) {
        values[slot] = value ?? .nan
        missing[slot] = reason
        counts[slot] = count ?? .nan
        denominators[slot] = denominator ?? .nan
        if note != nil || notes[slot] != nil { notes[slot] = note }
    }

    /// The slot as an observation.
    public func observation(_ slot: Int) -> Observation {
        Observation(
            indicator: layout.indicators[slot], area: area, period: period, value: values[slot].unlessNaN,
            missing: missing[slot], count: counts[slot].unlessNaN, denominator: denominators[slot].unlessNaN,
            note: notes[slot], source: source)
    }
}
