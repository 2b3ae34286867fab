import Catalogue

/// What a visitor may do with one contract, for showing only those actions and forms on its page.
struct Abilities: Sendable {
    /// The permissions the visitor has over the contract.
    let allowed: Set<Permission>
    /// Whether the visitor may compare recommendations (which reaches every contract).
    let compare: Bool

    /// Everything (the one user of a workspace without accounts).
    static let everything = Abilities(allowed: Set(Permission.allCases), compare: true)

    init(allowed: Set<Permission>, compare: Bool) { (self.allowed, self.compare) = (allowed, compare) }

    /// What `visitor` may do with `contract` under `policy`.
    init(_ visitor: Visitor, contract: Int64, policy: AccessPolicy) {
        allowed = Set(Permission.allCases.filter { visitor.may($0, contract: contract, policy: policy) })
        compare = visitor.may(.readContracts, everyContract: true, policy: policy)
    }

    /// The abilities in words, for the key of a page kept for them.
    var key: String { allowed.map(\.rawValue).sorted().joined(separator: ",") + (compare ? " compare" : "") }
}
