/// HMAC-SHA256 (RFC 2104): a code that proves a message was made by someone holding a key.
public enum HMAC {
    /// The 32-byte code of `message` under `key`.
    /// - Complexity: O(*k* + *m*) in the key's and the message's lengths.
    public static func sha256(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        var block = key
        if block.count > 64 {
            var hash = SHA256()
            block.withUnsafeBytes { hash.update($0) }
            block = hash.digest()
        }
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256()
        (block.map { $0 ^ 0x36 } + message).withUnsafeBytes { inner.update($0) }
        var outer = SHA256()
        (block.map { $0 ^ 0x5C } + inner.digest()).withUnsafeBytes { outer.update($0) }
        return outer.digest()
    }
}
