import Catalogue
import Core
import Foundation
import Logging
import PostgresNIO

/// A shared workspace's accounts, sessions, wrong passwords and assignments in PostgreSQL.
extension PostgresStore {
    func hasAccounts() async throws -> Bool {
        try await count("SELECT count(*) FROM account WHERE NOT disabled") > 0
    }

    func insert(_ account: Account) async throws -> Account {
        do {
            return try await transaction { connection in
                let saved = try await account.inserted(on: connection, logger: logger)
                try await audit(.accountAdded(saved), on: connection)
                return saved
            }
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw ToolkitError.accountExists(account.name)
        }
    }

    func accounts() async throws -> [Account] { try await records(Account.self, order: "name COLLATE \"C\"") }

    func account(named name: String) async throws -> Account? {
        try await records(Account.self, where: "name = \(name)").first
    }

    func update(_ account: Account) async throws {
        try await transaction { connection in
            guard
                let old = try await records(
                    Account.self, where: "id = \(account.id)", order: "id FOR UPDATE", on: connection
                ).first
            else { throw ToolkitError.missingFromWorkspace("account named \(ToolkitError.quoted(account.name))") }
            try await audit(.accountChanged(from: old, to: account, at: Date()), on: connection)
            try await connection.query(
                """
                UPDATE account SET "displayName" = \(account.displayName), role = \(account.role.rawValue),
                    "passwordHash" = \(account.passwordHash), disabled = \(account.disabled),
                    "passwordChangedAt" = \(account.passwordChangedAt)
                WHERE id = \(account.id)
                """, logger: logger)
            try await connection.query("DELETE FROM session WHERE \"accountId\" = \(account.id)", logger: logger)
        }
    }

    func insert(_ session: SignInSession) async throws {
        try await client.query(
            """
            INSERT INTO session ("tokenHash", "accountId", "startedAt", "lastSeenAt")
            VALUES (\(session.tokenHash), \(session.accountId), \(session.startedAt), \(session.lastSeenAt))
            """, logger: logger)
    }

    /// One round trip: the session, its account and the account's assigned contracts (asked for on every request).
    func session(_ tokenHash: String) async throws -> (session: SignInSession, account: Account, assigned: Set<Int64>)?
    {
        let columns = Account.selection.split(separator: ",").map { "a." + $0.trimmingCharacters(in: .whitespaces) }
        let rows = try await client.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT \(columns.joined(separator: ", ")), s."startedAt", s."lastSeenAt",
                        ARRAY(SELECT "contractId" FROM "contractAssignment" c WHERE c."accountId" = a.id)
                    FROM session s JOIN account a ON a.id = s."accountId" WHERE s."tokenHash" = $1
                    """, binds: try Self.binds(tokenHash)), logger: logger)
        for try await row in rows {
            let (id, name, displayName, role, hash, disabled, created, changed, started, seen, assigned) =
                try row.decode((Int64, String, String, String, String, Bool, Date, Date, Date, Date, [Int64]).self)
            let account = try Account(
                id: id, name: name, displayName: displayName, role: role, passwordHash: hash, disabled: disabled,
                createdAt: created, passwordChangedAt: changed)
            let session = SignInSession(
                tokenHash: tokenHash, accountId: account.id ?? 0, startedAt: started, lastSeenAt: seen)
            return (session, account, Set(assigned))
        }
        return nil
    }

    /// Bindings holding one text value.
    private static func binds(_ text: String) throws -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(text)
        return binds
    }

    func touch(_ tokenHash: String, at date: Date) async throws {
        try await client.query(
            "UPDATE session SET \"lastSeenAt\" = \(date) WHERE \"tokenHash\" = \(tokenHash)", logger: logger)
    }

    func endSession(_ tokenHash: String) async throws {
        try await client.query("DELETE FROM session WHERE \"tokenHash\" = \(tokenHash)", logger: logger)
    }

    func endSessions(unusedSince unused: Date, startedBefore started: Date) async throws {
        try await client.query(
            "DELETE FROM session WHERE \"lastSeenAt\" <= \(unused) OR \"startedAt\" <= \(started)", logger: logger)
    }

    /// Counts and records in one transaction holding an advisory lock on the name (the two-key form, whose keys
    /// never meet the schema's one-key lock), so attempts for one name from every server take turns.
    func reserveSignInAttempt(name: String, at date: Date, window: Date, maximum: Int) async throws -> Bool {
        try await transaction { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(unescaped: Self.signInLockClass), hashtext(\(name)))", logger: logger)
            try await connection.query("DELETE FROM \"signInFailure\" WHERE at < \(window)", logger: logger)
            var counted = 0
            for try await count in try await connection.query(
                "SELECT count(*) FROM \"signInFailure\" WHERE name = \(name) AND at >= \(window)", logger: logger
            ).decode(Int.self) {
                counted = count
            }
            guard counted < maximum else { return false }
            try await connection.query(
                "INSERT INTO \"signInFailure\" (name, at) VALUES (\(name), \(date))", logger: logger)
            return true
        }
    }

    /// The first key of the advisory locks on sign-in names: "svtk" in ASCII, as a 32-bit integer.
    private static let signInLockClass = String(0x7376_746B)

    func signInFailures(name: String, since date: Date) async throws -> Int {
        try await count("SELECT count(*) FROM \"signInFailure\" WHERE name = \(name) AND at >= \(date)")
    }

    func clearSignInFailures(name: String) async throws {
        try await client.query("DELETE FROM \"signInFailure\" WHERE name = \(name)", logger: logger)
    }

    func assign(contract: Int64, to account: Int64) async throws {
        try await transaction { connection in
            guard try await locked(contract, on: connection) != nil else {
                throw ToolkitError.missingFromWorkspace("contract \(contract)")
            }
            try await connection.query(
                """
                INSERT INTO "contractAssignment" ("contractId", "accountId") VALUES (\(contract), \(account))
                ON CONFLICT DO NOTHING
                """, logger: logger)
            let name = try await records(Account.self, where: "id = \(account)", on: connection).first?.name
            try await audit(.assigned(contract: contract, to: name ?? "account \(account)", at: Date()), on: connection)
        }
    }

    /// The one number a `SELECT count(*)` gives.
    private func count(_ query: PostgresQuery) async throws -> Int {
        for try await count in try await client.query(query, logger: logger).decode(Int.self) { return count }
        return 0
    }
}

extension Account: PostgresRecord {
    static let table = "account"
    static let selection = """
        id, name, "displayName", role, "passwordHash", disabled, "createdAt", "passwordChangedAt"
        """

    init(row: PostgresRow) throws {
        let (id, name, displayName, role, hash, disabled, created, changed) = try row.decode(
            (Int64, String, String, String, String, Bool, Date, Date).self)
        try self.init(
            id: id, name: name, displayName: displayName, role: role, passwordHash: hash, disabled: disabled,
            createdAt: created, passwordChangedAt: changed)
    }

    /// An account read from a row, its role by name.
    /// - Throws: `DecodingError` for a role svtk does not know.
    init(
        id: Int64, name: String, displayName: String, role: String, passwordHash: String, disabled: Bool,
        createdAt: Date, passwordChangedAt: Date
    ) throws {
        guard let known = Role(rawValue: role) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no role \"\(role)\""))
        }
        self.init(
            id: id, name: name, displayName: displayName, role: known, passwordHash: passwordHash, disabled: disabled,
            createdAt: createdAt, passwordChangedAt: passwordChangedAt)
    }

    func inserted(on connection: PostgresConnection, logger: Logger) async throws -> Account {
        var saved = self
        saved.id = try await connection.insertedID(
            """
            INSERT INTO account (id, name, "displayName", role, "passwordHash", disabled, "createdAt",
                                 "passwordChangedAt")
            VALUES (COALESCE(\(id), nextval(pg_get_serial_sequence('account', 'id'))), \(name), \(displayName),
                    \(role.rawValue), \(passwordHash), \(disabled), \(createdAt), \(passwordChangedAt)) RETURNING id
            """, logger: logger)
        return saved
    }
}

extension AuditEntry: PostgresRecord {
    static let table = "\"auditEntry\""
    static let selection = "id, at, actor, \"contractId\", action, subject, before, after"

    init(row: PostgresRow) throws {
        let (id, at, actor, contract, action, subject, before, after) = try row.decode(
            (Int64, Date, String, Int64?, String, String, String?, String?).self)
        guard let action = Action(rawValue: action) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no action \"\(action)\""))
        }
        self.init(
            id: id, at: at, actor: actor, contractId: contract, action: action, subject: subject, before: before,
            after: after)
    }

    func inserted(on connection: PostgresConnection, logger: Logger) async throws -> AuditEntry {
        var saved = self
        saved.id = try await connection.insertedID(
            """
            INSERT INTO "auditEntry" (at, actor, "contractId", action, subject, before, after)
            VALUES (\(at), \(actor), \(contractId), \(action.rawValue), \(subject), \(before), \(after)) RETURNING id
            """, logger: logger)
        return saved
    }
}
