import CSV
import Testing

@testable import WebApp

@Suite("The connection cap")
struct ConnectionCapTests {
    @Test("the cap fits the open-file limit: served, then refused with 503, then closed at once; each leaves")
    func places() {
        // 1,024 files less 128 reserved leave 896: half served at most, the other half refused with a 503.
        let cap = ConnectionCap(maximum: 512, files: 1024, reserved: 128, retryAfterSeconds: 5)
        #expect(cap.maximum == 448 && cap.held == 896)
        let places = (0..<900).map { _ in cap.enter() }
        #expect(places.prefix(448).allSatisfy { $0 == .served })
        #expect(places[448..<896].allSatisfy { $0 == .refused })
        #expect(places.suffix(4).allSatisfy { $0 == .closed })
        for _ in 0..<900 { cap.leave() }
        #expect(cap.count == 0 && cap.enter() == .served)
        // A generous file limit keeps the configured maximum.
        #expect(ConnectionCap(maximum: 512, files: 1 << 20, reserved: 128, retryAfterSeconds: 5).maximum == 512)
    }

    @Test("raising the open-file limit never lowers it")
    func fileLimit() {
        #expect(ConnectionCap.raiseFileLimit() >= 256)
    }
}

@Suite("Forms' security tokens")
struct CSRFTokenTests {
    @Test("HMAC-SHA256 gives RFC 4231's test case 2")
    func hmac() {
        let code = HMAC.sha256(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
        #expect(
            Hexadecimal.text(code) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("a token is valid only under the secret that made it, and only whole")
    func tokens() {
        let ours = CSRFTokens(secret: [UInt8](repeating: 1, count: 32))
        let theirs = CSRFTokens(secret: [UInt8](repeating: 2, count: 32))
        let token = ours.mint()
        #expect(token.count == 64 && ours.isValid(token) && !theirs.isValid(token))
        #expect(ours.mint() != token)
        let altered = String(token.dropLast()) + (token.last == "0" ? "1" : "0")
        #expect(!ours.isValid(altered) && !ours.isValid(String(token.dropLast(2))) && !ours.isValid(token.uppercased()))
    }
}
