import Evidence

/// A copy of a wide table's row of figures (an ``ObservationBatch``'s columns as they are now), so that its rows can
/// be written on any thread after the batch has moved on to the next row. A figure not given is NaN.
struct BatchFigures: Sendable {
    let values: [Double]
    let missing: [MissingReason?]
    let counts: [Double]
    let denominators: [Double]
    /// Each slot's note; `nil` when no slot has one, as in most tables.
    let notes: [String?]?

    /// The batch's figures as they are now.
    init(_ batch: ObservationBatch) {
        values = Self.copy(batch.values)
        missing = Self.copy(batch.missing)
        counts = Self.copy(batch.counts)
        denominators = Self.copy(batch.denominators)
        notes = batch.notes.contains { $0 != nil } ? Self.copy(batch.notes) : nil
    }

    /// A column of the batch, copied in one go (specialised for each column's type).
    @inline(__always)
    private static func copy<Element>(_ column: UnsafeMutableBufferPointer<Element>) -> [Element] {
        Array(unsafeUninitializedCapacity: column.count) { copied, count in
            if let from = column.baseAddress { copied.baseAddress!.initialize(from: from, count: column.count) }
            count = column.count
        }
    }

    /// The number of figures, one row each.
    var count: Int { values.count }
}
