import Core
import Foundation
import TestSupport
import Testing

@testable import CSV

/// What a read gives: every row with its line (and `*` where the row is not ASCII), then the summary, or the error.
/// Checks each row's ``CSVRow/isASCII`` against its fields' bytes.
private func outcome(_ path: String, _ threads: ReadingThreads, failingAtRow: Int? = nil) -> (String, Int) {
    do {
        let table = try CSVTable(path: path)
        table.threads = threads
        var text = ""
        var rows = 0
        let summary = try table.forEachRow { row in
            rows += 1
            if rows == failingAtRow { throw ToolkitError(file: path, line: row.line, column: 1, "stopped by the test") }
            let ascii = row.strings.allSatisfy { $0.utf8.allSatisfy { (1..<0x80).contains($0) } }
            #expect(row.isASCII == ascii, "line \(row.line)")
            text += "\(row.line)\(row.isASCII ? "" : "*"): \(row.strings.joined(separator: "|"))\n"
        }
        return (text + "\(summary)", table.segmentsFromHelpers)
    } catch {
        return ("error: \(error)", 0)
    }
}

/// A table of `rows` rows whose text columns carry what `extra` puts in row `r`.
private func table(rows: Int, extra: (Int) -> String = { _ in "" }) -> String {
    var text = "date,geography,geography code,Age: Total,Age: Band 1,Note\n"
    for r in 0..<rows { text += "2021,Area \(r),E01\(100_000 + r),\(r * 3),\(r),\(extra(r))\n" }
    return text
}

@Suite("ReadingThreads: helpers tokenizing ahead change nothing a read gives")
struct ReadingThreadsTests {
    /// Segment sizes from a few bytes (every boundary lands inside something) to a few rows.
    static let sizes = [1, 7, 16, 45, 64, 100, 333, 1000]
    /// Segment sizes for a file of some 300 KB.
    static let largeFileSizes = [999, 4096, 65536]

    /// Reads `bytes` alone and in segments of each size, and expects the same rows, lines, summary or error.
    /// Returns the most segments helpers handed on.
    @discardableResult
    func expectSameReads(_ bytes: [UInt8], failingAtRow: Int? = nil, sizes: [Int] = sizes) throws -> Int {
        let path = try temporaryFile(bytes)
        let alone = outcome(path, .one, failingAtRow: failingAtRow)
        #expect(alone.1 == 0)
        var handedOn = 0
        for size in sizes {
            let split = outcome(
                path, ReadingThreads(helpers: 2, segmentsAhead: 3, segmentBytes: size), failingAtRow: failingAtRow)
            #expect(split.0 == alone.0, "segments of \(size) bytes")
            handedOn = max(handedOn, split.1)
        }
        return handedOn
    }

    @Test("plain rows: helpers hand on every segment, with the lines of a read alone")
    func plainRows() throws {
        let text = table(rows: 300)
        let handedOn = try expectSameReads(Array(text.utf8))
        #expect(handedOn >= text.utf8.count / 1000 - 1)
    }

    @Test("quoted commas, doubled quotes and line breaks across segment boundaries")
    func quotedLineBreaks() throws {
        let text = table(rows: 200) { r in
            r % 3 == 0 ? "\"line one\nline, two\r\nsaid \"\"hi\"\"\"" : r % 5 == 0 ? "\"a, b\"" : "plain"
        }
        #expect(try expectSameReads(Array(text.utf8)) > 0)
    }

    @Test("a byte-order mark, title lines, CRLF, blank lines and footnotes")
    func layoutAroundTheTable() throws {
        var text = "Table TS007: Age\r\nSource: ONS\r\n\r\n"
        text += table(rows: 150).replacingOccurrences(of: "\n", with: "\r\n")
        text = text.replacingOccurrences(of: "Area 70,", with: "Area 70,\r\n\r\n  \r\n")
        text = text.replacingOccurrences(of: "\r\n2021,Area 70,", with: "\r\n\r\n\r\n2021,Area 70,")
        text += "\r\nFootnote: figures are rounded\r\nCrown copyright"
        try expectSameReads([0xEF, 0xBB, 0xBF] + Array(text.utf8))
    }

    @Test("lines ended by CR alone, and a line longer than a segment, are read on by the caller")
    func noLineBreakNearby() throws {
        try expectSameReads(Array(table(rows: 300).replacingOccurrences(of: "\n", with: "\r").utf8))
        let long = String(repeating: "x", count: 5000)
        try expectSameReads(Array(table(rows: 300) { $0 == 150 ? long : "" }.utf8), sizes: [64, 1000])
    }

    @Test("the first non-ASCII text far into the file, as UTF-8 or as Windows-1252")
    func encodingDecidedLate() throws {
        let rows = 6000  // beyond the 256 KB the sniffer reads
        let utf8 = table(rows: rows) { $0 == rows - 40 ? "Ynys Môn" : "" }
        #expect(try expectSameReads(Array(utf8.utf8), sizes: Self.largeFileSizes) > 0)
        var windows = Array(table(rows: rows) { $0 == rows - 40 ? "Caf#" : "" }.utf8)
        windows[windows.lastIndex(of: UInt8(ascii: "#"))!] = 0xE9
        try expectSameReads(windows, sizes: Self.largeFileSizes)
        var mixed = Array(table(rows: rows) { $0 == rows - 40 ? "Ynys Môn" : $0 == rows - 10 ? "Caf#" : "" }.utf8)
        mixed[mixed.lastIndex(of: UInt8(ascii: "#"))!] = 0xE9
        try expectSameReads(mixed, sizes: Self.largeFileSizes)
    }

    @Test("errors: a ragged row, bad quoting, a NUL, an unclosed quote, an error from the caller")
    func errors() throws {
        try expectSameReads(Array((table(rows: 120) + "2021,Area,E01,1\n" + table(rows: 5)).utf8))
        try expectSameReads(Array(table(rows: 120) { $0 == 90 ? "bad \"quote\"" : "" }.utf8))
        var nul = Array(table(rows: 120).utf8)
        nul[nul.count - 300] = 0
        try expectSameReads(nul)
        try expectSameReads(Array((table(rows: 120) + "2021,Area,E01,1,2,\"never closed\n").utf8))
        try expectSameReads(Array(table(rows: 120).dropLast().utf8))
        try expectSameReads(Array(table(rows: 120).utf8), failingAtRow: 77)
    }

    @Test("mixed layouts from 40 seeds")
    func generated() throws {
        var seed: UInt64 = 2021
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let pieces = ["", "plain", "\"a,b\"", "\"x\ny\"", "\"q \"\"r\"\"\"", " spaced ", "\"\r\n\""]
        for _ in 0..<40 {
            var text = table(rows: 40 + next(80)) { _ in pieces[next(pieces.count)] }
            if next(3) == 0 { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
            if next(4) == 0 { text += "\nNote: a footnote\n" }
            try expectSameReads(Array(text.utf8))
        }
    }
}
