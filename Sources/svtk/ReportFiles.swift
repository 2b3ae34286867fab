import CSV
import Foundation

/// Writes a report's files beside each other: `NAME.html`, `NAME.md`, `NAME.json` and `NAME-tables/*.csv`.
struct ReportFiles {
    let html: String

    init(out: String) { html = out.hasSuffix(".html") ? out : out + ".html" }

    var stem: String { String(html.dropLast(5)) }

    func write(html page: String, markdown: String, json: String, tables: [(name: String, header: [String], rows: [[String]])]) throws -> [String] {
        let folder = URL(fileURLWithPath: html).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try page.write(toFile: html, atomically: true, encoding: .utf8)
        try markdown.write(toFile: stem + ".md", atomically: true, encoding: .utf8)
        try json.write(toFile: stem + ".json", atomically: true, encoding: .utf8)
        let tableFolder = stem + "-tables"
        try FileManager.default.createDirectory(atPath: tableFolder, withIntermediateDirectories: true)
        for table in tables {
            guard let stream = fopen("\(tableFolder)/\(table.name).csv", "w") else {
                throw InputError(file: "\(tableFolder)/\(table.name).csv", "cannot write")
            }
            let writer = CSVWriter(stream: stream)
            writer.write(table.header)
            for row in table.rows { writer.write(row) }
            writer.flush()
            fclose(stream)
        }
        return [html, stem + ".md", stem + ".json", tableFolder + "/"]
    }
}
