extension Array {
    /// Appends an element, growing the storage by a quarter when full rather than doubling it: a column of millions
    /// of figures then holds at most a quarter more room than it uses (a doubled one up to twice), at the cost of
    /// copying each element about four times over all its growth instead of once.
    ///
    /// - Complexity: O(1) amortised.
    mutating func appendCompactly(_ element: Element) {
        if count == capacity { reserveCapacity(Swift.max(1_024, count + count / 4)) }
        append(element)
    }
}
