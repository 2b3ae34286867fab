/// Why a workspace operation could not be done, in words for the page or the terminal.
public enum WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No contract (or snapshot) of that id.
    case notFound(String)
    /// Someone saved it since it was read: the version read and the version now.
    case conflict(what: String, read: Int, now: Int)
    /// The workspace file cannot be opened as one.
    case unreadable(path: String, reason: String)
    /// An archive to import is not one svtk wrote, or the workspace already holds data.
    case badArchive(String)

    /// The error in words for the page or the terminal.
    public var description: String {
        switch self {
        case .notFound(let what): "no \(what) in this workspace"
        case .conflict(let what, let read, let now):
            "\(what) was changed by someone else since you opened it (you read version \(read), it is now version "
                + "\(now)): "
                + "reload the page to see their change, then make yours again"
        case .unreadable(let path, let reason): "\(path): cannot open as an svtk workspace: \(reason)"
        case .badArchive(let reason): reason
        }
    }
}
