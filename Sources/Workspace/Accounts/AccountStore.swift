import Foundation

/// Where a shared workspace keeps its accounts, sessions, wrong passwords and assignments (both stores do). Every
/// call is one transaction; nothing is kept in the process, so any server over the store sees every sign-in.
protocol AccountStore: Sendable {
    /// Whether any account may sign in (the workspace then asks everyone to).
    func hasAccounts() async throws -> Bool
    /// Inserts an account and returns it with its id.
    /// - Throws: a `conflict` ``ToolkitError`` when the name is taken.
    func insert(_ account: Account) async throws -> Account
    /// Every account, by name.
    func accounts() async throws -> [Account]
    /// The account of that name, if any.
    func account(named name: String) async throws -> Account?
    /// Saves an account's role, display name, password and whether it is disabled, ending every session it has.
    func update(_ account: Account) async throws
    /// Keeps a new sign-in.
    func insert(_ session: SignInSession) async throws
    /// The session whose token has that SHA-256, its account and the account's assigned contracts.
    func session(_ tokenHash: String) async throws -> (session: SignInSession, account: Account, assigned: Set<Int64>)?
    /// Notes that the session was used at `date`.
    func touch(_ tokenHash: String, at date: Date) async throws
    /// Ends a session (signing out, or found expired).
    func endSession(_ tokenHash: String) async throws
    /// Ends every session unused since `unused` or started before `started` (expired, whether or not asked for again).
    func endSessions(unusedSince unused: Date, startedBefore started: Date) async throws
    /// Counts a sign-in attempt for `name` at `date` as a wrong password before its password is checked (a right
    /// one then clears it), unless `maximum` have been counted since `window`: true when counted, false when the
    /// name has had its attempts. The count and the attempt are one transaction that attempts for the same name
    /// (on any server) wait for, so attempts made at once are counted one after another and at most `maximum` are
    /// checked in a window. Forgets every wrong password made before `window`, whatever the name, so that the table
    /// stays as small as the window's failures however many names are tried.
    func reserveSignInAttempt(name: String, at date: Date, window: Date, maximum: Int) async throws -> Bool
    /// The wrong passwords for `name` since `date`.
    func signInFailures(name: String, since date: Date) async throws -> Int
    /// Forgets the wrong passwords for `name` (after a right one).
    func clearSignInFailures(name: String) async throws
    /// Assigns a contract to an account.
    /// - Throws: a `notFound` ``ToolkitError`` for a contract there is not.
    func assign(contract: Int64, to account: Int64) async throws
}
