import CSV
import Core
import Foundation
import Reports
import Toolkit

/// Writes a report's files beside each other: `NAME.html`, `NAME.md`, `NAME.json`, `NAME.docx` and `NAME.xlsx` (for a
/// recommendation) and `NAME-tables/*.csv`,
/// each atomically (``OutputFile``), so a failure never leaves an empty or partial file.
struct ReportFiles {
    let html: String

    /// The raw `--out` as given.
    private let requested: String

    init(out: String) {
        requested = out
        html = out.hasSuffix(".html") ? out : out + ".html"
    }

    var stem: String { String(html.dropLast(5)) }
    var tableFolder: String { stem + "-tables" }

    /// Checks, before the analysis runs, that the report can be written where asked: the folder is made if
    /// missing, and the HTML path and the tables folder must not be a folder and a link respectively.
    /// - Throws: a `cannotWrite` ``ToolkitError`` naming the path.
    func prepare() throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: requested, isDirectory: &isFolder), isFolder.boolValue {
            throw ToolkitError(
                .cannotWrite, file: requested, "is a folder: give the report's file name, e.g. \(requested)/report.html"
            )
        }
        let folder = URL(fileURLWithPath: html).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ToolkitError(.cannotWrite, file: folder, "cannot make this folder for the report")
        }
        for file in [html] + ["md", "json", "docx", "xlsx"].map({ "\(stem).\($0)" }) {
            try OutputFile.checkWritable(file)
        }
        if let type = try? FileManager.default.attributesOfItem(atPath: tableFolder)[.type] as? FileAttributeType,
            type != .typeDirectory
        {
            throw ToolkitError(
                .cannotWrite, file: tableFolder, "exists and is not a folder (a file or a link): move it away")
        }
    }

    /// Writes a recommendation's report: every format of the bundle.
    /// - Returns: the paths written, the HTML first.
    func write(_ bundle: ReportBundle) throws -> [String] {
        try write(
            html: bundle.html, markdown: bundle.markdown, json: try bundle.json(), tables: bundle.tables,
            office: (try bundle.docx(), try bundle.xlsx()))
    }

    /// Writes every file as one set (``OutputSet``): all or none replace the previous report; `office` adds
    /// NAME.docx and NAME.xlsx where given.
    /// - Returns: the paths written, the HTML first.
    func write(
        html page: String, markdown: String, json: String, tables: [Table],
        office: (docx: [UInt8], xlsx: [UInt8])? = nil
    ) throws -> [String] {
        try prepare()
        let set = try OutputSet(folder: OutputFile.folder(of: html), stem: stem)
        let name = String(stem.split(separator: "/").last ?? "")
        try OutputFile.write(page, to: set.path(name + ".html"))
        try OutputFile.write(markdown, to: set.path(name + ".md"))
        try OutputFile.write(json, to: set.path(name + ".json"))
        if let office {
            try OutputFile.write(office.docx, to: set.path(name + ".docx"))
            try OutputFile.write(office.xlsx, to: set.path(name + ".xlsx"))
        }
        let tablesFolder = set.path(name + "-tables")
        do {
            try FileManager.default.createDirectory(atPath: tablesFolder, withIntermediateDirectories: false)
        } catch {
            throw ToolkitError(.cannotWrite, file: tableFolder, "cannot make this folder for the report's tables")
        }
        for table in tables {
            try OutputFile.writeCSV(to: "\(tablesFolder)/\(table.name).csv", byteOrderMark: true) { writer in
                writer.write(table.header)
                for row in table.rows { writer.write(row) }
            }
        }
        try set.commit()
        return [html, stem + ".md", stem + ".json"] + (office == nil ? [] : [stem + ".docx", stem + ".xlsx"]) + [
            tableFolder + "/"
        ]
    }
}
