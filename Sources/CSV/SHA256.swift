import Crypto

/// SHA-256 (FIPS 180-4), for the checksums a report cites beside each input file so that a reader can tell it
/// was made from the same files, and for the workspace's digests of tokens, uploads and audit entries. Not for
/// passwords: a checksum only. Computed by swift-crypto (BoringSSL's SHA-256, with the processor's SHA
/// instructions where it has them).
///
/// - Complexity: O(n) in the bytes hashed; memory is one 64-byte block.
public struct SHA256 {
    private var hash = Crypto.SHA256()

    /// A digest of no bytes yet: feed it with ``update(_:)``.
    public init() {}

    /// Adds bytes to the hash.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) { hash.update(bufferPointer: bytes) }

    /// The digest as 64 lower-case hexadecimal digits.
    public func hex() -> String { Hexadecimal.text(digest()) }

    /// The digest's 32 bytes (for Base64, as a Content Security Policy names a script).
    public func digest() -> [UInt8] { Array(hash.finalize()) }

    /// The digest of bytes held in memory (a token, an upload, a key).
    /// - Complexity: O(n) in the bytes.
    public static func digest(of bytes: [UInt8]) -> [UInt8] { Array(Crypto.SHA256.hash(data: bytes)) }

    /// The digest of bytes held in memory, in lower-case hexadecimal (as the workspace records it).
    /// - Complexity: O(n) in the bytes.
    public static func hexDigest(of bytes: [UInt8]) -> String { Hexadecimal.text(digest(of: bytes)) }

    /// The digest of a file's bytes (a pipe's or standard input's copy for those).
    /// - Throws: `ToolkitError` when the file cannot be read.
    public static func hex(ofFile path: String) throws -> String {
        var hash = SHA256()
        try FileBlocks(path: path).forEach(keepingByteOrderMark: true) { block in
            hash.update(block)
            return true
        }
        return hash.hex()
    }
}
