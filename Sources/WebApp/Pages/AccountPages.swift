import Foundation
import Reports
import Workspace

/// The sign-in form, one's own account, and the administrator's list of accounts.
enum AccountPages {
    /// The sign-in form; `problem` says why the last attempt failed, keeping the name typed.
    static func signIn(next: String?, _ context: WebContext, name: String = "", problem: String? = nil) -> String {
        if case .singleUser = context.visitor {
            return "<h1>Sign in</h1>\n<p>This workspace has no accounts: everything is open on this machine. Add "
                + "an administrator with <code>svtk users add NAME --role administrator</code>.</p>\n"
        }
        let alert = problem.map { "<p class=\"warn\" role=\"alert\">\(HTML.escape($0))</p>\n" } ?? ""
        let nextField = safeNext(next).map { "<input type=\"hidden\" name=\"next\" value=\"\(HTML.escape($0))\">" }
        return """
            <h1>Sign in</h1>
            \(alert)<form class="stack" method="post" action="/sign-in">\(Page.csrf(context))\(nextField ?? "")
            <div class="field"><label for="f-name">Name</label><input id="f-name" name="name" type="text" \
            autocomplete="username" required value="\(HTML.escape(name))"></div>
            <div class="field"><label for="f-password">Password</label><input id="f-password" name="password" \
            type="password" autocomplete="current-password" required></div>
            <p><button type="submit">Sign in</button></p>
            </form>

            """
    }

    /// Who is signed in, and the form to change their password.
    static func account(_ context: WebContext, problem: String? = nil) -> String {
        guard case .signedIn(let signedIn) = context.visitor else {
            return "<h1>Your account</h1>\n<p>This workspace has no accounts.</p>\n"
        }
        let account = signedIn.account
        let alert = problem.map { "<p class=\"warn\" role=\"alert\">\(HTML.escape($0))</p>\n" } ?? ""
        func field(_ name: String, _ label: String, _ complete: String) -> String {
            "<div class=\"field\"><label for=\"f-\(name)\">\(label)</label><input id=\"f-\(name)\" name=\"\(name)\" "
                + "type=\"password\" autocomplete=\"\(complete)\" required></div>"
        }
        return """
            <h1>Your account</h1>
            <p>\(HTML.escape(account.displayName)), signed in as <b>\(HTML.escape(account.name))</b>, \
            \(account.role.rawValue).</p>
            <h2>Change your password</h2>
            \(alert)<form class="stack" method="post" action="/account">\(Page.csrf(context))
            \(field("current", "Current password", "current-password"))
            \(field("new", "New password (three random words make a strong one)", "new-password"))
            \(field("again", "The new password again", "new-password"))
            <p><button type="submit">Change the password</button> You then sign in again, everywhere.</p>
            </form>

            """
    }

    /// The workspace's accounts (names, roles, whether disabled), for its administrators.
    static func list(_ accounts: [Account]) -> String {
        var html = "<h1>Accounts</h1>\n<p>Added, disabled and given new passwords with <code>svtk users</code>.</p>\n"
        html += "<table>\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Shown as</th><th scope=\"col\">"
        html += "Role</th><th scope=\"col\">Status</th><th scope=\"col\">Password set</th></tr></thead>\n<tbody>\n"
        let dates = ISO8601DateFormatter()
        for account in accounts {
            html += "<tr><td>\(HTML.escape(account.name))</td><td>\(HTML.escape(account.displayName))</td>"
            html += "<td>\(account.role.rawValue)</td><td>\(account.disabled ? "disabled" : "active")</td>"
            html += "<td>\(dates.string(from: account.passwordChangedAt))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A page to go to after signing in, when it is one of this workspace's own paths (never another site's).
    static func safeNext(_ next: String?) -> String? {
        guard let next = next?.removingPercentEncoding, next.hasPrefix("/"), !next.hasPrefix("//"),
            !next.contains("\\"), next.count <= 200, next.allSatisfy({ $0.isASCII && !$0.isWhitespace })
        else { return nil }
        return next
    }
}
