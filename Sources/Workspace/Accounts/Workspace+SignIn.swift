import CSV
import Catalogue
import Core
import Foundation
import HummingbirdBcrypt
import Synchronization

/// Signing in, finding who a browser's session belongs to, signing out, changing one's password.
extension Workspace {
    /// Checks a name and password and starts a session.
    ///
    /// The attempt is counted as a wrong password before the password is checked, and the count cleared when it is
    /// right: attempts sent at once for one name are counted one after another, so at most the policy's number
    /// are checked in the window, however many arrive together.
    /// - Throws: a `badInput` ``ToolkitError`` for a wrong name or password (the same words for both) or a
    ///   disabled account, a `conflict` one when the name has had too many wrong passwords in the window (without
    ///   checking this one).
    public func signIn(name: String, password: String, limits: WorkspaceLimits, at date: Date = Date())
        async throws -> NewSignIn
    {
        let name = name.lowercased().trimmingSpaces
        let window = date.addingTimeInterval(-Double(limits.signInWindowMinutes) * 60)
        guard
            try await store.reserveSignInAttempt(
                name: name, at: date, window: window, maximum: limits.signInFailuresMaximum)
        else { throw ToolkitError.tooManySignIns(minutes: limits.signInWindowMinutes) }
        let account = try await store.account(named: name)
        let hash = account?.passwordHash ?? Self.standIn(cost: limits.passwordHashCost)
        guard await Self.verify(password, hash: hash), let account, account.id != nil else {
            throw ToolkitError.signInRefused
        }
        try await store.clearSignInFailures(name: name)
        guard !account.disabled else { throw ToolkitError.accountDisabled }
        try await store.endSessions(
            unusedSince: date.addingTimeInterval(-Double(limits.sessionIdleMinutesMaximum) * 60),
            startedBefore: date.addingTimeInterval(-Double(limits.sessionHoursMaximum) * 3600))
        let token = Hexadecimal.text(SecureRandom.bytes(32))
        let session = SignInSession(
            tokenHash: Self.sessionKey(token), accountId: account.id!, startedAt: date, lastSeenAt: date)
        try await store.insert(session)
        let signedIn = try await self.signedIn(token: token, limits: limits, at: date)
        guard let signedIn else { throw ToolkitError.signInRefused }
        return NewSignIn(token: token, signedIn: signedIn)
    }

    /// Who the session with `token` belongs to, or nil when there is no such session, it has expired (it is then
    /// ended) or its account is disabled.
    /// - Throws: the store's error when it cannot be read.
    public func signedIn(token: String, limits: WorkspaceLimits, at date: Date = Date()) async throws -> SignedIn? {
        let key = Self.sessionKey(token)
        guard let (session, account, assigned) = try await store.session(key), !account.disabled else { return nil }
        let tooOld = session.startedAt.addingTimeInterval(Double(limits.sessionHoursMaximum) * 3600) <= date
        let unused = session.lastSeenAt.addingTimeInterval(Double(limits.sessionIdleMinutesMaximum) * 60) <= date
        if tooOld || unused {
            try await store.endSession(key)
            return nil
        }
        if date.timeIntervalSince(session.lastSeenAt) >= 60 { try await store.touch(key, at: date) }
        return SignedIn(account: account, sessionKey: key, assignedContracts: assigned)
    }

    /// Ends the session with `token`.
    /// - Throws: the store's error when it cannot be written.
    public func signOut(token: String) async throws { try await store.endSession(Self.sessionKey(token)) }

    /// Changes a signed-in person's password, given their current one; every session of theirs ends (they sign in
    /// again).
    /// - Throws: a `badInput` ``ToolkitError`` for a wrong current password or a new one the policy refuses.
    public func changePassword(
        of signedIn: SignedIn, current: String, new: String, limits: WorkspaceLimits, at date: Date = Date()
    ) async throws {
        var account = try await existing(signedIn.account.name)
        guard await Self.verify(current, hash: account.passwordHash) else {
            throw ToolkitError(setting: "current", "that is not your current password")
        }
        account.passwordHash = try await Self.hash(new, limits: limits)
        account.passwordChangedAt = date
        try await store.update(account)
    }

    /// A hash of no one's password, checked for a name with no account so that the time taken is the same.
    private static func standIn(cost: Int) -> String {
        standIns.withLock { hashes in
            if let hash = hashes[cost] { return hash }
            let hash = Bcrypt.hash(Hexadecimal.text(SecureRandom.bytes(16)), cost: UInt8(cost))
            hashes[cost] = hash
            return hash
        }
    }

    private static let standIns = Mutex<[Int: String]>([:])
}

extension ToolkitError {
    /// A wrong name or password: the same words for both, so a page does not tell which names exist.
    static let signInRefused = ToolkitError(.badInput, "that name and password do not match an account")

    /// An account that may no longer sign in.
    static let accountDisabled = ToolkitError(
        .badInput, "this account is disabled: ask the workspace's administrator to enable it")

    /// Too many wrong passwords for one name in the window.
    static func tooManySignIns(minutes: Int) -> ToolkitError {
        ToolkitError(
            .conflict,
            "too many wrong passwords for this name: try again in \(minutes) minutes, or ask the workspace's "
                + "administrator to reset the password")
    }
}
