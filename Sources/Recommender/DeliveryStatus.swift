/// How delivery of a commitment stands in monitoring: a RAG status for a measure (delivered against what is due,
/// `policy/monitoring.csv`), or pass and fail for a contract condition.
public enum DeliveryStatus: String, Codable, Sendable, CustomStringConvertible {
    /// On track: delivered at least the green share of what is due.
    case green
    /// Behind: at least the amber share.
    case amber
    /// Well behind.
    case red
    /// A contract condition met in the latest quarter.
    case pass
    /// A contract condition not met.
    case fail
    /// A contract condition with no return yet.
    case notYetReturned = "not yet returned"

    /// The status as reports write it (`green`, `not yet returned`).
    public var description: String { rawValue }
}
