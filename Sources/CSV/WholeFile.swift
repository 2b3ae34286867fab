import Core

/// A small input file read whole (a contract profile), from a path, a pipe, a FIFO or `-` for standard input.
public enum WholeFile {
    /// The file's bytes.
    /// - Parameter limit: the most bytes a file of this kind can sensibly hold; a larger one is refused.
    /// - Throws: `ToolkitError` naming the file when it cannot be read or is larger than `limit`.
    public static func bytes(at path: String, limit: Int) throws -> [UInt8] {
        let blocks = try FileBlocks(path: path)
        guard blocks.size <= Int64(limit) else {
            throw ToolkitError(file: path, "is \(blocks.size) bytes; a file of this kind is at most \(limit) bytes")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(blocks.size))
        let read = try blocks.forEach { block in
            bytes.append(contentsOf: block)
            return true
        }
        _ = read
        return bytes
    }

    /// The file's first bytes, at most `count` (a byte-order mark left out): enough to tell its kind. A pipe or `-`
    /// is copied once, so that it can be read again whole.
    /// - Throws: `ToolkitError` naming the file when it cannot be read.
    public static func start(of path: String, count: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        _ = try FileBlocks(path: path).forEach(limit: count) { block in
            bytes.append(contentsOf: block.prefix(count - bytes.count))
            return bytes.count < count
        }
        return bytes
    }
}
