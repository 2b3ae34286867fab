import Foundation
import ZIPFoundation

/// An Office Open XML package (a .docx or .xlsx): named XML parts in a ZIP container, built in memory.
///
/// Parts carry a fixed modification date, so the same content gives the same bytes.
struct OfficePackage {
    /// Part name (`word/document.xml`) → its XML.
    var parts: [(name: String, xml: String)] = []

    /// The fixed date written on every part (1 January 2000, within ZIP's 1980-2107 range).
    static let partDate = Date(timeIntervalSince1970: 946_684_800)

    mutating func add(_ name: String, _ xml: String) { parts.append((name, xml)) }

    /// The package's bytes.
    /// - Throws: ZIPFoundation's error if the archive cannot be made.
    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let bytes = Data(part.xml.utf8)
            try archive.addEntry(
                with: part.name, type: .file, uncompressedSize: Int64(bytes.count),
                modificationDate: Self.partDate, compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }
}

/// Text made safe for XML: the five special characters escaped, and the control characters XML 1.0 forbids
/// (which an input file may hold) replaced by U+FFFD.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// `[Content_Types].xml`: each part (`/word/document.xml`) with its content type (after
    /// `application/vnd.openxmlformats-officedocument.`).
    static func contentTypes(_ parts: [(part: String, type: String)]) -> String {
        declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + parts.map {
                "<Override PartName=\"\($0.part)\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.\($0.type)\"/>"
            }
            .joined()
            + "</Types>"
    }

    /// The package relationship to its main part.
    static func packageRelationships(main: String) -> String {
        declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" "
            + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
            + "Target=\"\(main)\"/></Relationships>"
    }
}
