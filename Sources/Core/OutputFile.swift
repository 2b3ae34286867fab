#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ToolkitError {
    /// The error for a failed system call writing `path`, with the system's reason.
    public static func systemCallFailed(_ path: String, _ doing: String) -> ToolkitError {
        ToolkitError(.cannotWrite, file: path, "\(doing): \(String(cString: strerror(errno)))")
    }
}

/// A file written whole or not at all.
///
/// The content goes to a new temporary file beside the target (created exclusively, so a planted link is
/// never followed), is flushed and checked, and is then renamed over the target: a failed or interrupted
/// write leaves the old file (or none), never an empty or partial one, and a link at the target is replaced,
/// not written through.
public enum OutputFile {
    /// Checks, before any work is done, that `path` can be written: its folder exists and is writable, and
    /// the path itself is not a folder.
    /// - Throws: a `cannotWrite` error naming the path and the reason.
    public static func checkWritable(_ path: String) throws {
        let folder = folder(of: path)
        var info = stat()
        guard stat(folder, &info) == 0 else { throw ToolkitError.systemCallFailed(folder, "cannot write here") }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw ToolkitError(.cannotWrite, file: folder, "is not a folder")
        }
        guard access(folder, W_OK) == 0 else { throw ToolkitError.systemCallFailed(folder, "cannot write here") }
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw ToolkitError(.cannotWrite, file: path, "is a folder: give a file name")
        }
    }

    /// Writes text to `path` atomically.
    /// - Throws: a `cannotWrite` error naming the path when any step fails; the target is then unchanged.
    public static func write(_ text: String, to path: String) throws {
        try write(to: path) { stream in
            var text = text
            let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, stream) }
            return written == text.utf8.count
        }
    }

    /// Writes bytes to `path` atomically.
    /// - Throws: a `cannotWrite` error naming the path when any step fails; the target is then unchanged.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { stream in
            bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stream) } == bytes.count
        }
    }

    /// Creates the temporary file, lets `fill` write it (returning false when a write failed), then flushes,
    /// closes and renames it into place.
    /// - Throws: a `cannotWrite` error naming the path when any step fails; the target is then unchanged.
    public static func write(to path: String, _ fill: (UnsafeMutablePointer<FILE>) -> Bool) throws {
        try checkWritable(path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(folder(of: path))/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw ToolkitError.systemCallFailed(path, "cannot create") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        guard let stream = fdopen(fd, "w") else {
            close(fd)
            unlink(temporary)
            throw ToolkitError.systemCallFailed(path, "cannot create")
        }
        let filled = fill(stream)
        let flushed = fflush(stream) == 0 && ferror(stream) == 0 && fsync(fd) == 0
        let closed = fclose(stream) == 0
        guard filled, flushed, closed else {
            let error = ToolkitError.systemCallFailed(path, "cannot write")
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = ToolkitError.systemCallFailed(path, "cannot write")
            unlink(temporary)
            throw error
        }
        synchronise(folder: folder(of: path))
    }

    /// Flushes a folder's entries to disk (after a rename), so the new name survives a power cut; best effort.
    public static func synchronise(folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// The folder a path is in (`.` for a bare file name).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
