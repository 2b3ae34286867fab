import Catalogue
import Reports

/// The workspace's navigation for the visitor: links to the pages they may open and, for someone signed in, who
/// they are, their account and a sign-out button. Made per request (never kept with a page), and handed to the
/// page shell for the request being answered.
enum Navigation {
    /// The navigation of the request being answered; for a page made outside one (an error before the visitor is
    /// known), the sign-in link alone.
    @TaskLocal static var current = #"<nav aria-label="Workspace"><a href="/sign-in">Sign in</a></nav>"#

    /// Each link, and what opening it takes.
    private static let links: [(href: String, label: String, permission: Permission, everyContract: Bool)] = [
        ("/", "Borough", .readBorough, false), ("/contracts", "Contracts", .readContracts, false),
        ("/contracts/new", "New contract", .editContracts, false), ("/compare", "Compare", .readContracts, true),
        ("/sources", "Sources", .readBorough, false), ("/tenders", "Tenders", .readTenders, false),
        ("/accounts", "Accounts", .manageAccounts, false),
    ]

    /// The navigation for `visitor`; the sign-out form carries the visitor's `token`.
    static func html(for visitor: Visitor, policy: AccessPolicy, token: String) -> String {
        let allowed = links.filter { link in
            if case .singleUser = visitor, link.permission == .manageAccounts { return false }  // none to keep
            return visitor.may(link.permission, everyContract: link.everyContract, policy: policy)
        }
        var items = allowed.map { "<a href=\"\($0.href)\">\($0.label)</a>" }
        switch visitor {
        case .singleUser: break
        case .anonymous: items.append("<a href=\"/sign-in\">Sign in</a>")
        case .signedIn(let signedIn):
            let who = HTML.escape(signedIn.account.displayName) + " (" + signedIn.account.role.rawValue + ")"
            items.append(
                "<span class=\"who\">Signed in as \(who)</span> <a href=\"/account\">Your account</a> "
                    + "<form class=\"sign-out\" method=\"post\" action=\"/sign-out\">\(Page.csrf(token: token))"
                    + "<button type=\"submit\">Sign out</button></form>")
        }
        return "<nav aria-label=\"Workspace\">" + items.joined(separator: " ") + "</nav>"
    }
}
