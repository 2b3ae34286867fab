import CSV
import Evidence

/// A row of a wide table as `svtk load --format json` writes it, one object per figure, the bytes
/// ``ObservationJSON/append(_:indicator:area:to:)`` writes for each: a copy of the batch's figures with the runs of
/// members between them, made once for the row (its area's and period's) or once for the table (each slot's).
struct BatchJSON: BatchOutput {
    /// Each slot's two runs of members, one slot's after another, and where each run ends: from its indicator to
    /// `missing`, and from `polarity` to `value` (``ObservationJSON/slotMembers(indicator:_:source:)``).
    let slots: SlotCells
    /// The object's opening up to the count (``ObservationJSON/areaMembers(code:_:)``).
    let area: [UInt8]
    /// The period member, with the comma before it.
    let period: [UInt8]
    /// Whether the first object opens the JSON array.
    let opensArray: Bool
    let figures: BatchFigures
    /// Whether an earlier file gave each slot's figure, to be left out; `nil` when none did, as in most rows.
    let givenEarlier: [Bool]?

    /// About the number of bytes the objects take: each one's members but the figures, and 96 bytes for those.
    var byteEstimate: Int { slots.bytes.count + figures.count * (area.count + period.count + 96) }

    /// Appends each figure's object but those given earlier, each on its own line after a comma (or the array's
    /// opening).
    /// - Complexity: O(*n*) in the bytes written.
    func write(to rows: inout CSVRowBytes) {
        slots.bytes.withUnsafeBufferPointer { slotBytes in
            func run(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: slotBytes[(index == 0 ? 0 : slots.ends[index - 1])..<slots.ends[index]])
            }
            var opening = opensArray
            for slot in 0..<figures.count where givenEarlier?[slot] != true {
                rows.append(opening ? "[\n" : ",\n")
                opening = false
                rows.append(area)
                rows.appendJSON(figure: figures.counts[slot])
                rows.append(",\"denominator\":")
                rows.appendJSON(figure: figures.denominators[slot])
                rows.append(run(2 * slot))
                rows.appendJSON(string: figures.missing[slot]?.rawValue)
                rows.append(",\"note\":")
                rows.appendJSON(string: figures.notes?[slot])
                rows.append(period)
                rows.append(run(2 * slot + 1))
                rows.appendJSON(figure: figures.values[slot])
                rows.append("}")
            }
        }
    }
}
