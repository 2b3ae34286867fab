import Core
import Foundation
import GRDB
import Recommender

/// The commissioners' workspace: one SQLite file holding contracts with the history of their edits,
/// recommendation snapshots, the commissioner's decisions, suppliers' offers and delivery returns.
///
/// The file is opened in write-ahead-log mode and every change is one transaction, so a crash loses nothing
/// that was saved. Contracts and decisions carry a version: a save names the version it read, and a save over
/// someone else's change is refused with a `conflict` ``ToolkitError`` instead of overwriting it.
public final class Workspace: Sendable {
    let database: any DatabaseWriter

    /// Opens (creating when missing) the workspace at `path`, checks it is whole (SQLite's `quick_check`) and
    /// brings its schema up to date.
    /// - Throws: a ``ToolkitError`` for a file that is not an SQLite database, is damaged, is from a newer svtk, or
    ///   that svtk may not read and write (naming the permission missing).
    public init(path: String) throws {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            database = try DatabasePool(path: path, configuration: configuration)
            try Self.checkWhole(database)
            try Self.migrate(database)
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
            throw DatabaseError(
                message: "the file is damaged (SQLite's quick check: \(verdict.prefix(200))): restore it from a "
                    + "backup or from an svtk workspace export, and keep the damaged file for inspection")
        }
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
    public init() throws {
        database = try DatabaseQueue()
        try Self.migrate(database)
    }

    private static func migrate(_ database: any DatabaseWriter) throws {
        let migrator = Migrations.migrator
        if try database.read({ try migrator.hasBeenSuperseded($0) }) {
            throw DatabaseError(message: "it was written by a newer svtk; upgrade svtk to open it")
        }
        try migrator.migrate(database)
    }

    /// The workspace's secret, from which its server derives forms' security tokens: 32 random bytes made with the
    /// workspace, the same for every server over this file.
    /// - Throws: a GRDB `DatabaseError` when the file cannot be read.
    public func serverSecret() throws -> [UInt8] {
        let secret = try database.read { try Data.fetchOne($0, sql: "SELECT secret FROM server_secret WHERE id = 1") }
        return Array(secret ?? Data())
    }

    // MARK: Contracts

    /// Every contract, newest first.
    /// - Throws: a GRDB `DatabaseError` when the file cannot be read, or a decoding error for a row it cannot decode.
    public func contracts() async throws -> [SavedContract] {
        try await database.read { try SavedContract.order(SavedContract.Columns.id.desc).fetchAll($0) }
    }

    /// - Throws: a `notFound` ``ToolkitError``.
    public func contract(_ id: Int64) async throws -> SavedContract {
        guard let contract = try await database.read({ try SavedContract.fetchOne($0, key: id) }) else {
            throw ToolkitError.missingFromWorkspace("contract \(id)")
        }
        return contract
    }

    /// Saves a new contract as version 1 and, where `recommendation` makes one for it, its first recommendation,
    /// in one transaction: both are saved, or neither.
    /// - Throws: a GRDB `DatabaseError` when the write fails; `EncodingError` for a number JSON cannot hold.
    public func addContract(
        _ profile: ContractProfile, at date: Date = Date(),
        recommendation: (@Sendable (SavedContract) -> RecommendationSnapshot)? = nil
    ) async throws -> SavedContract {
        try await database.write { db in
            var contract = SavedContract(
                id: nil, title: profile.title, profile: profile, version: 1, createdAt: date, updatedAt: date)
            try contract.insert(db)
            var revision = ContractRevision(
                id: nil, contractId: contract.id!, version: 1, profile: profile, savedAt: date)
            try revision.insert(db)
            if var snapshot = recommendation?(contract) { try snapshot.insert(db) }
            return contract
        }
    }

    /// Saves an edit of a contract read at `version`, keeping the previous profile in its history, and, where
    /// `recommendation` makes one for it, its new recommendation, in one transaction.
    /// - Throws: a `conflict` ``ToolkitError`` when it was saved since, a `notFound` ``ToolkitError``.
    public func updateContract(
        _ id: Int64, profile: ContractProfile, readVersion version: Int, at date: Date = Date(),
        recommendation: (@Sendable (SavedContract) -> RecommendationSnapshot)? = nil
    ) async throws -> SavedContract {
        try await database.write { db in
            guard var contract = try SavedContract.fetchOne(db, key: id) else {
                throw ToolkitError.missingFromWorkspace("contract \(id)")
            }
            guard contract.version == version else {
                throw ToolkitError.conflict(what: "contract \(id)", read: version, now: contract.version)
            }
            contract.profile = profile
            contract.title = profile.title
            contract.version += 1
            contract.updatedAt = date
            try contract.update(db)
            var revision = ContractRevision(
                id: nil, contractId: id, version: contract.version, profile: profile, savedAt: date)
            try revision.insert(db)
            if var snapshot = recommendation?(contract) { try snapshot.insert(db) }
            return contract
        }
    }

    /// A contract with the id of its latest recommendation and its decisions, read at once (what its page shows).
    /// - Throws: a `notFound` ``ToolkitError``.
    public func state(of id: Int64) async throws -> ContractState {
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

    /// The contract's saved versions, oldest first.
    /// - Throws: a GRDB `DatabaseError` when the file cannot be read, or a decoding error for a row it cannot decode.
    public func revisions(of contract: Int64) async throws -> [ContractRevision] {
        try await database.read {
            try ContractRevision.filter(ContractRevision.Columns.contractId == contract).order(
                ContractRevision.Columns.version
            ).fetchAll($0)
        }
    }

    // MARK: Snapshots

    /// Saves a recommendation as it was made.
    /// - Throws: a GRDB `DatabaseError` (an unknown contract, a failed write); `EncodingError` for a non-finite number.
    public func save(_ snapshot: RecommendationSnapshot) async throws -> RecommendationSnapshot {
        try await inserted(snapshot)
    }

    /// The contract's latest recommendation, if it has one.
    /// - Throws: a GRDB `DatabaseError` when the file cannot be read, or a decoding error for a row it cannot decode.
    public func latestSnapshot(of contract: Int64) async throws -> RecommendationSnapshot? {
        try await latest(RecommendationSnapshot.self, of: contract)
    }

    /// A line per recommendation of a contract, newest first, without the recommendations themselves (read
    /// from their JSON inside SQLite): when, for which version, how many measures, the total SLEVA, the inputs.
    /// - Throws: a GRDB `DatabaseError` when the file cannot be read.
    public func snapshotSummaries(of contract: Int64) async throws -> [SnapshotSummary] {
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
                    inputs: (try? JSONDecoder().decode(
                        [String].self, from: Data((row["inputs"] as String? ?? "[]").utf8))) ?? [],
                    measures: row["measures"], totalSleva: row["totalSleva"])
            }
        }
    }

    /// - Throws: a `notFound` ``ToolkitError``.
    public func snapshot(_ id: Int64) async throws -> RecommendationSnapshot {
        guard let snapshot = try await database.read({ try RecommendationSnapshot.fetchOne($0, key: id) }) else {
            throw ToolkitError.missingFromWorkspace("recommendation \(id)")
        }
        return snapshot
    }

    /// Every snapshot's id, contract and date, newest first, for choosing two to compare.
    /// - Throws: a GRDB `DatabaseError` when the file cannot be read.
    public func snapshotIndex() async throws -> [(id: Int64, contractId: Int64, contractVersion: Int, createdAt: Date)]
    {
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

    // MARK: Decisions

    /// The commissioner's decisions on a contract's measures.
    /// - Throws: a GRDB `DatabaseError` when the file cannot be read, or a decoding error for a row it cannot decode.
    public func decisions(for contract: Int64) async throws -> [SavedDecision] {
        try await database.read {
            try SavedDecision.filter(SavedDecision.Columns.contractId == contract).order(SavedDecision.Columns.measure)
                .fetchAll($0)
        }
    }

    /// Records a decision on a measure, read at `version` (0 when it had none).
    /// - Throws: a `conflict` ``ToolkitError`` when another decision was saved since.
    public func decide(
        _ decision: CommissionerDecision, contract: Int64, readVersion version: Int,
        at date: Date = Date()
    ) async throws -> SavedDecision {
        try await database.write { db in
            guard try SavedContract.exists(db, key: contract) else {
                throw ToolkitError.missingFromWorkspace("contract \(contract)")
            }
            let existing = try SavedDecision.filter(
                SavedDecision.Columns.contractId == contract && SavedDecision.Columns.measure == decision.measure
            ).fetchOne(db)
            let now = existing?.version ?? 0
            guard now == version else {
                throw ToolkitError.conflict(what: "the decision on \(decision.measure)", read: version, now: now)
            }
            var saved = SavedDecision(
                id: existing?.id, contractId: contract, measure: decision.measure, action: decision.action,
                target: decision.action == .change ? decision.target : nil, reason: decision.reason,
                version: now + 1, decidedAt: date)
            try saved.save(db)
            return saved
        }
    }

    // MARK: Offers and returns

    /// Saves uploaded offers with their evaluation.
    /// - Throws: a GRDB `DatabaseError` (an unknown contract, a failed write); `EncodingError` for a non-finite number.
    public func save(_ offers: SavedOffers) async throws -> SavedOffers {
        try await inserted(offers)
    }

    /// The contract's latest offers, if any were uploaded.
    /// - Throws: a GRDB `DatabaseError` when the file cannot be read, or a decoding error for a row it cannot decode.
    public func latestOffers(for contract: Int64) async throws -> SavedOffers? {
        try await latest(SavedOffers.self, of: contract)
    }

    /// Saves uploaded commitments and returns with their monitoring.
    /// - Throws: a GRDB `DatabaseError` (an unknown contract, a failed write); `EncodingError` for a non-finite number.
    public func save(_ returns: SavedReturns) async throws -> SavedReturns {
        try await inserted(returns)
    }

    /// The contract's latest returns, if any were uploaded.
    /// - Throws: a GRDB `DatabaseError` when the file cannot be read, or a decoding error for a row it cannot decode.
    public func latestReturns(for contract: Int64) async throws -> SavedReturns? {
        try await latest(SavedReturns.self, of: contract)
    }

    // MARK: Shared by the records kept per upload or recommendation

    /// Inserts a record in one transaction and returns it with its new id.
    private func inserted<Record: MutablePersistableRecord & Sendable>(_ record: Record) async throws -> Record {
        try await database.write { db in
            var saved = record
            try saved.insert(db)
            return saved
        }
    }

    /// The newest record of a kind kept for a contract (the highest id), if any.
    private func latest<Record: ContractRecord>(_ kind: Record.Type, of contract: Int64) async throws -> Record? {
        try await database.read {
            try Record.filter(Record.contractColumn == contract).order(Record.idColumn.desc).fetchOne($0)
        }
    }
}
