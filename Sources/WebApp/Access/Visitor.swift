import Catalogue
import Workspace

/// Who asks for a page of the workspace.
enum Visitor: Sendable {
    /// The one user of a workspace that has no accounts, on this machine only: may do everything.
    case singleUser
    /// Someone not signed in to a workspace with accounts: may only sign in.
    case anonymous
    /// Someone signed in: may do what their role allows.
    case signedIn(SignedIn)

    /// The key of the visitor's session, to which their forms' tokens are bound ("" for none).
    var sessionKey: String {
        if case .signedIn(let signedIn) = self { return signedIn.sessionKey }
        return ""
    }

    /// Who the audit trail says made a change.
    var actor: String {
        switch self {
        case .singleUser: return "the workspace's one user (no accounts)"
        case .anonymous: return "someone not signed in"
        case .signedIn(let signedIn): return signedIn.account.name
        }
    }

    /// Whether the visitor may do `permission` on `contract` (on every contract, when nil and `everyContract`).
    func may(_ permission: Permission, contract: Int64? = nil, everyContract: Bool = false, policy: AccessPolicy)
        -> Bool
    {
        switch self {
        case .singleUser: return true
        case .anonymous: return false
        case .signedIn(let signedIn):
            if everyContract, contract == nil {
                return policy.scope(of: permission, for: signedIn.account.role) == .all
            }
            return signedIn.may(permission, contract: contract, under: policy)
        }
    }

    /// The contracts the visitor may read, where only some (a contract manager's assigned ones); nil for all.
    func readableContracts(policy: AccessPolicy) -> Set<Int64>? {
        guard case .signedIn(let signedIn) = self,
            policy.scope(of: .readContracts, for: signedIn.account.role) != .all
        else { return nil }
        return signedIn.assignedContracts
    }
}
