#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in fixed-size blocks into one reused buffer, so memory stays flat whatever the file's size.
struct FileBlocks {
    static let blockSize = 1 << 20

    let path: String
    /// The file's size in bytes.
    let size: Int64

    init(path: String) throws {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw InputError(file: path, "cannot open: \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG || (info.st_mode & S_IFMT) == S_IFIFO else {
            throw InputError(file: path, "not a regular file")
        }
        size = Int64(info.st_size)
    }

    /// Calls `body` with each block in order; `body` returns false to stop early. The first block has any
    /// UTF-8 byte-order mark removed; `sawByteOrderMark` reports whether there was one.
    @discardableResult
    func forEach(limit: Int? = nil,
                 _ body: (UnsafeRawBufferPointer) throws -> Bool) throws -> (bytesRead: Int64, sawByteOrderMark: Bool) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(file: path, "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let capacity = min(limit ?? Self.blockSize, Self.blockSize)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var total: Int64 = 0
        var first = true
        var bom = false
        while limit.map({ total < Int64($0) }) ?? true {
            let n = read(fd, buffer.baseAddress, capacity)
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, "read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            total += Int64(n)
            var block = UnsafeRawBufferPointer(start: buffer.baseAddress, count: n)
            if first {
                first = false
                if n >= 3, block[0] == 0xEF, block[1] == 0xBB, block[2] == 0xBF {
                    bom = true
                    block = UnsafeRawBufferPointer(rebasing: block[3...])
                }
            }
            if try !body(block) { break }
        }
        return (total, bom)
    }
}
