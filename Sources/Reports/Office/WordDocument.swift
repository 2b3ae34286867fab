/// A Word document (.docx) built from headings, paragraphs, bullets and tables: enough for the social value
/// section of a tender pack, which commissioners paste into their documents. A4, with the styles Word names
/// `Title`, `Heading 1`, `Heading 2` and `List Bullet`, and tables with a header row.
struct WordDocument {
    private var body = ""

    mutating func title(_ text: String) { paragraph(text, style: "Title") }
    mutating func heading(_ text: String, level: Int = 1) { paragraph(text, style: "Heading\(level)") }
    mutating func bullet(_ text: String) { paragraph("• " + text, style: "ListBullet") }

    mutating func paragraph(_ text: String, style: String? = nil) {
        body += "<w:p>" + (style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? "") + run(text) + "</w:p>"
    }

    /// A table; the first row is the header, repeated on each page.
    mutating func table(header: [String], rows: [[String]]) {
        body +=
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" "
            + "w:type=\"pct\"/></w:tblPr><w:tblGrid>"
            + String(repeating: "<w:gridCol/>", count: header.count) + "</w:tblGrid>"
        body += "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + header.map { cell($0, bold: true) }.joined() + "</w:tr>"
        for row in rows { body += "<w:tr>" + row.map { cell($0, bold: false) }.joined() + "</w:tr>" }
        body += "</w:tbl><w:p/>"
    }

    private func run(_ text: String, bold: Bool = false) -> String {
        "<w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "")
            + "<w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r>"
    }

    private func cell(_ text: String, bold: Bool) -> String { "<w:tc><w:p>\(run(text, bold: bold))</w:p></w:tc>" }

    /// The .docx bytes.
    func data() throws -> [UInt8] {
        var package = OfficePackage()
        package.add(
            "[Content_Types].xml",
            XMLText.contentTypes([
                ("/word/document.xml", "wordprocessingml.document.main+xml"),
                ("/word/styles.xml", "wordprocessingml.styles+xml"),
            ]))
        package.add("_rels/.rels", XMLText.packageRelationships(main: "word/document.xml"))
        package.add(
            "word/_rels/document.xml.rels",
            XMLText.declaration
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
                + "Target=\"styles.xml\"/></Relationships>")
        package.add("word/styles.xml", Self.styles)
        package.add(
            "word/document.xml",
            XMLText.declaration
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body
                + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" "
                + "w:bottom=\"1134\" "
                + "w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>")
        return Array(try package.data())
    }

    private static func style(
        _ id: String, _ name: String, size: Int, bold: Bool = false, colour: String? = nil, before: Int = 0
    ) -> String {
        "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:keepNext/><w:spacing w:before=\"\(before)\" w:after=\"120\"/></w:pPr><w:rPr>"
            + (bold ? "<w:b/>" : "")
            + (colour.map { "<w:color w:val=\"\($0)\"/>" } ?? "") + "<w:sz w:val=\"\(size)\"/></w:rPr></w:style>"
    }

    static let styles =
        XMLText.declaration
        + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz "
        + "w:val=\"22\"/>"
        + "<w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing "
        + "w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        + style("Title", "Title", size: 36, bold: true, colour: "0B5394")
        + style("Heading1", "heading 1", size: 28, bold: true, colour: "0B5394", before: 240)
        + style("Heading2", "heading 2", size: 24, bold: true, before: 160)
        + "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn "
        + "w:val=\"Normal\"/>"
        + "<w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:style>"
        + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
        + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>"
        }.joined()
        + "</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" "
        + "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "</w:styles>"
}
