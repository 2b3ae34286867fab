import CSV
import Core
import Foundation
import TestSupport
import Testing

@Suite("SHA-256 checksums")
struct SHA256Tests {
    static func hex(_ text: String) -> String {
        var hash = SHA256()
        Array(text.utf8).withUnsafeBytes { hash.update($0) }
        return hash.hex()
    }

    @Test("the FIPS 180-4 examples")
    func examples() {
        #expect(Self.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Self.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("bytes fed in pieces of any size hash as a whole, across the 55- and 64-byte padding edges")
    func pieces() {
        for length in [55, 56, 63, 64, 65, 1000] {
            let text = String(repeating: "a", count: length)
            var hash = SHA256()
            let bytes = Array(text.utf8)
            for chunk in stride(from: 0, to: bytes.count, by: 7) {
                bytes[chunk..<min(chunk + 7, bytes.count)].withUnsafeBytes { hash.update($0) }
            }
            #expect(hash.hex() == Self.hex(text), "length \(length)")
        }
        #expect(
            Self.hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test("a file's checksum is the digest of all its bytes, a byte-order mark included")
    func file() throws {
        let path = try temporaryFile([0xEF, 0xBB, 0xBF] + Array("abc".utf8))
        var hash = SHA256()
        ([0xEF, 0xBB, 0xBF] + Array("abc".utf8) as [UInt8]).withUnsafeBytes { hash.update($0) }
        #expect(try SHA256.hex(ofFile: path) == hash.hex())
    }
}
