import Core
import Foundation
import GRDB
import Recommender

/// A workspace in one SQLite file (``Workspace``'s default store), opened in write-ahead-log mode; a save
/// names the version it read and is refused with a `conflict` ``ToolkitError`` when the row moved on.
final class SQLiteStore: WorkspaceStore {
    let database: any DatabaseWriter

    /// Opens (creating when missing) the workspace at `path`, checks it is whole (SQLite's `quick_check`) and
    /// brings its schema up to date, one process at a time (``FolderLock``).
    /// - Throws: a ``ToolkitError`` for a file that is not an SQLite database, is damaged, is from a newer svtk, or
    ///   that svtk may not read and write (naming the permission missing).
    init(path: String) throws {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            database = try FolderLock.holding(URL(fileURLWithPath: path).deletingLastPathComponent().path) {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try Self.checkWhole(pool)
                try Self.migrate(pool)
                return pool
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw ToolkitError.unreadableWorkspace(
                path: path, reason: Self.damaged("SQLite: \(error.message ?? error.description)"))
        } catch let error as DatabaseError {
            let reason = Self.permissionProblem(path) ?? error.message ?? error.description
            throw ToolkitError.unreadableWorkspace(path: path, reason: reason)
        }
    }

    /// Refuses a damaged file before anything is written to it.
    /// - Throws: a `DatabaseError` saying what SQLite found and what to do.
    private static func checkWhole(_ database: any DatabaseWriter) throws {
        let verdict = try database.read { try String.fetchOne($0, sql: "PRAGMA quick_check") } ?? ""
        guard verdict == "ok" else {
            throw DatabaseError(message: damaged("SQLite's quick check: \(verdict.prefix(200))"))
        }
    }

    /// What to do with a damaged file, after what found it damaged.
    private static func damaged(_ finding: String) -> String {
        "the file is damaged (\(finding)): restore it from a backup or from an svtk workspace export, and keep the "
            + "damaged file for inspection"
    }

    /// Why svtk may not open a workspace file, when the reason is a permission: the file not readable and
    /// writable, or its folder not writable (SQLite keeps its journal beside the file).
    static func permissionProblem(_ path: String) -> String? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if FileManager.default.fileExists(atPath: path),
            !FileManager.default.isReadableFile(atPath: path) || !FileManager.default.isWritableFile(atPath: path)
        {
            return "permission denied: this user may not read and write the file (check its owner and mode)"
        }
        guard !FileManager.default.isWritableFile(atPath: folder) else { return nil }
        return "permission denied: this user may not write in the folder \(folder), where the workspace keeps its "
            + "journal beside the file"
    }

    /// A workspace in memory, gone when released (tests).
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot make the in-memory database or its schema.
    init() throws {
        database = try DatabaseQueue()
        try Self.migrate(database)
    }

    private static func migrate(_ database: any DatabaseWriter) throws {
        let migrator = SQLiteMigrations.migrator
        if try database.read({ try migrator.hasBeenSuperseded($0) }) {
            throw DatabaseError(message: "it was written by a newer svtk; upgrade svtk to open it")
        }
        try migrator.migrate(database)
    }

    // MARK: WorkspaceStore

    func serverSecret() async throws -> [UInt8] {
        let secret = try await database.read {
            try Data.fetchOne($0, sql: "SELECT secret FROM server_secret WHERE id = 1")
        }
        return Array(secret ?? Data())
    }

    func contracts() async throws -> [SavedContract] {
        try await database.read { try SavedContract.order(SavedContract.Columns.id.desc).fetchAll($0) }
    }

    func contract(_ id: Int64) async throws -> SavedContract? {
        try await database.read { try SavedContract.fetchOne($0, key: id) }
    }

    func addContract(
        _ profile: ContractProfile, at date: Date,
        recommendation: (@Sendable (SavedContract) -> RecommendationSnapshot)?
    ) async throws -> SavedContract {
        try await database.write { db in
            var contract = SavedContract(
                id: nil, title: profile.title, profile: profile, version: 1, createdAt: date, updatedAt: date)
            try contract.insert(db)
            var revision = ContractRevision(
                id: nil, contractId: contract.id!, version: 1, profile: profile, savedAt: date)
            try revision.insert(db)
            try Self.audit(.contractAdded(contract), db)
            try Self.insert(recommendation?(contract), db)
            return contract
        }
    }

    func updateContract(
        _ id: Int64, profile: ContractProfile, readVersion version: Int, at date: Date,
        recommendation: (@Sendable (SavedContract) -> RecommendationSnapshot)?
    ) async throws -> SavedContract {
        try await database.write { db in
            guard let read = try SavedContract.fetchOne(db, key: id) else {
                throw ToolkitError.missingFromWorkspace("contract \(id)")
            }
            let contract = try read.edited(to: profile, readVersion: version, at: date)
            try contract.update(db)
            var revision = ContractRevision(
                id: nil, contractId: id, version: contract.version, profile: profile, savedAt: date)
            try revision.insert(db)
            try Self.audit(.contractEdited(from: read, to: contract), db)
            try Self.insert(recommendation?(contract), db)
            return contract
        }
    }

    func state(of id: Int64) async throws -> ContractState {
        try await database.read { db in
            guard let contract = try SavedContract.fetchOne(db, key: id) else {
                throw ToolkitError.missingFromWorkspace("contract \(id)")
            }
            return ContractState(
                contract: contract,
                latestRecommendation: try Int64.fetchOne(
                    db, sql: "SELECT MAX(id) FROM snapshot WHERE contractId = ?", arguments: [id]),
                decisions: try SavedDecision.filter(SavedDecision.Columns.contractId == id).order(
                    SavedDecision.Columns.measure
                ).fetchAll(db))
        }
    }

    func revisions(of contract: Int64) async throws -> [ContractRevision] {
        try await database.read {
            try ContractRevision.filter(ContractRevision.Columns.contractId == contract).order(
                ContractRevision.Columns.version
            ).fetchAll($0)
        }
    }

    func insert(_ snapshot: RecommendationSnapshot) async throws -> RecommendationSnapshot {
        try await inserted(snapshot, audit: AuditEntry.recommended)
    }

    func latestSnapshot(of contract: Int64) async throws -> RecommendationSnapshot? {
        try await latest(RecommendationSnapshot.self, of: contract)
    }

    /// Reads the count of measures and the total SLEVA from the recommendation's JSON inside SQLite.
    func snapshotSummaries(of contract: Int64) async throws -> [SnapshotSummary] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, contractVersion, createdAt, inputs, json_array_length(recommendation, '$.measures') AS \
                    measures,
                           json_extract(recommendation, '$.totalSleva') AS totalSleva
                    FROM snapshot WHERE contractId = ? ORDER BY id DESC
                    """, arguments: [contract]
            ).map { row in
                SnapshotSummary(
                    id: row["id"], contractVersion: row["contractVersion"], createdAt: row["createdAt"],
                    inputsJSON: row["inputs"], measures: row["measures"], totalSleva: row["totalSleva"])
            }
        }
    }

    func snapshot(_ id: Int64) async throws -> RecommendationSnapshot? {
        try await database.read { try RecommendationSnapshot.fetchOne($0, key: id) }
    }

    func snapshotIndex() async throws -> [SnapshotEntry] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, contractId, contractVersion, createdAt FROM snapshot ORDER BY id DESC"
            ).map {
                (
                    id: $0["id"], contractId: $0["contractId"], contractVersion: $0["contractVersion"],
                    createdAt: $0["createdAt"]
                )
            }
        }
    }

    func decisions(for contract: Int64) async throws -> [SavedDecision] {
        try await database.read {
            try SavedDecision.filter(SavedDecision.Columns.contractId == contract).order(SavedDecision.Columns.measure)
                .fetchAll($0)
        }
    }

    func decide(_ decision: CommissionerDecision, contract: Int64, readVersion version: Int, at date: Date)
        async throws -> SavedDecision
    {
        try await database.write { db in
            guard try SavedContract.exists(db, key: contract) else {
                throw ToolkitError.missingFromWorkspace("contract \(contract)")
            }
            let existing = try SavedDecision.filter(
                SavedDecision.Columns.contractId == contract && SavedDecision.Columns.measure == decision.measure
            ).fetchOne(db)
            var saved = try SavedDecision(
                decision, contract: contract, replacing: existing, readVersion: version, at: date)
            try saved.save(db)
            try Self.audit(.decided(from: existing, to: saved), db)
            return saved
        }
    }

    func insert(_ offers: SavedOffers) async throws -> SavedOffers {
        try await inserted(offers, audit: AuditEntry.offersUploaded)
    }

    func latestOffers(for contract: Int64) async throws -> SavedOffers? {
        try await latest(SavedOffers.self, of: contract)
    }

    func insert(_ returns: SavedReturns, evidence: [EvidenceFile]) async throws -> SavedReturns {
        try await database.write { db in try Self.insert(returns, evidence: evidence, db) }
    }

    /// Reads and writes in one immediate transaction (GRDB begins every write so), which holds SQLite's write lock
    /// from the read on: another process's write to the file waits for it, and reads the merged returns after.
    func insertReturns(
        for contract: Int64, evidence: [EvidenceFile],
        merging merge: @escaping @Sendable (SavedReturns?) throws -> SavedReturns
    ) async throws -> SavedReturns {
        try await database.write { db in
            guard try SavedContract.exists(db, key: contract) else {
                throw ToolkitError.missingFromWorkspace("contract \(contract)")
            }
            let latest = try SavedReturns.filter(SavedReturns.Columns.contractId == contract).order(
                SavedReturns.Columns.id.desc
            ).fetchOne(db)
            return try Self.insert(try merge(latest), evidence: evidence, db)
        }
    }

    /// Inserts returns with the evidence files they name, and their entries in the audit trail.
    private static func insert(_ returns: SavedReturns, evidence: [EvidenceFile], _ db: Database) throws
        -> SavedReturns
    {
        for var file in evidence {
            try file.insert(db)
            try audit(.evidenceUploaded(file), db)
        }
        var saved = returns
        try saved.insert(db)
        try audit(.returnsUploaded(saved), db)
        return saved
    }

    func latestReturns(for contract: Int64) async throws -> SavedReturns? {
        try await latest(SavedReturns.self, of: contract)
    }

    // MARK: Shared by the records kept per upload or recommendation

    /// Inserts a record with its entry in the audit trail, in one transaction, and returns it with its new id.
    private func inserted<Record: MutablePersistableRecord & Sendable>(
        _ record: Record, audit: @escaping @Sendable (Record) throws -> AuditEntry
    ) async throws -> Record {
        try await database.write { db in
            var saved = record
            try saved.insert(db)
            try Self.audit(audit(saved), db)
            return saved
        }
    }

    /// Keeps a snapshot made with a contract's save, and its entry in the audit trail.
    private static func insert(_ snapshot: RecommendationSnapshot?, _ db: Database) throws {
        guard var snapshot else { return }
        try snapshot.insert(db)
        try audit(.recommended(snapshot), db)
    }

    /// Adds an entry to the audit trail, in the change's transaction.
    static func audit(_ entry: AuditEntry, _ db: Database) throws {
        var entry = entry
        try entry.insert(db)
    }

    func auditTrail(of contract: Int64?) async throws -> [AuditEntry] {
        try await database.read { db in
            let all = AuditEntry.order(AuditEntry.Columns.id)
            return try (contract.map { all.filter(AuditEntry.Columns.contractId == $0) } ?? all).fetchAll(db)
        }
    }

    /// The newest record of a kind kept for a contract (the highest id), if any.
    private func latest<Record: ContractRecord>(_ kind: Record.Type, of contract: Int64) async throws -> Record? {
        try await database.read {
            try Record.filter(Record.contractColumn == contract).order(Record.idColumn.desc).fetchOne($0)
        }
    }
}
