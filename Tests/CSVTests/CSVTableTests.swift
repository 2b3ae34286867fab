import CSV
import Core
import TestSupport
import Testing

/// Reads every data row of a table as strings.
func readAll(_ path: String, delimiter: Delimiter? = nil) throws -> (CSVTable, [[String]], CSVReadSummary) {
    let table = try CSVTable(path: path, delimiter: delimiter)
    var rows: [[String]] = []
    let summary = try table.forEachRow { rows.append($0.strings) }
    return (table, rows, summary)
}

@Suite("CSVTable: layouts real exports have")
struct CSVTableTests {
    @Test("quoted fields keep commas, doubled quotes and line breaks")
    func quotedFields() throws {
        let path = try temporaryFile("id,text,n\n1,\"a, b\",2\n2,\"say \"\"hi\"\"\",3\n3,\"two\nlines\",4\n")
        let (_, rows, summary) = try readAll(path)
        #expect(rows == [["1", "a, b", "2"], ["2", "say \"hi\"", "3"], ["3", "two\nlines", "4"]])
        #expect(summary.rows == 3)
    }

    @Test("a compressed file or a workbook is named as such by its first bytes, not read as an empty table")
    func packedFiles() throws {
        // The first bytes of `gzip` output, of an .xlsx (a ZIP archive) and of an .xls, each followed by a table.
        let cases: [([UInt8], String)] = [
            ([0x1F, 0x8B, 0x08, 0x00], "this is a gzip-compressed file: decompress it first (gunzip)"),
            ([0x50, 0x4B, 0x03, 0x04], "this is a ZIP archive or an Excel workbook (.xlsx, .ods)"),
            ([0xD0, 0xCF, 0x11, 0xE0], "this is an Excel 97-2003 workbook (.xls): save the sheet as CSV"),
        ]
        for (magic, message) in cases {
            let path = try temporaryFile(magic + Array("a,b\n1,2\n".utf8))
            let error = inputError { _ = try CSVTable(path: path) }
            #expect(error?.message.hasPrefix(message) == true, "\(message)")
            #expect(error?.file == path)
        }
        // Text that merely starts with "PK" is a table.
        #expect(try readAll(try temporaryFile("PK,b\n1,2\n")).1 == [["1", "2"]])
    }

    @Test("CRLF line endings, a byte-order mark and no final newline")
    func crlfAndBOM() throws {
        let path = try temporaryFile([0xEF, 0xBB, 0xBF] + Array("code,value\r\nE01,1\r\nE02,\"2,345\"".utf8))
        let (table, rows, summary) = try readAll(path)
        #expect(table.header == ["code", "value"])
        #expect(table.dialect.hasByteOrderMark)
        #expect(rows == [["E01", "1"], ["E02", "2,345"]])
        #expect(summary.encoding == .utf8)
    }

    @Test("line numbers count lines inside quoted fields")
    func lineNumbers() throws {
        let path = try temporaryFile("a,b\n1,\"x\ny\"\n2,z\n")
        let table = try CSVTable(path: path)
        var lines: [Int] = []
        try table.forEachRow { lines.append($0.line) }
        #expect(lines == [2, 4])
    }

    @Test("tab and semicolon delimiters are sniffed; --delimiter overrides")
    func delimiters() throws {
        let tab = try temporaryFile("area\tname\tvalue\nE01\tA, B\t1\n")
        #expect(try readAll(tab).1 == [["E01", "A, B", "1"]])
        #expect(try CSVTable(path: tab).dialect.delimiterName == "tab")
        let semicolon = try temporaryFile("area;value\nE01;1,5\nE02;2,5\n")
        #expect(try readAll(semicolon).1 == [["E01", "1,5"], ["E02", "2,5"]])
        // Both delimiters give two columns here; comma wins the sniff, --delimiter semicolon overrides it.
        let ambiguous = try temporaryFile("a;b,c\n1;2,3\n")
        #expect(try CSVTable(path: ambiguous).header == ["a;b", "c"])
        #expect(try CSVTable(path: ambiguous, delimiter: .semicolon).header == ["a", "b,c"])
    }

    @Test("title lines above and footnotes below the table, as Nomis writes them")
    func titlesAndFootnotes() throws {
        let text = """
            "Tenure - Household Reference Persons"
            "ONS Crown Copyright Reserved [from Nomis on 1 March 2023]"
            "Population :","All households"

            "geography code","geography","Owned"
            "E05012993","Anston & Woodsetts","5000"
            "E05012994","Aston & Todwick","4000"

            "In order to protect against disclosure of personal information, records have been swapped"
            "Source: Office for National Statistics"

            """
        let (table, rows, summary) = try readAll(try temporaryFile(text))
        #expect(table.header == ["geography code", "geography", "Owned"])
        #expect(table.headerLine == 5)
        #expect(rows.count == 2)
        #expect(summary.titleLines.count == 3)
        #expect(
            summary.footnotes == [
                "In order to protect against disclosure of personal information, records have been swapped",
                "Source: Office for National Statistics",
            ])
        #expect(summary.blankLines >= 2)
    }

    @Test("a title and footnotes Excel padded to the table's width are a title and footnotes, not the header or rows")
    func paddedTitleAndFootnotes() throws {
        let text = """
            TS045 Car or van availability,,,
            date,geography,geography code,Number of cars or vans: Total: All households
            2021,Hartlepool,E06000001,40930
            2021,Middlesbrough,E06000002,58004
            Source: Office for National Statistics,,,
            ,,,
            "Figures are rounded, and records swapped",,,

            """
        let (table, rows, summary) = try readAll(try temporaryFile(text))
        #expect(
            table.header == ["date", "geography", "geography code", "Number of cars or vans: Total: All households"])
        #expect(table.headerLine == 2)
        #expect(
            rows == [["2021", "Hartlepool", "E06000001", "40930"], ["2021", "Middlesbrough", "E06000002", "58004"]])
        #expect(summary.titleLines == ["TS045 Car or van availability"])
        #expect(
            summary.footnotes == ["Source: Office for National Statistics", "Figures are rounded, and records swapped"])
    }

    @Test("blank trailing lines and rows of bare commas are skipped and counted")
    func blankLines() throws {
        let (_, rows, summary) = try readAll(try temporaryFile("a,b\n1,2\n,\n\n\n"))
        #expect(rows == [["1", "2"]])
        #expect(summary.blankLines == 3)
    }

    @Test("Windows-1252 from Excel is detected, transcoded and reported")
    func windows1252() throws {
        // "Ynys Môn" and "£5" and an en dash, as Excel on Windows saves them.
        let bytes: [UInt8] =
            Array("area,note\nW06000001,Ynys M".utf8) + [0xF4] + Array("n ".utf8) + [0x96]
            + Array(" costs ".utf8) + [0xA3] + Array("5\n".utf8)
        let (_, rows, summary) = try readAll(try temporaryFile(bytes))
        #expect(rows == [["W06000001", "Ynys Môn – costs £5"]])
        #expect(summary.encoding == .windows1252)
        #expect(summary.transcodedFromWindows1252)
        #expect(summary.notes.contains { $0.contains("Windows-1252") })
    }
}

@Suite("CSVTable: strict errors name file, line and column")
struct CSVStrictnessTests {
    func error(_ bytes: [UInt8]) throws -> ToolkitError {
        let path = try temporaryFile(bytes)
        do {
            _ = try readAll(path)
        } catch let error as ToolkitError {
            #expect(error.file == path)
            return error
        }
        Issue.record("expected an ToolkitError")
        return ToolkitError(file: "", "")
    }

    @Test("a ragged row")
    func ragged() throws {
        let e = try error(Array("a,b,c\n1,2,3\n4,5\n6,7,8\n".utf8))
        #expect(e.line == 3)
        #expect(e.column == 3)
        #expect(e.message.contains("2 fields where the header on line 1 has 3"))
    }

    @Test("an unterminated quote")
    func unterminatedQuote() throws {
        let e = try error(Array("a,b\n1,2\n3,\"open\n4,5\n".utf8))
        #expect(e.line == 3)
        #expect(e.message.contains("unterminated"))
    }

    @Test("a quote inside an unquoted field")
    func malformedQuote() throws {
        let e = try error(Array("a,b\n1,2\n3,ab\"c\n".utf8))
        #expect(e.line == 3)
        #expect(e.column == 2)
    }

    @Test("bytes that are not UTF-8 after UTF-8 text")
    func undecodable() throws {
        let e = try error(Array("a,b\n1,caf\u{E9}\n2,x".utf8) + [0xFF] + Array("y\n".utf8))
        #expect(e.line == 3)
        #expect(e.column == 2)
        #expect(e.message.contains("undecodable"))
    }

    @Test("a table row after a footnote Excel padded to the table's width")
    func rowAfterPaddedFootnote() throws {
        let e = try error(Array("a,b\n1,2\nSource: ONS,\n3,4\n".utf8))
        #expect(e.line == 3 && e.message.contains("reads as a footnote"))
    }

    @Test("a table row after the footnotes")
    func rowAfterFootnote() throws {
        let e = try error(Array("a,b\n1,2\nnote\n3,4\n".utf8))
        #expect(e.line == 3)
        #expect(e.message.contains("ragged"))
    }

    @Test("the description reads file:line:column: message")
    func description() {
        let e = ToolkitError(file: "x.csv", line: 12, column: 5, "bad")
        #expect(e.description == "x.csv:12:5: bad")
    }

    @Test("a Windows-1252 euro sign (0x80) alone in a field, and a field of several lines, are transcoded")
    func windows1252Euro() throws {
        let bytes: [UInt8] =
            Array("area,cost,note\nE01,".utf8) + [0x80] + Array("5,\"two\nlines ".utf8) + [0xE9] + Array("\"\n".utf8)
        let (_, rows, summary) = try readAll(try temporaryFile(bytes))
        #expect(rows == [["E01", "€5", "two\nlines é"]])
        #expect(summary.encoding == .windows1252)
    }

    @Test("undecodable bytes are reported on the line of the field that holds them")
    func undecodableLine() throws {
        let bytes: [UInt8] =
            Array("area,note,other\nE01,\"caf\u{E9}\",\"x\ny\nz ".utf8) + [0xFF] + Array("\"\n".utf8)
        let error = inputError { _ = try readAll(try temporaryFile(bytes)) }
        #expect(error?.line == 4)
        #expect(error?.column == 3)
        #expect(error?.message.contains("not valid UTF-8") == true)
    }
}
