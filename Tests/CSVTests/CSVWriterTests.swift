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
}
