import Core

/// The figures a stream of files has passed, each remembered by a 128-bit digest of what it is a figure of
/// (indicator, area, period, breakdown) with its value and file, so a figure given twice is caught where figures
/// are not kept (`svtk load`, `svtk inspect`). As ``Dataset`` does: the same file giving a figure twice is an error;
/// a later file giving it again with the same value repeats it (to be skipped), with another value contradicts it
/// (an error).
///
/// Memory grows by about 60 bytes per distinct figure (measured: 61 MB for a million), whatever the length of its
/// codes and names. Two different figures would be taken for one only if both halves of their digests agreed, a
/// chance far below one in 10²⁰ even for a billion figures.
public struct FigureKeys {
    /// A figure's digest: two 64-bit hashes of its key, finished differently.
    private struct Digest: Hashable {
        var first: Int
        var second: Int
    }

    private struct Seen {
        var value: UInt64
        var file: Int32
    }

    private var seen: [Digest: Seen] = [:]
    private var files: [String: Int32] = [:]
    /// The last file seen and its number, so most figures look their file up by one comparison.
    private var last: (source: String, file: Int32)?

    /// An empty record.
    public init() {}

    /// Records a figure; true when it is new, false when an earlier file gave it with the same value.
    /// - Throws: `ToolkitError` naming the figure's file (the reader adds the line) when the file gave it before,
    ///   or an earlier file gave it another value.
    /// - Complexity: O(1) amortised, hashing the figure's key once.
    public mutating func admit(_ observation: Observation) throws -> Bool {
        var hasher = Hasher()
        hasher.combine(observation.area)
        hasher.combine(observation.period)
        hasher.combine(observation.breakdown)
        return try admit(
            hasher, indicator: observation.indicator, value: observation.value, missing: observation.missing,
            source: observation.source)
    }

    /// Records the figure of slot `slot` of a batch (no breakdown), as ``admit(_:)`` does.
    /// - Throws: as ``admit(_:)``.
    public mutating func admit(_ batch: ObservationBatch, slot: Int, place: Hasher) throws -> Bool {
        try admit(
            place, indicator: batch.layout.indicators[slot], value: batch.values[slot].isNaN ? nil : batch.values[slot],
            missing: batch.missing[slot], source: batch.source)
    }

    /// A batch's area and period, hashed once for all its slots.
    public static func place(of batch: ObservationBatch) -> Hasher {
        var hasher = Hasher()
        hasher.combine(batch.area)
        hasher.combine(batch.period)
        hasher.combine(Breakdown())
        return hasher
    }

    private mutating func admit(
        _ place: Hasher, indicator: String, value: Double?, missing: MissingReason?, source: String
    ) throws -> Bool {
        var hasher = place
        hasher.combine(indicator)
        var other = hasher
        other.combine(0x9E37_79B9_7F4A_7C15 as UInt64)
        let key = Digest(first: hasher.finalize(), second: other.finalize())
        let file = number(of: source)
        // A missing figure is told apart by its reason, in a NaN's payload (no value has that pattern).
        let reason = missing.flatMap { MissingReason.allCases.firstIndex(of: $0) }.map { UInt64($0) + 1 } ?? 0
        let bits = value?.bitPattern ?? (0x7FF8_0000_0000_0000 | reason)
        guard let first = seen[key] else {
            seen[key] = Seen(value: bits, file: file)
            return true
        }
        if first.file == file {
            throw ToolkitError(
                file: source,
                "this row repeats a figure an earlier row gave (indicator \(indicator), the same area, period and "
                    + "breakdown); a file gives each figure once")
        }
        guard first.value == bits else {
            throw ToolkitError(
                file: source,
                "this row gives another value for a figure an earlier file gave (indicator \(indicator), the same "
                    + "area, period and breakdown): say which is right by loading one of them")
        }
        return false
    }

    /// The number of a figure's file, given in the order files are first seen.
    private mutating func number(of source: String) -> Int32 {
        if let last, last.source == source { return last.file }
        let file = files[source] ?? Int32(files.count)
        files[source] = file
        last = (source, file)
        return file
    }
}
