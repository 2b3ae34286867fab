import Crypto

/// HMAC-SHA256 (RFC 2104): a code that proves a message was made by someone holding a key.
public enum HMAC {
    /// The 32-byte code of `message` under `key`, computed by swift-crypto.
    /// - Complexity: O(*k* + *m*) in the key's and the message's lengths.
    public static func sha256(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        Array(Crypto.HMAC<Crypto.SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }
}
