import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files that belong together (a report's HTML, Markdown, JSON, office files and tables), written whole as a set:
/// every one goes first into a hidden staging folder beside the targets (`.NAME.set-XXXXXX`), flushed to disk, and
/// only when all are written is the set moved into place, one rename each, with a marker in the staging folder
/// saying the set is complete. So:
///
/// - a failure while writing (a full disk, an unwritable target) leaves the previous set untouched and removes the
///   staging folder;
/// - a run killed while writing leaves the previous set and a staging folder without the marker, which the next
///   set written to that folder removes; a run killed while moving leaves the marker, and the next one finishes the
///   moves, so a mixed set never stays;
/// - runs writing to one folder take turns (an exclusive lock on the folder), so two at once give one set or the
///   other, never a mixture.
public final class OutputSet {
    /// The folder the set's files go to.
    public let folder: String
    /// The hidden folder the files are written into first.
    public let staging: String
    private let lock: Int32
    private var names: [String] = []
    private static let marker = ".complete"

    /// Starts a set of files named `stem…` in `folder`: waits for any other set being written there, finishes or
    /// discards one a killed run left, and makes the staging folder.
    /// - Throws: a `cannotWrite` ``ToolkitError`` naming the folder.
    public init(folder: String, stem: String) throws {
        self.folder = folder
        lock = open(folder, O_RDONLY | O_DIRECTORY)
        guard lock >= 0 else { throw ToolkitError.systemCallFailed(folder, "cannot write here") }
        guard flock(lock, LOCK_EX) == 0 else {
            close(lock)
            throw ToolkitError.systemCallFailed(folder, "cannot lock")
        }
        let prefix = ".\(stem.split(separator: "/").last.map(String.init) ?? stem).set-"
        Self.recover(in: folder, prefix: prefix)
        var template = Array("\(folder)/\(prefix)XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            close(lock)
            throw ToolkitError.systemCallFailed(folder, "cannot write here")
        }
        staging = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: staging)
        close(lock)
    }

    /// Where to write the file or folder `name` of the set; it is moved to `folder/name` by ``commit()``.
    public func path(_ name: String) -> String {
        if !names.contains(name) { names.append(name) }
        return "\(staging)/\(name)"
    }

    /// Moves every file of the set into place, replacing the previous ones, and removes the staging folder.
    /// - Throws: a `cannotWrite` ``ToolkitError`` naming the path that could not be moved.
    public func commit() throws {
        try OutputFile.write(names.joined(separator: "\n"), to: "\(staging)/\(Self.marker)")
        OutputFile.synchronise(folder: staging)
        try Self.move(names, from: staging, to: folder)
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Moves each named file or folder from the staging folder over its target; a folder it replaces is first
    /// moved into the staging folder (removed with it).
    private static func move(_ names: [String], from staging: String, to folder: String) throws {
        for name in names where access("\(staging)/\(name)", F_OK) == 0 {
            let target = "\(folder)/\(name)"
            var info = stat()
            if lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                guard rename(target, "\(staging)/.previous-\(name)") == 0 else {
                    throw ToolkitError.systemCallFailed(target, "cannot replace")
                }
            }
            guard rename("\(staging)/\(name)", target) == 0 else {
                throw ToolkitError.systemCallFailed(target, "cannot write")
            }
        }
        OutputFile.synchronise(folder: folder)
    }

    /// Finishes the moves of a set a killed run had completed, and removes the staging folders of sets it had not.
    private static func recover(in folder: String, prefix: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for entry in entries where entry.hasPrefix(prefix) {
            let staging = "\(folder)/\(entry)"
            if let list = try? String(contentsOfFile: "\(staging)/\(marker)", encoding: .utf8) {
                try? move(list.split(separator: "\n").map(String.init), from: staging, to: folder)
            }
            try? FileManager.default.removeItem(atPath: staging)
        }
    }
}
