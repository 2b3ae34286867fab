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
        return Hexadecimal.text(nonce + code(of: nonce))
    }

    /// True when `token` is one this server made: 64 hexadecimal digits whose second half is the code of the first.
    func isValid(_ token: String) -> Bool {
        guard let bytes = Hexadecimal.bytes(token), bytes.count == 32 else { return false }
        let expected = code(of: Array(bytes[..<16]))
        // Compared in full whatever differs first, so the time taken says nothing of the code.
        return zip(bytes[16...], expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func code(of nonce: [UInt8]) -> [UInt8] { Array(HMAC.sha256(nonce, key: secret).prefix(16)) }
}
