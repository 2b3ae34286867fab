/// A column whose figures come in long runs of one value (each figure's file: a file's figures are appended
/// together), stored as the runs: where each begins and its value. Eight bytes a run where a plain column takes four
/// bytes a figure; figures of alternating values still read right, at eight bytes a figure.
struct RunColumn: Sendable {
    /// The position each run begins at, ascending; the first is 0.
    private var starts: [Int] = []
    /// Each run's value.
    private var values: [UInt32] = []
    /// The number of figures.
    private(set) var count = 0

    /// Appends a figure's value, extending the last run when it is the same.
    ///
    /// - Complexity: O(1) amortised.
    mutating func append(_ value: UInt32) {
        if values.last != value {
            starts.append(count)
            values.append(value)
        }
        count += 1
    }

    /// The value at a position.
    ///
    /// - Complexity: O(log *r*) in the number of runs.
    subscript(position: Int) -> UInt32 {
        var (low, high) = (0, starts.count)  // the run is the last whose start is at or before `position`
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= position { low = middle } else { high = middle }
        }
        return values[low]
    }
}
