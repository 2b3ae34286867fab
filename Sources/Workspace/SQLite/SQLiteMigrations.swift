import CSV
import Foundation
import GRDB

/// The workspace's schema, one migration per version. A migration, once released, is never edited: a change
/// is a new migration, so every workspace file opens with any later svtk.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: contracts, snapshots, decisions, offers and returns") { db in
            try createContract(db)
            try createContractRevision(db)
            try createSnapshot(db)
            try createDecision(db)
            try createOffers(db)
            try createReturns(db)
        }
        migrator.registerMigration("v2: the server's secret") { db in try createServerSecret(db) }
        migrator.registerMigration("v3: accounts, sessions, sign-in failures and assignments") { db in
            try createAccount(db)
            try createSession(db)
            try createSignInFailure(db)
            try createContractAssignment(db)
        }
        migrator.registerMigration("v4: the audit trail") { db in try createAuditEntry(db) }
        migrator.registerMigration("v5: tenders, suppliers' offers and evidence files") { db in
            try createTender(db)
            try createSupplierOffer(db)
            try createEvidenceFile(db)
        }
        return migrator
    }

    // MARK: v5

    /// v5's `tender` table: a contract put out to tender, one per contract.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createTender(_ db: Database) throws {
        try db.create(table: "tender") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("contract", onDelete: .cascade).notNull().unique()
            t.column("snapshotId", .integer)
            t.column("recommendation", .jsonText).notNull()
            t.column("guide", .jsonText).notNull()
            t.column("method", .text).notNull()
            t.column("deadline", .datetime).notNull()
            t.column("publishedAt", .datetime).notNull()
            t.column("publishedBy", .text).notNull()
            t.column("marks", .jsonText).notNull()
            t.column("evaluationId", .integer)
            t.column("awardedAt", .datetime)
            t.column("version", .integer).notNull()
        }
    }

    /// v5's `supplierOffer` table: a supplier's offer for a tender, one per supplier account and contract.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createSupplierOffer(_ db: Database) throws {
        try db.create(table: "supplierOffer") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("contract", onDelete: .cascade).notNull()
            t.column("supplier", .text).notNull()
            t.column("supplierName", .text).notNull()
            t.column("lines", .jsonText).notNull()
            t.column("statement", .text).notNull()
            t.column("submittedAt", .datetime)
            t.column("updatedAt", .datetime).notNull()
            t.column("version", .integer).notNull()
            t.uniqueKey(["contractId", "supplier"])
        }
    }

    /// v5's `evidenceFile` table: files given as evidence of delivery, with their size and SHA-256.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createEvidenceFile(_ db: Database) throws {
        try db.create(table: "evidenceFile") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("contract", onDelete: .cascade).notNull()
            t.column("quarter", .integer).notNull()
            t.column("measure", .text).notNull()
            t.column("fileName", .text).notNull()
            t.column("content", .blob).notNull()
            t.column("bytes", .integer).notNull()
            t.column("sha256", .text).notNull()
            t.column("uploadedBy", .text).notNull()
            t.column("uploadedAt", .datetime).notNull()
        }
    }

    // MARK: v4

    /// v4's `auditEntry` table: every change, who made it and when, with what it changed from and to.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createAuditEntry(_ db: Database) throws {
        try db.create(table: "auditEntry") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .datetime).notNull()
            t.column("actor", .text).notNull()
            t.column("contractId", .integer).indexed()
            t.column("action", .text).notNull()
            t.column("subject", .text).notNull()
            t.column("before", .text)
            t.column("after", .text)
        }
    }

    // MARK: v3

    /// v3's `account` table: a person's sign-in name, role and password hash.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createAccount(_ db: Database) throws {
        try db.create(table: "account") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique()
            t.column("displayName", .text).notNull()
            t.column("role", .text).notNull()
            t.column("passwordHash", .text).notNull()
            t.column("disabled", .boolean).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("passwordChangedAt", .datetime).notNull()
        }
    }

    /// v3's `session` table: a sign-in, kept by its token's SHA-256.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createSession(_ db: Database) throws {
        try db.create(table: "session") { t in
            t.primaryKey("tokenHash", .text)
            t.belongsTo("account", onDelete: .cascade).notNull()
            t.column("startedAt", .datetime).notNull()
            t.column("lastSeenAt", .datetime).notNull()
        }
    }

    /// v3's `signInFailure` table: each wrong password, by the name tried, for throttling.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createSignInFailure(_ db: Database) throws {
        try db.create(table: "signInFailure") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("at", .datetime).notNull()
        }
        try db.create(index: "signInFailure_name", on: "signInFailure", columns: ["name", "at"])
    }

    /// v3's `contractAssignment` table: the contracts assigned to an account (a contract manager's).
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createContractAssignment(_ db: Database) throws {
        try db.create(table: "contractAssignment") { t in
            t.belongsTo("contract", onDelete: .cascade).notNull()
            t.belongsTo("account", onDelete: .cascade).notNull()
            t.primaryKey(["contractId", "accountId"])
        }
    }

    // MARK: v2

    /// v2's `server_secret`: one row of 32 random bytes, made when the workspace is, from which the server derives
    /// its forms' security tokens (so only a server over this workspace can make one). It never leaves the file:
    /// archives do not carry it, and a workspace imported into another file has that file's own.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create or fill the table.
    private static func createServerSecret(_ db: Database) throws {
        try db.create(table: "server_secret") { table in
            table.primaryKey("id", .integer).check { $0 == 1 }
            table.column("secret", .blob).notNull()
        }
        let secret = Data(SecureRandom.bytes(32))
        try db.execute(sql: "INSERT INTO server_secret (id, secret) VALUES (1, ?)", arguments: [secret])
    }

    // MARK: v1

    /// v1's `contract` table: a contract's title and current profile, with its version.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createContract(_ db: Database) throws {
        try db.create(table: "contract") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("title", .text).notNull()
            t.column("profile", .jsonText).notNull()
            t.column("version", .integer).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
    }

    /// v1's `contractRevision` table: every saved version of a contract's profile, one row per version.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createContractRevision(_ db: Database) throws {
        try db.create(table: "contractRevision") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("contract", onDelete: .cascade).notNull()
            t.column("version", .integer).notNull()
            t.column("profile", .jsonText).notNull()
            t.column("savedAt", .datetime).notNull()
            t.uniqueKey(["contractId", "version"])
        }
    }

    /// v1's `snapshot` table: a recommendation kept with the inputs, catalogue, policy and toolkit that made it.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createSnapshot(_ db: Database) throws {
        try db.create(table: "snapshot") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("contract", onDelete: .cascade).notNull()
            t.column("contractVersion", .integer).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("inputs", .jsonText).notNull()
            t.column("catalogue", .text).notNull()
            t.column("policy", .text).notNull()
            t.column("toolkit", .text).notNull()
            t.column("recommendation", .jsonText).notNull()
        }
    }

    /// v1's `decision` table: the commissioner's accept, drop or change of a measure, one per contract and measure.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createDecision(_ db: Database) throws {
        try db.create(table: "decision") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("contract", onDelete: .cascade).notNull()
            t.column("measure", .text).notNull()
            t.column("action", .text).notNull().check { ["accept", "drop", "change"].contains($0) }
            t.column("target", .double)
            t.column("reason", .text).notNull()
            t.column("version", .integer).notNull()
            t.column("decidedAt", .datetime).notNull()
            t.uniqueKey(["contractId", "measure"])
        }
    }

    /// v1's `offers` table: a suppliers' offers sheet as uploaded, with its evaluation.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createOffers(_ db: Database) throws {
        try db.create(table: "offers") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("contract", onDelete: .cascade).notNull()
            t.column("fileName", .text).notNull()
            t.column("csv", .blob).notNull()
            t.column("evaluation", .jsonText).notNull()
            t.column("uploadedAt", .datetime).notNull()
        }
    }

    /// v1's `returns` table: the commitments and a delivery return as uploaded, with the monitoring made of them.
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot create the table.
    private static func createReturns(_ db: Database) throws {
        try db.create(table: "returns") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("contract", onDelete: .cascade).notNull()
            t.column("commitmentsName", .text).notNull()
            t.column("commitments", .blob).notNull()
            t.column("returnsName", .text).notNull()
            t.column("returns", .blob).notNull()
            t.column("monitoring", .jsonText).notNull()
            t.column("uploadedAt", .datetime).notNull()
        }
    }
}
