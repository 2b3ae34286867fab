import Foundation

/// What the workspace takes the time to be when it decides by the clock: whether a tender's offers are still
/// sealed or may be submitted, which quarters' returns are due, and when an upload or an award was made. The
/// system's clock in use; in tests, one set by hand, so a deadline can pass without waiting for it.
public struct WorkspaceClock: Sendable {
    /// The moment it is now.
    public let now: @Sendable () -> Date

    /// A clock that tells the time `now` returns.
    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    /// The system's clock.
    public static let system = WorkspaceClock { Date() }
}
