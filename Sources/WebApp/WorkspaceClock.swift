import Foundation

/// What the workspace's pages take the time to be for tenders and delivery: whether a tender's offers are still
/// sealed or may be submitted, which quarters' returns are due, and when an upload, a tender's scoring or its award
/// was made. The system's clock in use; in tests, one set by hand, so a deadline can pass without waiting for it.
/// Sign-in sessions, and the times kept with contracts, recommendations and decisions, are the workspace's own
/// (``Workspace``'s methods' `at:`, the system's clock).
public struct WorkspaceClock: Sendable {
    /// The moment it is now.
    public let now: @Sendable () -> Date

    /// A clock that tells the time `now` returns.
    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    /// The system's clock.
    public static let system = WorkspaceClock { Date() }
}
