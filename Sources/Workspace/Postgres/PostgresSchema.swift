import Core
import Foundation
import Logging
import PostgresNIO

/// A shared workspace's schema in PostgreSQL: the same migrations, under the same names, as a SQLite workspace
/// (``SQLiteMigrations``), recorded in `svtk_migration`. A migration, once released, is never edited.
///
/// Servers starting together over one database take turns (a transaction-wide advisory lock), so each migration
/// runs once; a database migrated by a newer svtk is refused rather than written to.
enum PostgresSchema {
    /// Each migration's name (as in ``SQLiteMigrations``) and its statements, oldest first.
    static let migrations: [(name: String, statements: [String])] = [
        ("v1: contracts, snapshots, decisions, offers and returns", version1),
        ("v2: the server's secret", version2),
        ("v3: accounts, sessions, sign-in failures and assignments", version3),
        ("v4: the audit trail", version4),
        ("v5: tenders, suppliers' offers and evidence files", version5),
    ]

    /// The advisory lock's key, the same for every svtk: "svtk" in ASCII.
    private static let lockKey: Int64 = 0x7376_746B

    /// Brings the database up to date in one transaction.
    /// - Throws: a `badInput` ``ToolkitError`` for a database migrated by a newer svtk; PostgreSQL's error when a
    ///   statement fails.
    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS svtk_migration (
                    identifier text PRIMARY KEY, "appliedAt" timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var applied = Set<String>()
            for try await name in try await connection.query(
                "SELECT identifier FROM svtk_migration", logger: logger
            ).decode(String.self) {
                applied.insert(name)
            }
            let known = Set(migrations.map(\.name))
            if let newer = applied.subtracting(known).sorted().first {
                throw ToolkitError(.badInput, "it was written by a newer svtk (migration \"\(newer)\"); upgrade svtk")
            }
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO svtk_migration (identifier) VALUES (\(migration.name))", logger: logger)
            }
        }
    }

    /// v1: the tables of ``SQLiteMigrations``'s v1, with PostgreSQL's types (JSON as `json`, kept as written).
    private static let version1 = [
        """
        CREATE TABLE contract (
            id bigserial PRIMARY KEY, title text NOT NULL, profile json NOT NULL, version integer NOT NULL,
            "createdAt" timestamptz NOT NULL, "updatedAt" timestamptz NOT NULL)
        """,
        """
        CREATE TABLE "contractRevision" (
            id bigserial PRIMARY KEY,
            "contractId" bigint NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
            version integer NOT NULL, profile json NOT NULL, "savedAt" timestamptz NOT NULL,
            UNIQUE ("contractId", version))
        """,
        """
        CREATE TABLE snapshot (
            id bigserial PRIMARY KEY,
            "contractId" bigint NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
            "contractVersion" integer NOT NULL, "createdAt" timestamptz NOT NULL, inputs json NOT NULL,
            catalogue text NOT NULL, policy text NOT NULL, toolkit text NOT NULL, recommendation json NOT NULL)
        """,
        "CREATE INDEX snapshot_contract ON snapshot (\"contractId\", id)",
        """
        CREATE TABLE decision (
            id bigserial PRIMARY KEY,
            "contractId" bigint NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
            measure text NOT NULL, action text NOT NULL CHECK (action IN ('accept', 'drop', 'change')),
            target double precision, reason text NOT NULL, version integer NOT NULL,
            "decidedAt" timestamptz NOT NULL, UNIQUE ("contractId", measure))
        """,
        """
        CREATE TABLE offers (
            id bigserial PRIMARY KEY,
            "contractId" bigint NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
            "fileName" text NOT NULL, csv bytea NOT NULL, evaluation json NOT NULL, "uploadedAt" timestamptz NOT NULL)
        """,
        "CREATE INDEX offers_contract ON offers (\"contractId\", id)",
        """
        CREATE TABLE returns (
            id bigserial PRIMARY KEY,
            "contractId" bigint NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
            "commitmentsName" text NOT NULL, commitments bytea NOT NULL, "returnsName" text NOT NULL,
            returns bytea NOT NULL, monitoring json NOT NULL, "uploadedAt" timestamptz NOT NULL)
        """,
        "CREATE INDEX returns_contract ON returns (\"contractId\", id)",
    ]

    /// v4: the audit trail, as ``SQLiteMigrations``'s v4. The contract's id is kept without a reference, so the
    /// trail outlives a contract replaced by an import.
    private static let version4 = [
        """
        CREATE TABLE "auditEntry" (
            id bigserial PRIMARY KEY, at timestamptz NOT NULL, actor text NOT NULL, "contractId" bigint,
            action text NOT NULL, subject text NOT NULL, before text, after text)
        """,
        "CREATE INDEX \"auditEntry_contract\" ON \"auditEntry\" (\"contractId\", id)",
    ]

    /// v3: the tables of ``SQLiteMigrations``'s v3.
    private static let version3 = [
        """
        CREATE TABLE account (
            id bigserial PRIMARY KEY, name text NOT NULL UNIQUE, "displayName" text NOT NULL, role text NOT NULL,
            "passwordHash" text NOT NULL, disabled boolean NOT NULL, "createdAt" timestamptz NOT NULL,
            "passwordChangedAt" timestamptz NOT NULL)
        """,
        """
        CREATE TABLE session (
            "tokenHash" text PRIMARY KEY, "accountId" bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
            "startedAt" timestamptz NOT NULL, "lastSeenAt" timestamptz NOT NULL)
        """,
        "CREATE INDEX session_account ON session (\"accountId\")",
        "CREATE TABLE \"signInFailure\" (id bigserial PRIMARY KEY, name text NOT NULL, at timestamptz NOT NULL)",
        "CREATE INDEX \"signInFailure_name\" ON \"signInFailure\" (name, at)",
        """
        CREATE TABLE "contractAssignment" (
            "contractId" bigint NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
            "accountId" bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
            PRIMARY KEY ("contractId", "accountId"))
        """,
    ]

    /// v2: the server's secret, 32 random bytes from PostgreSQL's own generator (`gen_random_uuid`, twice, is
    /// 244 random bits; the secret is their SHA-256), shared by every server over the database.
    private static let version2 = [
        """
        CREATE TABLE server_secret (id integer PRIMARY KEY CHECK (id = 1), secret bytea NOT NULL)
        """,
        """
        INSERT INTO server_secret (id, secret)
        VALUES (1, sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')))
        """,
    ]

    /// v5: ``SQLiteMigrations``'s v5 tables: tenders, suppliers' offers and evidence files.
    private static let version5 = [
        """
        CREATE TABLE tender (
            id bigserial PRIMARY KEY,
            "contractId" bigint NOT NULL UNIQUE REFERENCES contract (id) ON DELETE CASCADE,
            "snapshotId" bigint, recommendation json NOT NULL, guide json NOT NULL, method text NOT NULL,
            deadline timestamptz NOT NULL, "publishedAt" timestamptz NOT NULL, "publishedBy" text NOT NULL,
            marks json NOT NULL, "evaluationId" bigint, "awardedAt" timestamptz, version integer NOT NULL)
        """,
        """
        CREATE TABLE "supplierOffer" (
            id bigserial PRIMARY KEY,
            "contractId" bigint NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
            supplier text NOT NULL, "supplierName" text NOT NULL, lines json NOT NULL, statement text NOT NULL,
            "submittedAt" timestamptz, "updatedAt" timestamptz NOT NULL, version integer NOT NULL,
            UNIQUE ("contractId", supplier))
        """,
        """
        CREATE TABLE "evidenceFile" (
            id bigserial PRIMARY KEY,
            "contractId" bigint NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
            quarter integer NOT NULL, measure text NOT NULL, "fileName" text NOT NULL, content bytea NOT NULL,
            bytes integer NOT NULL, sha256 text NOT NULL, "uploadedBy" text NOT NULL, "uploadedAt" timestamptz NOT NULL)
        """,
        "CREATE INDEX evidence_contract ON \"evidenceFile\" (\"contractId\", id)",
    ]
}
