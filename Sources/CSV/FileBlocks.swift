import Core

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file in fixed-size blocks into one reused buffer, so memory stays flat whatever the file's size.
///
/// A regular file is read in place. A pipe, a FIFO, standard input (`-`) or a UTF-16 file is first copied
/// once (``SpooledInput``), so it can be read as often as detection and loading need, and whole.
struct FileBlocks: Sendable {
    static let blockSize = 1 << 20

    let path: String
    /// The file's size in bytes (of the UTF-8 copy, for a converted file).
    let size: Int64
    /// The copy read instead of the path, when there is one.
    private let spooled: SpooledInput?

    /// The encoding the file was converted from before reading, if it was.
    var convertedFrom: TextEncoding? { spooled?.convertedFrom }

    /// - Throws: `ToolkitError` when the path cannot be opened or is neither a regular file, a pipe nor a FIFO.
    init(path: String) throws {
        self.path = path
        if let copy = SpooledInput.existing(path) {
            spooled = copy
        } else if path == "-" {
            spooled = try SpooledInput.copy(STDIN_FILENO, path: path, readableOnce: true)
        } else {
            spooled = try Self.copyIfNeeded(path)
        }
        size = try spooled?.size ?? Self.regularSize(path)
    }

    /// A copy of a pipe, a FIFO or a UTF-16 file; `nil` for a regular file read in place.
    private static func copyIfNeeded(_ path: String) throws -> SpooledInput? {
        var info = stat()
        guard stat(path, &info) == 0 else { throw cannotOpen(path) }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw cannotOpen(path) }
            var start: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
            let n = withUnsafeMutableBytes(of: &start) { pread(fd, $0.baseAddress, 4, 0) }
            let utf16 =
                n > 0 ? withUnsafeBytes(of: start) { TextEncoding.utf16(startingWith: .init(rebasing: $0[..<n])) } : nil
            guard utf16 != nil else {
                close(fd)
                return nil
            }
            return try SpooledInput.copy(fd, path: path, readableOnce: false)
        case S_IFIFO, S_IFSOCK:
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw cannotOpen(path) }
            return try SpooledInput.copy(fd, path: path, readableOnce: true)
        case S_IFDIR:
            throw ToolkitError(file: path, "is a folder, not a data file")
        default:
            throw ToolkitError(
                file: path, "is a device, not a data file (give a file, a pipe, or - for standard input)")
        }
    }

    private static func regularSize(_ path: String) throws -> Int64 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw cannotOpen(path) }
        return Int64(info.st_size)
    }

    private static func cannotOpen(_ path: String) -> ToolkitError {
        ToolkitError(file: path, "cannot open: \(String(cString: strerror(errno)))")
    }

    /// Calls `body` with each block in order, from byte `offset`; `body` returns false to stop early. A first block
    /// at the start of the file has any UTF-8 byte-order mark removed, unless `keepingByteOrderMark`;
    /// `sawByteOrderMark` reports whether there was one.
    /// - Throws: `ToolkitError` naming the file when it cannot be opened or read.
    @discardableResult
    func forEach(
        from offset: Int64 = 0, limit: Int? = nil, keepingByteOrderMark: Bool = false,
        _ body: (UnsafeRawBufferPointer) throws -> Bool
    ) throws -> (bytesRead: Int64, sawByteOrderMark: Bool) {
        try withDescriptor { fd in
            let capacity = min(limit ?? Self.blockSize, Self.blockSize)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
            defer { buffer.deallocate() }
            var total: Int64 = 0
            var bom = false
            while limit.map({ total < Int64($0) }) ?? true {
                let n = try read(fd, into: buffer, at: offset + total)
                if n == 0 { break }
                var block = UnsafeRawBufferPointer(start: buffer.baseAddress, count: n)
                if offset + total == 0, !keepingByteOrderMark, n >= 3, block[0] == 0xEF, block[1] == 0xBB,
                    block[2] == 0xBF
                {
                    bom = true
                    block = UnsafeRawBufferPointer(rebasing: block[3...])
                }
                total += Int64(n)
                if try !body(block) { break }
            }
            return (total, bom)
        }
    }

    /// Calls `body` with a descriptor open on the bytes to read, closed after `body` (the copy's stays open).
    /// - Throws: `ToolkitError` naming the file when it cannot be opened; what `body` throws.
    func withDescriptor<T>(_ body: (Int32) throws -> T) throws -> T {
        let fd = spooled?.descriptor ?? open(path, O_RDONLY)
        guard fd >= 0 else { throw Self.cannotOpen(path) }
        defer { if spooled == nil { close(fd) } }
        return try body(fd)
    }

    /// Reads up to `buffer.count` bytes at `offset`, retrying when interrupted; 0 at the end of the file.
    /// - Throws: `ToolkitError` naming the file when the read fails.
    func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        while true {
            let n = pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
            if n >= 0 { return n }
            if errno != EINTR { throw ToolkitError(file: path, "read failed: \(String(cString: strerror(errno)))") }
        }
    }
}
