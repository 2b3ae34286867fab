import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a workspace file's folder, held while the workspace is opened and its
/// schema brought up to date: svtk processes opening one new workspace at once (a `svtk serve` and a
/// `svtk users add`) then create its tables once, in turn, where each would otherwise find no migration applied
/// and the second fail on tables the first made. The folder is locked rather than the file, as closing a
/// descriptor of the database file would drop the locks SQLite holds on it.
enum FolderLock {
    /// Runs `body` holding the lock on `folder`; without it where the folder cannot be opened or locked (SQLite
    /// then names the problem with the file, or the file system keeps no such locks).
    static func holding<T>(_ folder: String, _ body: () throws -> T) rethrows -> T {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        return try body()
    }
}
