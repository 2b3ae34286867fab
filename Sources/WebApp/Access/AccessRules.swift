import Catalogue
import Hummingbird

/// Who may ask for each page and form of the workspace: one rule per route, matched by method and path (a segment
/// starting with `:` matches any one segment). A request no rule matches is a page that does not exist, so a route
/// added without its rule is refused until it has one.
enum AccessRules {
    /// What a route asks of the visitor.
    enum Rule: Equatable, Sendable {
        /// Anyone, signed in or not (signing in).
        case open
        /// Anyone signed in, whatever their role (their own account, signing out).
        case signedIn
        /// A role with the permission: over the contract in the path (`:id`) where there is one; over every
        /// contract when `everyContract` (a page that shows several, such as a comparison).
        case requires(Permission, everyContract: Bool = false)
    }

    /// Every route of the workspace and its rule, literal paths before those with parameters.
    static let table: [(method: HTTPRequest.Method, path: String, rule: Rule)] = [
        (.get, "/sign-in", .open), (.post, "/sign-in", .open),
        (.post, "/sign-out", .signedIn), (.get, "/account", .signedIn), (.post, "/account", .signedIn),
        (.get, "/accounts", .requires(.manageAccounts)),
        (.get, "/", .requires(.readBorough)), (.get, "/wards/:code", .requires(.readBorough)),
        (.get, "/sources", .requires(.readBorough)),
        (.get, "/compare", .requires(.readContracts, everyContract: true)),
        (.get, "/contracts", .requires(.readContracts)),
        (.get, "/contracts/new", .requires(.editContracts)),
        (.post, "/contracts/new/search", .requires(.editContracts)),
        (.post, "/contracts", .requires(.editContracts)),
        (.get, "/contracts/:id", .requires(.readContracts)), (.post, "/contracts/:id", .requires(.editContracts)),
        (.post, "/contracts/:id/recommend", .requires(.editContracts)),
        (.get, "/contracts/:id/pack/:format", .requires(.readContracts)),
        (.get, "/contracts/:id/supplier", .requires(.readSupplierView)),
        (.get, "/contracts/:id/audit", .requires(.readContracts)),
        (.get, "/contracts/:id/audit.csv", .requires(.readContracts)),
        (.get, "/contracts/:id/edit", .requires(.editContracts)),
        (.post, "/contracts/:id/edit/search", .requires(.editContracts)),
        (.post, "/contracts/:id/decisions", .requires(.decide)),
        (.get, "/contracts/:id/offers", .requires(.evaluateOffers)),
        (.post, "/contracts/:id/offers", .requires(.evaluateOffers)),
        (.get, "/contracts/:id/returns", .requires(.monitorDelivery)),
        (.post, "/contracts/:id/returns", .requires(.monitorDelivery)),
        (.post, "/contracts/:id/returns/entry", .requires(.monitorDelivery)),
        (.get, "/contracts/:id/evidence/:file", .requires(.monitorDelivery)),
        (.get, "/contracts/:id/tender", .requires(.evaluateOffers)),
        (.post, "/contracts/:id/tender", .requires(.evaluateOffers)),
        (.post, "/contracts/:id/tender/scores", .requires(.evaluateOffers)),
        (.post, "/contracts/:id/tender/award", .requires(.evaluateOffers)),
        (.get, "/tenders", .requires(.readTenders)),
        (.get, "/tenders/:id", .requires(.readTenders)), (.post, "/tenders/:id", .requires(.submitOffers)),
        (.get, "/tenders/:id/offer.csv", .requires(.submitOffers)),
        (.get, "/tenders/:id/scores.csv", .requires(.submitOffers)),
    ]

    /// The rule for a request and the contract its path names (`:id`, where a whole number), or nil when no route
    /// has that method and path. A `HEAD` has its page's `GET` rule.
    /// - Complexity: O(r·s) for r rules and s segments in the path.
    static func rule(_ method: HTTPRequest.Method, _ path: String) -> (rule: Rule, contract: Int64?)? {
        route(method == .head ? .get : method, path).map { ($0.entry.rule, $0.contract) }
    }

    /// The first route of the table a request matches, and the contract its path names.
    /// - Complexity: O(r·s) for r rules and s segments in the path.
    static func route(_ method: HTTPRequest.Method, _ path: String)
        -> (entry: (method: HTTPRequest.Method, path: String, rule: Rule), contract: Int64?)?
    {
        for entry in table where entry.method == method {
            let found = match(entry.path, path)
            if found.matches { return (entry, found.contract) }
        }
        return nil
    }

    /// The methods some route has at `path`, as an `Allow` header lists them (`HEAD` with `GET`); none when no
    /// route has the path.
    /// - Complexity: O(r·s) for r rules and s segments in the path.
    static func methods(at path: String) -> [HTTPRequest.Method] {
        var allowed: [HTTPRequest.Method] = []
        for entry in table where !allowed.contains(entry.method) && match(entry.path, path).matches {
            allowed += entry.method == .get ? [.get, .head] : [entry.method]
        }
        return allowed
    }

    /// Whether `path` matches a route's `pattern` (a segment starting with `:` matches any one segment), and the
    /// contract its `:id` names where that is a whole number.
    private static func match(_ pattern: String, _ path: String) -> (matches: Bool, contract: Int64?) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let wanted = pattern.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard wanted.count == segments.count else { return (false, nil) }
        var contract: Int64?
        let matches = zip(wanted, segments).allSatisfy { want, have in
            if want == ":id" { contract = Int64(have) }
            return want.hasPrefix(":") ? !have.isEmpty : want == have
        }
        return (matches, contract)
    }
}
