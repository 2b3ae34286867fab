import CSV
import Catalogue
import Core
import Foundation

/// Uploaded files read by the same strict CSV layer as files on disk: each is written to a private temporary
/// folder under a fixed name (never a name or path from the request), read, and removed. An error names the
/// file as the browser uploaded it, with its line and column.
enum Uploads {
    /// Runs `read` with the uploads' paths, in the order given, once each is within `limits`' rows and cell length.
    /// - Throws: `ToolkitError` naming an uploaded file, or saying the upload is missing or empty.
    static func reading<T>(
        _ files: [(field: String, label: String, file: FormData.File?)], limits: WorkspaceLimits,
        _ read: ([String]) throws -> T
    ) throws -> T {
        var template = Array((NSTemporaryDirectory() + "/svtk-upload-XXXXXX").utf8CString)
        guard
            let folder = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({
                String(cString: $0)
            })
        else {
            throw ToolkitError(.cannotWrite, "the server cannot store the upload for reading")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var paths: [String] = []
        var names: [String: String] = [:]
        for (index, upload) in files.enumerated() {
            guard let file = upload.file, !file.bytes.isEmpty else {
                throw ToolkitError(.badInput, "choose the \(upload.label) file to upload")
            }
            let path = "\(folder)/upload-\(index).csv"
            guard FileManager.default.createFile(atPath: path, contents: Data(file.bytes)) else {
                throw ToolkitError(.cannotWrite, "the server cannot store the upload for reading")
            }
            paths.append(path)
            names[path] = displayName(file, fallback: upload.field + ".csv")
        }
        do {
            for path in paths { try checkSize(path, limits: limits) }
            return try read(paths)
        } catch var error as ToolkitError {
            for (path, name) in names {
                if error.file == path { error.file = name }
                error.message = error.message.replacingOccurrences(of: path, with: name)
            }
            throw error
        }
    }

    /// Refuses an upload with more rows or longer cells than the limits allow, at the first row or cell beyond
    /// them, before anything else reads it (a file of 150,000 offers would otherwise be evaluated, kept and shown).
    /// - Throws: `ToolkitError` at the file, line (and column) beyond the limits; what the CSV layer throws.
    static func checkSize(_ path: String, limits: WorkspaceLimits) throws {
        var rows = 0
        try CSVTable(path: path).forEachRow { row in
            rows += 1
            guard rows <= limits.uploadRowsMaximum else {
                throw ToolkitError(
                    file: path, line: row.line,
                    "more than \(limits.uploadRowsMaximum) rows: an upload has at most that many "
                        + "(policy/workspace_limits.csv); split the file")
            }
            for column in 0..<row.count where row[column].bytes.count > limits.uploadFieldCharactersMaximum {
                let characters = row[column].string.count
                guard characters > limits.uploadFieldCharactersMaximum else { continue }
                throw ToolkitError(
                    file: path, line: row.line, column: column + 1,
                    "a cell of \(characters) characters: a cell has at most \(limits.uploadFieldCharactersMaximum) "
                        + "(policy/workspace_limits.csv)")
            }
        }
    }

    /// The uploaded file's own name, for messages: its last path part, printable, cut to 80 characters; `fallback`
    /// for no file or no printable name.
    static func displayName(_ file: FormData.File?, fallback: String) -> String {
        let last = (file?.name ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(
            last.filter { !$0.isNewline && $0.asciiValue.map { $0 >= 0x20 && $0 != 0x7F } ?? true }.prefix(80))
        return clean.isEmpty ? fallback : clean
    }
}
