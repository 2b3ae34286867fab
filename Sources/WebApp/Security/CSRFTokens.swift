import CSV

/// Forms' security tokens bound to one workspace and one sign-in: a random nonce and its HMAC-SHA256 under the
/// workspace's secret, over the nonce and the session's key (16 bytes each, 64 hexadecimal digits in all). Only a
/// server holding the secret can make one, so a token set as a cookie by another page of this machine, or made by
/// another workspace's server, is refused; and a token made for one person's session (a supplier's, say, planted in
/// a commissioner's browser) is refused in any other session.
struct CSRFTokens: Sendable {
    /// The workspace's secret (``Workspace/serverSecret()``).
    let secret: [UInt8]

    /// A new token for the session with key `session` ("" where no one is signed in), from a random nonce unless
    /// one is given.
    func mint(nonce: [UInt8]? = nil, session: String = "") -> String {
        let nonce = nonce ?? SecureRandom.bytes(16)
        return Hexadecimal.text(nonce + code(of: nonce, session: session))
    }

    /// True when `token` is one this server made for the session with key `session`: 64 hexadecimal digits whose
    /// second half is the code of the first.
    func isValid(_ token: String, session: String = "") -> Bool {
        guard let bytes = Hexadecimal.bytes(token), bytes.count == 32 else { return false }
        let expected = code(of: Array(bytes[..<16]), session: session)
        // Compared in full whatever differs first, so the time taken says nothing of the code.
        return zip(bytes[16...], expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func code(of nonce: [UInt8], session: String) -> [UInt8] {
        Array(HMAC.sha256(nonce + Array(session.utf8), key: secret).prefix(16))
    }
}
