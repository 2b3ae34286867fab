/// HMAC-SHA256 (RFC 2104): a code that proves a message was made by someone holding a key.
public enum HMAC {
    /// The 32-byte code of `message` under `key`.
    /// - Complexity: O(*k* + *m*) in the key's and the message's lengths.
    public static func sha256(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        var block = key
        if block.count > 64 { block = SHA256.digest(of: block) }
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let inner = SHA256.digest(of: block.map { $0 ^ 0x36 } + message)
        return SHA256.digest(of: block.map { $0 ^ 0x5C } + inner)
    }
}
