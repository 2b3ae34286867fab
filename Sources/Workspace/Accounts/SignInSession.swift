import Foundation
import GRDB

/// A sign-in kept on the server: the SHA-256 of the token in the browser's cookie (never the token itself), whose
/// account it is, when it began and when it was last used. It ends when too old or unused too long
/// (`workspace_limits.csv`), on sign-out, and when its account is disabled or its password reset.
struct SignInSession: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "session"
    /// The SHA-256 of the session's token, in hexadecimal.
    var tokenHash: String
    /// The account signed in.
    var accountId: Int64
    /// When the person signed in.
    var startedAt: Date
    /// When the session was last used (kept to the minute, to save a write per request).
    var lastSeenAt: Date

    enum Columns {
        static let tokenHash = Column(CodingKeys.tokenHash)
        static let accountId = Column(CodingKeys.accountId)
    }
}
