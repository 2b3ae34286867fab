import Core
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Input that can be read only once (a pipe, a FIFO, `/dev/stdin`, `-` for standard input) or that must be
/// converted before it is parsed (UTF-16), copied once into an unlinked temporary file.
///
/// Every later open of the same path in this process reads the copy, so format detection, the lookups'
/// first pass and the full read all see the whole input, and a FIFO is never opened twice.
final class SpooledInput: @unchecked Sendable {
    /// The copy's descriptor, read with `pread` so that readers never share an offset.
    let descriptor: Int32
    /// The copy's size in bytes.
    let size: Int64
    /// The encoding the original was in, when it was converted to UTF-8.
    let convertedFrom: TextEncoding?
    private let stream: UnsafeMutablePointer<FILE>

    private static let copies = Mutex<[String: SpooledInput]>([:])

    private init(stream: UnsafeMutablePointer<FILE>, size: Int64, convertedFrom: TextEncoding?) {
        self.stream = stream
        descriptor = fileno(stream)
        self.size = size
        self.convertedFrom = convertedFrom
    }

    deinit { fclose(stream) }

    /// The copy of `path` made earlier in this process, if any.
    static func existing(_ path: String) -> SpooledInput? {
        copies.withLock { $0[path] }
    }

    /// Copies everything readable from `source` (already open; closed here unless it is standard input),
    /// converting UTF-16 (told by its first bytes) to UTF-8. The copy of input that can be read only once is
    /// remembered under `path`; a regular file's is not, as the file may change.
    /// - Throws: `ToolkitError` naming `path` when the read or the temporary file fails, or the UTF-16 is malformed.
    static func copy(_ source: Int32, path: String, readableOnce: Bool) throws -> SpooledInput {
        defer { if source != STDIN_FILENO { close(source) } }
        guard let stream = tmpfile() else {
            throw ToolkitError(
                file: path, "cannot make a temporary copy to read it: \(String(cString: strerror(errno)))")
        }
        let target = fileno(stream)
        var encoding: TextEncoding?
        var converter: UTF16Converter?
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var written: Int64 = 0
        var sourceOffset: Int64 = 0
        while true {
            let n = read(source, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                fclose(stream)
                throw ToolkitError(file: path, "read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            let block = UnsafeRawBufferPointer(start: buffer.baseAddress, count: n)
            if sourceOffset == 0, let utf16 = TextEncoding.utf16(startingWith: block) {
                encoding = utf16
                converter = UTF16Converter(encoding: utf16, path: path)
            }
            do {
                if converter != nil {
                    let utf8 = try converter!.convert(block, at: sourceOffset)
                    written += try utf8.withUnsafeBytes { try writeAll($0, to: target, path: path) }
                } else {
                    written += try writeAll(block, to: target, path: path)
                }
            } catch {
                fclose(stream)
                throw error
            }
            sourceOffset += Int64(n)
        }
        if let converter, let error = converter.finish() {
            fclose(stream)
            throw error
        }
        let spooled = SpooledInput(stream: stream, size: written, convertedFrom: encoding)
        if readableOnce { copies.withLock { $0[path] = spooled } }
        return spooled
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to target: Int32, path: String) throws -> Int64 {
        var done = 0
        while done < bytes.count {
            let n = write(target, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw ToolkitError(
                    file: path, "cannot make a temporary copy to read it: \(String(cString: strerror(errno)))")
            }
            done += n
        }
        return Int64(bytes.count)
    }
}
