import CSV
import Core
import Foundation
import Testing

@Suite("JSON values written as bytes, as JSONOutput's encoder writes them")
struct JSONBytesTests {
    /// The bytes `append` puts together.
    func written(_ append: (inout CSVRowBytes) -> Void) -> String {
        let bytes = CSVWriter.bytes { writer in writer.writeRows(append) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What `JSONOutput.encoder(pretty: false)` writes for a one-element array of the value, without the brackets.
    func encoded<Value: Encodable>(_ value: Value) throws -> String {
        let text = String(decoding: try JSONOutput.encoder(pretty: false).encode([value]), as: UTF8.self)
        return String(text.dropFirst().dropLast())
    }

    @Test("strings: quotes, backslashes and every control escaped as the encoder does; slashes and the rest as UTF-8")
    func strings() throws {
        var texts = [
            "", "plain", "a\"b", "back\\slash", "a/b", "line\nbreak", "tab\there", "\r\u{8}\u{C}",
            "Thurcroft & Wickersley", "café £5 😀", "\u{2028}\u{7F}", "=SUM(A1)",
        ]
        texts += (0..<32).map { "x" + String(UnicodeScalar(UInt8($0))) + "y" }
        for text in texts {
            #expect(written { $0.appendJSON(string: text) } == (try encoded(text)), "\(text.debugDescription)")
        }
        #expect(written { $0.appendJSON(string: nil as String?) } == "null")
    }

    @Test("figures: description without a trailing .0, -0 kept, null for none and for what is not finite")
    func figures() throws {
        var values: [Double] = [
            0, -0.0, 12, -12, 1e15, 1e15 + 2, 0x1p53 - 1, 1e16, -1e16, 1.5e-5, 0.1, 0.1 + 0.2,
            123_456_789.125,
            .leastNonzeroMagnitude, .greatestFiniteMagnitude, 58.750_200_000_000_01, 0x1p53, 0x1p53 + 2,
            9.230_164_668_210_434e15,
        ]
        var seed: UInt64 = 5
        for _ in 0..<20_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Double(bitPattern: seed >> 1))
            values.append(Double(Int64(bitPattern: seed) >> 20) / 1_000)
        }
        for value in values where value.isFinite {
            #expect(written { $0.appendJSON(figure: value) } == (try encoded(value)), "\(value)")
        }
        for none in [nil, .nan, .infinity, -.infinity] as [Double?] {
            #expect(written { $0.appendJSON(figure: none) } == "null")
        }
        #expect(written { $0.appendJSON(figure: -0.0) } == "-0")
        #expect(written { $0.appendJSON(figure: 1e15) } == "1000000000000000")
    }
}
