/// The description (name, unit, polarity) last declared for each indicator of a normalised file, so that a reader
/// declares an indicator again where its rows' description changes: `svtk load` writes each file's rows with the
/// description that file gives, so one indicator's rows may name it differently (two IoD editions), and each row
/// reads back as it was written.
struct IndicatorDeclarations {
    private var declared: [String: (name: String, unit: String, polarity: String)] = [:]

    /// True when the indicator is described for the first time, or otherwise than last declared (which it now is).
    /// - Complexity: O(1) amortised, hashing the id once; equal texts made from the same `String` compare at once.
    mutating func changes(_ id: String, name: String, unit: String, polarity: String) -> Bool {
        if let last = declared[id], last.name == name, last.unit == unit, last.polarity == polarity { return false }
        declared[id] = (name, unit, polarity)
        return true
    }
}
