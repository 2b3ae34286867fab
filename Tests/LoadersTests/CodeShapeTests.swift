import CSV
import Loaders
import Testing

@Suite("Key cells by shape")
struct CodeShapeTests {
    func problem(_ text: String, _ shape: CodeShape) -> String? {
        var bytes = Array(text.utf8)
        let count = bytes.count
        bytes.append(0)
        return bytes.withUnsafeBufferPointer {
            shape.problem(with: CSVField(bytes: UnsafeBufferPointer(rebasing: $0[0..<count])))
        }
    }

    @Test("GSS codes, Census 2021's split-area codes and GP practices pass; others do not")
    func shapes() {
        for code in ["E08000018", "E05R14284", " K02000001 ", ""] { #expect(problem(code, .gss) == nil, "\(code)") }
        for code in ["E0800018", "e08000018", "E08OOOO18", "E080000181", "E05O13014", "E05I13014"] {
            #expect(problem(code, .gss)?.contains("not a GSS code") == true, "\(code)")
        }
        for code in ["C84001", "E82001", "U00070", "E92000001", "W06000015", "S12000036", "N09000003", "K04000001"] {
            #expect(problem(code, .areaCode) == nil, "\(code)")
        }
        // Begun as a GSS code is (E, W, S, N or K, then a digit), a code must be one or a practice's; any other
        // letter and digits is another publisher's code.
        for code in ["E08OOOO18", "E0800018", "W0800018", "S0800018", "N0800018", "K0800018", "S1200003O"] {
            #expect(problem(code, .areaCode)?.contains("not a GSS code") == true, "\(code)")
        }
        for code in ["X1234567", "G0800018", "EX123"] { #expect(problem(code, .areaCode) == nil, "\(code)") }
        #expect(problem("E08-000018", .areaCode)?.contains("capital letters and digits") == true)
    }

    @Test("an invisible character is named with its position, in any key cell")
    func invisible() {
        #expect(problem("E0100\u{200B}7321", .gss)?.contains("U+200B ZERO WIDTH SPACE (character 6)") == true)
        #expect(problem("\u{FEFF}2021", .text)?.contains("U+FEFF ZERO WIDTH NO-BREAK SPACE (character 1)") == true)
        #expect(problem("2019/20\u{00AD}", .text)?.contains("U+00AD SOFT HYPHEN") == true)
        #expect(problem("E08000018\u{00A0}", .gss)?.contains("U+00A0 NO-BREAK SPACE") == true)
        #expect(problem("Écosse", .text) == nil)
    }
}
