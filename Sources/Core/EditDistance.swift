extension String {
    /// The edit distance to another text: the fewest insertions, deletions and substitutions of characters that
    /// turn one into the other ("Norfok" is 1 from "Norfolk").
    ///
    /// - Complexity: O(*m* × *n*) in the two texts' lengths; meant for names and field names.
    public func editDistance(to other: String) -> Int {
        let a = Array(self)
        let b = Array(other)
        guard !a.isEmpty, !b.isEmpty else { return Swift.max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
