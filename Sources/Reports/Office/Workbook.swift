/// An Excel workbook (.xlsx): one sheet per table, a bold header row frozen at the top, numbers as numbers and
/// text as text (inline strings, so no shared-string table is needed).
struct Workbook {
    /// Excel's limit on a cell's text; longer text is cut with "…".
    static let cellCharacters = 32_767

    private var sheets: [Table] = []

    /// Adds a sheet; the name is made valid for Excel (at most 31 characters, none of `[]:*?/\`).
    mutating func sheet(_ table: Table) {
        let cleaned = String(table.name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        sheets.append(Table(cleaned.isEmpty ? "sheet\(sheets.count + 1)" : cleaned, table.header, table.rows))
    }

    /// The .xlsx bytes.
    func data() throws -> [UInt8] {
        var package = OfficePackage()
        package.add(
            "[Content_Types].xml",
            XMLText.contentTypes(
                [
                    ("/xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
                    ("/xl/styles.xml", "spreadsheetml.styles+xml"),
                ] + sheets.indices.map { ("/xl/worksheets/sheet\($0 + 1).xml", "spreadsheetml.worksheet+xml") }))
        package.add("_rels/.rels", XMLText.packageRelationships(main: "xl/workbook.xml"))
        package.add(
            "xl/workbook.xml",
            XMLText.declaration
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + sheets.enumerated().map {
                    "<sheet name=\"\(XMLText.escape($0.element.name))\" sheetId=\"\($0.offset + 1)\" "
                        + "r:id=\"rId\($0.offset + 1)\"/>"
                }.joined()
                + "</sheets></workbook>")
        package.add(
            "xl/_rels/workbook.xml.rels",
            XMLText.declaration
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + sheets.indices.map {
                    "<Relationship Id=\"rId\($0 + 1)\" "
                        + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                        + "Target=\"worksheets/sheet\($0 + 1).xml\"/>"
                }.joined()
                + "<Relationship Id=\"rId\(sheets.count + 1)\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
                + "Target=\"styles.xml\"/></Relationships>")
        package.add("xl/styles.xml", Self.styles)
        for (i, sheet) in sheets.enumerated() {
            package.add("xl/worksheets/sheet\(i + 1).xml", Self.worksheet(header: sheet.header, rows: sheet.rows))
        }
        return Array(try package.data())
    }

    static func worksheet(header: [String], rows: [[String]]) -> String {
        var xml =
            XMLText.declaration + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" "
            + "activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "</sheetView></sheetViews><sheetData>"
        for (r, row) in ([header] + rows).enumerated() {
            xml +=
                "<row r=\"\(r + 1)\">"
                + row.enumerated().map { c, text in
                    cell(text, reference: column(c) + "\(r + 1)", header: r == 0)
                }.joined() + "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A cell: a plain decimal number as a number, anything else as text (cut to Excel's limit).
    static func cell(_ text: String, reference: String, header: Bool) -> String {
        if !header, isPlainNumber(text) { return "<c r=\"\(reference)\"><v>\(text)</v></c>" }
        let fitted = text.count > cellCharacters ? String(text.prefix(cellCharacters - 1)) + "…" : text
        return "<c r=\"\(reference)\" t=\"inlineStr\"\(header ? " s=\"1\"" : "")><is><t xml:space=\"preserve\">"
            + XMLText.escape(fitted) + "</t></is></c>"
    }

    /// Digits with an optional minus sign and decimal point, and no leading zero before other digits (so codes
    /// such as `007` stay text).
    static func isPlainNumber(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard let first = digits.first, first.isASCII, first.isNumber, digits.filter({ $0 == "." }).count <= 1,
            digits.allSatisfy({ $0 == "." || ($0.isASCII && $0.isNumber) }), digits.last != "."
        else { return false }
        return !(digits.count > 1 && first == "0" && digits.dropFirst().first != ".")
    }

    /// The column letters of a 0-based index: A … Z, AA ….
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    static let styles =
        XMLText.declaration
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Arial\"/></font><font><b/><sz val=\"11\"/><name "
        + "val=\"Arial\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill "
        + "patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}
