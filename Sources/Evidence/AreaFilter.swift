/// The small areas (LSOAs, wards, output areas) a load keeps when one authority is chosen: those the ONS
/// lookups place in the authority, and any the lookups do not place at all (kept, since nothing says they lie
/// elsewhere). Authorities, regions and England are always kept, for comparisons.
///
/// Loaders ask before they parse a row's figures, so rows of other authorities cost one hash lookup each.
/// Codes are the nine-character GSS codes packed into one integer, read straight from the field's bytes.
public struct AreaFilter: Sendable {
    private let inside: Set<UInt64>
    private let placed: Set<UInt64>

    /// - Parameters:
    ///   - inside: the codes of the chosen authority's small areas.
    ///   - placed: every small-area code the lookups place in some authority (`inside` included).
    public init(inside: some Sequence<String>, placed: some Sequence<String>) {
        self.inside = Set(inside.compactMap { Self.key($0.utf8) })
        let placedKeys = Set(placed.compactMap { Self.key($0.utf8) })
        self.placed = placedKeys.union(self.inside)
    }

    /// True when a row for this area code should be read.
    ///
    /// - Complexity: O(1): at most two hash lookups of one integer.
    public func keeps(_ code: some Collection<UInt8>) -> Bool {
        guard let key = Self.key(code) else { return true }
        return !placed.contains(key) || inside.contains(key)
    }

    /// True when a row for this area code should be read.
    public func keeps(_ code: String) -> Bool { keeps(code.utf8) }

    /// How many small areas the chosen authority has in the lookups.
    public var insideCount: Int { inside.count }

    /// A GSS code (a letter and eight digits) as an integer of 9 × 7 bits; nil for anything else, which is
    /// then always kept.
    static func key(_ code: some Collection<UInt8>) -> UInt64? {
        guard code.count == 9 else { return nil }
        var key: UInt64 = 0
        for byte in code {
            guard byte < 0x80 else { return nil }
            let upper = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
            key = key << 7 | UInt64(upper)
        }
        return key
    }
}
