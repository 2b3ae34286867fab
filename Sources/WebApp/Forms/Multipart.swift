import Core
import Foundation
import MultipartKit
import NIOCore

/// Reads a `multipart/form-data` body (a form with file uploads) into a ``FormData``.
enum Multipart {
    /// The boundary named in a `multipart/form-data` content type, or `nil` for another type.
    static func boundary(in contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            return String(part.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return ""
    }

    /// - Throws: a ``ToolkitError`` for a boundary RFC 2046 does not allow (empty, over 70 characters), a part
    ///   without a name, a body cut short, or text fields that are not UTF-8 or hold a control character.
    static func parse(_ body: ByteBuffer, boundary: String, fieldLimit: Int) throws -> FormData {
        guard (1...70).contains(boundary.utf8.count) else {
            throw ToolkitError(.badInput, "the form's multipart boundary must be 1 to 70 characters")
        }
        let parser = MultipartParser(boundary: boundary)
        var form = FormData()
        var headers: [String: String] = [:]
        var content: [UInt8] = []
        var open = false
        var problem: ToolkitError?
        var parts = 0
        parser.onHeader = { name, value in
            open = true
            headers[name.lowercased()] = value
        }
        parser.onBody = { buffer in
            open = true
            content += buffer.readBytes(length: buffer.readableBytes) ?? []
        }
        parser.onPartComplete = {
            defer {
                headers = [:]
                content = []
                open = false
            }
            parts += 1
            guard parts <= fieldLimit else { return }
            let disposition = Disposition(headers["content-disposition"] ?? "")
            guard let name = disposition.name else {
                problem = problem ?? ToolkitError(.badInput, "a part of the form has no name")
                return
            }
            if let fileName = disposition.fileName {
                form.add(file: FormData.File(name: fileName, bytes: content), as: name)
            } else if let text = String(validating: content, as: UTF8.self) {
                do { try form.add(name, text) } catch { problem = problem ?? (error as? ToolkitError) }
            } else {
                problem = problem ?? ToolkitError(.badInput, "the form's field \(name) is not UTF-8 text")
            }
        }
        var prefixed = ByteBuffer(string: "\r\n")  // the parser expects every boundary after a line break
        var rest = body
        prefixed.writeBuffer(&rest)
        do { try parser.execute(prefixed) } catch {
            throw ToolkitError(.badInput, "the form's multipart body cannot be read")
        }
        if parts > fieldLimit { throw FormData.TooManyFields(limit: fieldLimit) }
        if let problem { throw problem }
        if open { throw ToolkitError(.badInput, "the form's multipart body was cut short") }
        return form
    }

    /// The `name` and `filename` of a `Content-Disposition: form-data` header.
    struct Disposition {
        var name: String?
        var fileName: String?

        init(_ header: String) {
            for parameter in header.split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                let value =
                    pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                    ? String(pair[1].dropFirst().dropLast()) : pair[1]
                switch pair[0].lowercased() {
                case "name": name = value
                case "filename": fileName = value
                default: break
                }
            }
        }
    }
}
