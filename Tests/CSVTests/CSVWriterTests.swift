import CSV
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("CSVWriter")
struct CSVWriterTests {
    @Test("quotes only fields that need it, and round-trips through the reader")
    func roundTrip() throws {
        let path = try temporaryFile("")
        let stream = fopen(path, "w")!
        let writer = CSVWriter(stream: stream)
        writer.write(["code", "name", "note"])
        writer.write(["E01", "Plain", "has, comma"])
        writer.write(["E02", "say \"hi\"", "two\nlines"])
        writer.flush()
        fclose(stream)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "code,name,note\nE01,Plain,\"has, comma\"\nE02,\"say \"\"hi\"\"\",\"two\nlines\"\n")
        let (_, rows, _) = try readAll(path)
        #expect(rows == [["E01", "Plain", "has, comma"], ["E02", "say \"hi\"", "two\nlines"]])
    }

    @Test(
        "a formula is marked, and text already starting with marks before one gets one more; each reads back as it was",
        arguments: [
            ("=SUM(A1)", "'=SUM(A1)"), ("'=see note", "''=see note"), ("''+1", "'''+1"), ("-x", "'-x"),
            ("-12.5", "-12.5"), ("'quoted", "'quoted"), ("'", "'"), ("it's", "it's"), ("", ""),
        ])
    func formulaGuard(text: String, written: String) {
        #expect(FormulaGuard.guarding(text) == written)
        #expect(FormulaGuard.unguarding(written) == text)
    }

    @Test("bytes appended, and appended again, as they are, whatever their length and place")
    func bytesOfEveryLength() {
        let source = (0..<700).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        var expected: [UInt8] = []
        let bytes = CSVWriter.bytes { writer in
            writer.writeRows { rows in
                source.withUnsafeBufferPointer { source in
                    for length in 0...300 {
                        let from = length % 13
                        let start = rows.position
                        rows.append(UnsafeBufferPointer(rebasing: source[from..<(from + length)]))
                        rows.appendAgain(start..<rows.position)
                        rows.append(byte: 0xFF)
                        let run = Array(source[from..<(from + length)])
                        expected += run
                        expected += run
                        expected.append(0xFF)
                    }
                }
            }
        }
        #expect(bytes.count == expected.count)
        let firstDifference = zip(bytes, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(firstDifference == nil)
    }
}
