/// A 128-bit digest of what a `Hasher` was fed (a figure's key, a row's, a place's): two 64-bit SipHashes, finished
/// differently, made with this process's random seed, so that no file can aim its keys at one another.
struct Digest: Hashable {
    var first: Int
    var second: Int

    /// The digest of what `hasher` was fed.
    init(_ hasher: Hasher) {
        var other = hasher
        other.combine(0x9E37_79B9_7F4A_7C15 as UInt64)
        (first, second) = (hasher.finalize(), other.finalize())
    }

    /// The first half alone places a digest in a table: it is a hash already.
    func hash(into hasher: inout Hasher) { hasher.combine(first) }

    /// The first half, mixed with the table's seed, as the table's hash: a SipHash already, not hashed again.
    func _rawHashValue(seed: Int) -> Int { first ^ seed }
}
