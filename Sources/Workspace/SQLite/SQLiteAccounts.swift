import Core
import Foundation
import GRDB

/// A SQLite workspace's accounts, sessions, wrong passwords and assignments.
extension SQLiteStore {
    func hasAccounts() async throws -> Bool {
        try await database.read { try Account.filter(Account.Columns.disabled == false).fetchCount($0) > 0 }
    }

    func insert(_ account: Account) async throws -> Account {
        try await database.write { db in
            guard try Account.filter(Account.Columns.name == account.name).fetchCount(db) == 0 else {
                throw ToolkitError.accountExists(account.name)
            }
            var saved = account
            try saved.insert(db)
            try Self.audit(.accountAdded(saved), db)
            return saved
        }
    }

    func accounts() async throws -> [Account] {
        try await database.read { try Account.order(Account.Columns.name).fetchAll($0) }
    }

    func account(named name: String) async throws -> Account? {
        try await database.read { try Account.filter(Account.Columns.name == name).fetchOne($0) }
    }

    func update(_ account: Account) async throws {
        try await database.write { db in
            guard let old = try Account.fetchOne(db, key: account.id) else {
                throw ToolkitError.missingFromWorkspace("account named \(ToolkitError.quoted(account.name))")
            }
            try account.update(db)
            try Self.audit(.accountChanged(from: old, to: account, at: Date()), db)
            try SignInSession.filter(SignInSession.Columns.accountId == account.id).deleteAll(db)
        }
    }

    func insert(_ session: SignInSession) async throws {
        try await database.write { try session.insert($0) }
    }

    func session(_ tokenHash: String) async throws -> (session: SignInSession, account: Account, assigned: Set<Int64>)?
    {
        try await database.read { db in
            guard let session = try SignInSession.fetchOne(db, key: tokenHash),
                let account = try Account.fetchOne(db, key: session.accountId)
            else { return nil }
            let assigned = try Int64.fetchSet(
                db, sql: "SELECT contractId FROM contractAssignment WHERE accountId = ?", arguments: [account.id])
            return (session, account, assigned)
        }
    }

    func touch(_ tokenHash: String, at date: Date) async throws {
        try await database.write {
            try $0.execute(
                sql: "UPDATE session SET lastSeenAt = ? WHERE tokenHash = ?", arguments: [date, tokenHash])
        }
    }

    func endSession(_ tokenHash: String) async throws {
        _ = try await database.write { try SignInSession.deleteOne($0, key: tokenHash) }
    }

    func endSessions(unusedSince unused: Date, startedBefore started: Date) async throws {
        try await database.write {
            try $0.execute(
                sql: "DELETE FROM session WHERE lastSeenAt <= ? OR startedAt <= ?", arguments: [unused, started])
        }
    }

    /// Counts and records in one write transaction: SQLite runs one at a time, so attempts made at once take turns.
    func reserveSignInAttempt(name: String, at date: Date, window: Date, maximum: Int) async throws -> Bool {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM signInFailure WHERE at < ?", arguments: [window])
            let counted =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM signInFailure WHERE name = ? AND at >= ?", arguments: [name, window]
                ) ?? 0
            guard counted < maximum else { return false }
            try db.execute(sql: "INSERT INTO signInFailure (name, at) VALUES (?, ?)", arguments: [name, date])
            return true
        }
    }

    func signInFailures(name: String, since date: Date) async throws -> Int {
        try await database.read {
            try Int.fetchOne(
                $0, sql: "SELECT COUNT(*) FROM signInFailure WHERE name = ? AND at >= ?", arguments: [name, date]) ?? 0
        }
    }

    func clearSignInFailures(name: String) async throws {
        try await database.write { try $0.execute(sql: "DELETE FROM signInFailure WHERE name = ?", arguments: [name]) }
    }

    func assign(contract: Int64, to account: Int64) async throws {
        try await database.write { db in
            guard try SavedContract.exists(db, key: contract) else {
                throw ToolkitError.missingFromWorkspace("contract \(contract)")
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO contractAssignment (contractId, accountId) VALUES (?, ?)",
                arguments: [contract, account])
            let name = try String.fetchOne(db, sql: "SELECT name FROM account WHERE id = ?", arguments: [account])
            try Self.audit(.assigned(contract: contract, to: name ?? "account \(account)", at: Date()), db)
        }
    }
}
