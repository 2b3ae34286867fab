import CSV

/// Forms' security tokens bound to one workspace: a random nonce and its HMAC-SHA256 under the workspace's secret
/// (16 bytes each, 64 hexadecimal digits in all). Only a server holding the secret can make one, so a token
/// set as a cookie by another page of this machine, or made by another workspace's server, is refused.
struct CSRFTokens: Sendable {
    /// The workspace's secret (``Workspace/serverSecret()``).
    let secret: [UInt8]

    /// A new token, from a random nonce unless one is given.
    func mint(nonce: [UInt8]? = nil) -> String {
        var generator = SystemRandomNumberGenerator()
        let nonce = nonce ?? (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Self.hex(nonce + code(of: nonce))
    }

    /// True when `token` is one this server made: 64 hexadecimal digits whose second half is the code of the first.
    func isValid(_ token: String) -> Bool {
        guard let bytes = Self.bytes(ofHex: token), bytes.count == 32 else { return false }
        let expected = code(of: Array(bytes[..<16]))
        // Compared in full whatever differs first, so the time taken says nothing of the code.
        return zip(bytes[16...], expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func code(of nonce: [UInt8]) -> [UInt8] { Array(HMAC.sha256(nonce, key: secret).prefix(16)) }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// The bytes of lower-case hexadecimal text, or `nil` for anything else.
    static func bytes(ofHex text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        for pair in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[pair]), let low = value(digits[pair + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}
