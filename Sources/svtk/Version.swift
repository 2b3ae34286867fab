import Foundation

/// The toolkit's version: the release number, bumped by the release process, and the git commit of the
/// checkout the program runs from, where it runs from one.
enum Version {
    /// The release number.
    static let release = "0.11.0"

    /// `0.11.0`, or `0.11.0 (commit 1a2b3c4d5e6f)` for a program inside a git checkout.
    static var text: String {
        commit().map { "\(release) (commit \($0.prefix(12)))" } ?? release
    }

    /// The commit checked out in the git repository holding the program, or else the one `make install` wrote
    /// beside the installed data (`share/svtk/COMMIT`), if any.
    static func commit() -> String? {
        guard var folder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() else {
            return nil
        }
        if let installed = installedCommit(beside: folder) { return installed }
        while folder.path != "/" {
            let git = folder.appendingPathComponent(".git")
            if let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8) {
                return resolve(head.trimmingCharacters(in: .whitespacesAndNewlines), in: git)
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// The commit `make install` recorded in `../share/svtk/COMMIT` beside an installed program's folder.
    private static func installedCommit(beside folder: URL) -> String? {
        let file = folder.deletingLastPathComponent().appendingPathComponent("share/svtk/COMMIT")
        let text = (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.flatMap { $0.count == 40 && $0.allSatisfy(\.isHexDigit) ? $0 : nil }
    }

    /// A HEAD (a commit, or `ref: refs/heads/main`) as a commit, through loose or packed refs.
    private static func resolve(_ head: String, in git: URL) -> String? {
        guard head.hasPrefix("ref: ") else { return head.isEmpty ? nil : head }
        let ref = String(head.dropFirst(5))
        if let loose = try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8) {
            return loose.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let packed = (try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8)) ?? ""
        return packed.split(separator: "\n").first { $0.hasSuffix(" " + ref) }.map { String($0.prefix { $0 != " " }) }
    }
}
