import Catalogue
import Foundation

/// Someone signed in to a shared workspace: their account, and the key of their session (the SHA-256 of its
/// token), to which their forms' security tokens are bound.
public struct SignedIn: Sendable {
    /// The account signed in.
    public let account: Account
    /// The session's key: the SHA-256 of its token, in hexadecimal.
    public let sessionKey: String
    /// The contracts assigned to the account (for a role whose permissions reach only those).
    public let assignedContracts: Set<Int64>

    /// Whether the account's role may do `permission` on `contract` (on any contract it reaches when nil).
    /// - Complexity: O(1).
    public func may(_ permission: Permission, contract: Int64? = nil, under policy: AccessPolicy) -> Bool {
        switch policy.scope(of: permission, for: account.role) {
        case nil: return false
        case .all: return true
        case .assigned: return contract.map(assignedContracts.contains) ?? true
        }
    }
}

/// A new sign-in: the token to set in the browser's cookie (given once, kept nowhere) and who signed in.
public struct NewSignIn: Sendable {
    /// The session's token for the cookie: 32 random bytes in hexadecimal.
    public let token: String
    /// Who signed in.
    public let signedIn: SignedIn
}
