import CSV
import Catalogue
import Core
import Foundation
import HummingbirdBcrypt

/// A shared workspace's accounts: added, listed, disabled and given new passwords (`svtk users`), and people
/// signing in and out through the server.
///
/// Passwords are kept only as bcrypt hashes at the policy's cost, and sessions only as their token's SHA-256. Wrong
/// passwords are counted per name in the database, so every server over it throttles alike; a name that has no
/// account is checked against a hash all the same, so the time taken does not tell whether it exists.
extension Workspace {
    /// The longest password bcrypt reads in full, in bytes (it ignores the rest).
    static let passwordBytesMaximum = 72

    /// Whether any account may sign in: where one may, everyone must.
    /// - Throws: the store's error when it cannot be read.
    public func hasAccounts() async throws -> Bool { try await store.hasAccounts() }

    /// Adds an account.
    /// - Throws: a `badInput` ``ToolkitError`` for a name or password the policy refuses, a `conflict` one for a
    ///   name taken.
    public func addAccount(
        name: String, displayName: String? = nil, role: Role, password: String, limits: WorkspaceLimits,
        at date: Date = Date()
    ) async throws -> Account {
        let name = try Self.checkedName(name)
        let account = Account(
            id: nil, name: name, displayName: displayName ?? name, role: role,
            passwordHash: try await Self.hash(password, limits: limits), disabled: false, createdAt: date,
            passwordChangedAt: date)
        return try await store.insert(account)
    }

    /// Every account, by name.
    /// - Throws: the store's error when it cannot be read.
    public func accounts() async throws -> [Account] { try await store.accounts() }

    /// Disables an account (or enables it again), ending its sessions.
    /// - Throws: a `notFound` ``ToolkitError`` for a name with no account.
    public func setDisabled(_ name: String, _ disabled: Bool) async throws {
        var account = try await existing(name)
        account.disabled = disabled
        try await store.update(account)
    }

    /// Gives an account a new password, ending its sessions.
    /// - Throws: a `notFound` ``ToolkitError`` for a name with no account, a `badInput` one for a password the
    ///   policy refuses.
    public func resetPassword(_ name: String, to password: String, limits: WorkspaceLimits, at date: Date = Date())
        async throws
    {
        var account = try await existing(name)
        account.passwordHash = try await Self.hash(password, limits: limits)
        account.passwordChangedAt = date
        try await store.update(account)
    }

    /// Assigns a contract to an account, whose role's permissions may reach only its assigned contracts.
    /// - Throws: a `notFound` ``ToolkitError`` for a name with no account or a contract there is not.
    public func assign(contract: Int64, to name: String) async throws {
        try await store.assign(contract: contract, to: try await existing(name).id ?? 0)
    }

    /// The account of that name.
    /// - Throws: a `notFound` ``ToolkitError`` when there is none.
    func existing(_ name: String) async throws -> Account {
        guard let account = try await store.account(named: name.lowercased()) else {
            throw ToolkitError.missingFromWorkspace("account named \(ToolkitError.quoted(name))")
        }
        return account
    }

    // MARK: Names and passwords

    /// A sign-in name as kept: lower-case, of letters, digits and `.`, `_`, `-`, `@`, at most 64 characters.
    /// - Throws: a `badInput` ``ToolkitError`` naming what is wrong.
    static func checkedName(_ name: String) throws -> String {
        let name = name.lowercased()
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-@")
        guard (1...64).contains(name.count), name.allSatisfy(allowed.contains) else {
            throw ToolkitError(
                .badInput,
                "an account's name has 1 to 64 letters, digits, dots, dashes, underscores or @, not "
                    + ToolkitError.quoted(name))
        }
        return name
    }

    /// What the policy has against a new password, or nil when it may be kept: it holds no control character
    /// (bcrypt stops reading at a NUL byte, so `a`, NUL, `bcdefghijkl` would be kept as `a`), has at least the
    /// policy's characters, and no more bytes than bcrypt reads. The one rule for every way a password is set
    /// (`svtk users`, the account page).
    public static func passwordProblem(_ password: String, limits: WorkspaceLimits) -> String? {
        if holdsControlCharacter(password) {
            return "a password may not hold a control character (such as a NUL byte, a tab or a line break)"
        }
        if password.count < limits.passwordCharactersMinimum {
            return "a password needs at least \(limits.passwordCharactersMinimum) characters (three random words "
                + "make a strong one)"
        }
        if password.utf8.count > passwordBytesMaximum {
            return "a password has at most \(passwordBytesMaximum) bytes (bcrypt reads no more)"
        }
        return nil
    }

    /// True for text holding a control character (Unicode's Cc: NUL to US, DEL, and C1's).
    static func holdsControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// The password's bcrypt hash at the policy's cost.
    /// - Throws: a `badInput` ``ToolkitError`` for a password the policy refuses (``passwordProblem(_:limits:)``).
    static func hash(_ password: String, limits: WorkspaceLimits) async throws -> String {
        if let problem = passwordProblem(password, limits: limits) { throw ToolkitError(.badInput, problem) }
        let cost = UInt8(limits.passwordHashCost)
        return await offThePool { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` has the bcrypt `hash`; never for a password holding a control character, which no
    /// password may (bcrypt would stop reading at a NUL byte, and `a`, NUL, anything would match `a`'s hash).
    static func verify(_ password: String, hash: String) async -> Bool {
        guard !holdsControlCharacter(password) else { return false }
        return await offThePool { Bcrypt.verify(password, hash: hash) }
    }

    /// Runs bcrypt's deliberately slow work on a thread of Dispatch's, not one of the few threads Swift's tasks
    /// share, so that while someone signs in every other request goes on.
    private static func offThePool<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { done in
            DispatchQueue.global(qos: .userInitiated).async { done.resume(returning: work()) }
        }
    }

    /// The SHA-256 of a session's token, as kept.
    static func sessionKey(_ token: String) -> String { SHA256.hexDigest(of: Array(token.utf8)) }
}
