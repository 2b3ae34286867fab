import Core
import Foundation
import Logging
import PostgresNIO
import Recommender

/// A workspace in a PostgreSQL database that several `svtk serve` processes share.
///
/// Nothing that matters is kept in the process: every read goes to the database, and every change is one
/// transaction that first locks the contract's row (`SELECT … FOR UPDATE`), so two servers saving the same contract
/// or decision take turns and the second is refused with a `conflict` ``ToolkitError`` exactly as two tabs over one
/// SQLite file are.
final class PostgresStore: WorkspaceStore {
    let client: PostgresClient
    let logger = Logger(label: "svtk.workspace", factory: { _ in SwiftLogNoOpLogHandler() })
    /// The client's connection pool at work, until the store is released.
    private let running: Task<Void, Never>

    /// Connects to the database at `address` and brings its schema up to date (``PostgresSchema``).
    /// - Throws: a ``ToolkitError`` naming the address (without its password) when the server cannot be reached
    ///   within `timeout` seconds, refuses the user, or holds a newer svtk's workspace.
    init(address: PostgresAddress, timeout: Duration = .seconds(60)) async throws {
        let client = PostgresClient(configuration: address.clientConfiguration)
        self.client = client
        running = Task { await client.run() }
        let logger = self.logger
        do {
            try await Self.within(timeout) {
                try await Self.connectOnce(address, logger: logger)
                try await PostgresSchema.migrate(client, logger: logger)
            }
        } catch {
            running.cancel()
            throw ToolkitError.unreachableDatabase(address, reason: Self.reason(error))
        }
    }

    deinit { running.cancel() }

    /// Connects once, outside the pool (which retries quietly), so that a refused connection, an unknown database
    /// or a wrong password is named at once.
    /// - Throws: PostgreSQL's or the network's error.
    private static func connectOnce(_ address: PostgresAddress, logger: Logger) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: try address.connectionConfiguration(), id: 0, logger: logger)
        try await connection.close()
    }

    /// Runs `work`, or throws `CancellationError` when it has not finished within `timeout`.
    private static func within(_ timeout: Duration, _ work: @escaping @Sendable () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await work()
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            let finished = try await group.next() ?? false
            group.cancelAll()
            if !finished { throw CancellationError() }
        }
    }

    /// What went wrong, in words: PostgreSQL's own message where it sent one.
    static func reason(_ error: any Error) -> String {
        if let error = error as? ToolkitError { return error.message }
        if error is CancellationError { return "no answer: is the server running, and is the address right?" }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if error.code == .connectionError, let underlying = error.underlying {
                return "the server cannot be reached (\(underlying))"
            }
            return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
        return "\(error)"
    }

    /// Runs `work` in one transaction, committed when it returns and rolled back when it throws; what it throws
    /// is thrown as it is (not wrapped in PostgresNIO's `PostgresTransactionError`).
    func transaction<Result: Sendable>(_ work: (PostgresConnection) async throws -> Result) async throws -> Result {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await work(connection) }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.beginError ?? error.commitError ?? error
        }
    }

    // MARK: Reading

    /// Every record of a kind that `condition` (SQL after `WHERE`, with its binds) selects, in `order`.
    func records<Record: PostgresReadable>(
        _ kind: Record.Type, where condition: PostgresQuery = "TRUE", order: String = "id",
        on connection: PostgresConnection? = nil
    ) async throws -> [Record] {
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(Record.selection) FROM \(Record.table) WHERE \(condition.sql) ORDER BY \(order)",
            binds: condition.binds)
        let rows =
            if let connection { try await connection.query(query, logger: logger) } else {
                try await client.query(query, logger: logger)
            }
        var records: [Record] = []
        for try await row in rows { records.append(try Record(row: row)) }
        return records
    }

    /// The newest record of a kind kept for a contract, if any.
    private func latest<Record: PostgresRecord>(_ kind: Record.Type, of contract: Int64) async throws -> Record? {
        try await records(kind, where: "\"contractId\" = \(contract)", order: "id DESC LIMIT 1").first
    }

    // MARK: WorkspaceStore

    func serverSecret() async throws -> [UInt8] {
        for try await secret in try await client.query("SELECT secret FROM server_secret WHERE id = 1", logger: logger)
            .decode(Data.self)
        {
            return Array(secret)
        }
        return []
    }

    func contracts() async throws -> [SavedContract] { try await records(SavedContract.self, order: "id DESC") }

    func contract(_ id: Int64) async throws -> SavedContract? {
        try await records(SavedContract.self, where: "id = \(id)").first
    }

    func addContract(
        _ profile: ContractProfile, at date: Date,
        recommendation: (@Sendable (SavedContract) -> RecommendationSnapshot)?
    ) async throws -> SavedContract {
        try await transaction { connection in
            let contract = try await SavedContract(
                id: nil, title: profile.title, profile: profile, version: 1, createdAt: date, updatedAt: date
            ).inserted(on: connection, logger: logger)
            _ = try await ContractRevision(
                id: nil, contractId: contract.id!, version: 1, profile: profile, savedAt: date
            ).inserted(on: connection, logger: logger)
            try await audit(.contractAdded(contract), on: connection)
            try await insert(recommendation?(contract), on: connection)
            return contract
        }
    }

    func updateContract(
        _ id: Int64, profile: ContractProfile, readVersion version: Int, at date: Date,
        recommendation: (@Sendable (SavedContract) -> RecommendationSnapshot)?
    ) async throws -> SavedContract {
        try await transaction { connection in
            guard let read = try await locked(id, on: connection) else {
                throw ToolkitError.missingFromWorkspace("contract \(id)")
            }
            let contract = try read.edited(to: profile, readVersion: version, at: date)
            let profileJSON = try StoredJSON.text(profile)
            try await connection.query(
                """
                UPDATE contract SET title = \(contract.title), profile = \(profileJSON)::json,
                    version = \(contract.version), "updatedAt" = \(date) WHERE id = \(id)
                """, logger: logger)
            _ = try await ContractRevision(
                id: nil, contractId: id, version: contract.version, profile: profile, savedAt: date
            ).inserted(on: connection, logger: logger)
            try await audit(.contractEdited(from: read, to: contract), on: connection)
            try await insert(recommendation?(contract), on: connection)
            return contract
        }
    }

    /// The contract, its row locked until the transaction ends, so saves to it from any server take turns.
    func locked(_ id: Int64, on connection: PostgresConnection) async throws -> SavedContract? {
        try await records(SavedContract.self, where: "id = \(id)", order: "id FOR UPDATE", on: connection).first
    }

    func state(of id: Int64) async throws -> ContractState {
        try await transaction { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            guard let contract = try await records(SavedContract.self, where: "id = \(id)", on: connection).first
            else { throw ToolkitError.missingFromWorkspace("contract \(id)") }
            var latest: Int64?
            for try await newest in try await connection.query(
                "SELECT MAX(id) FROM snapshot WHERE \"contractId\" = \(id)", logger: logger
            ).decode(Int64?.self) {
                latest = newest
            }
            let decisions = try await records(
                SavedDecision.self, where: "\"contractId\" = \(id)", order: "measure COLLATE \"C\"", on: connection)
            return ContractState(contract: contract, latestRecommendation: latest, decisions: decisions)
        }
    }

    func revisions(of contract: Int64) async throws -> [ContractRevision] {
        try await records(ContractRevision.self, where: "\"contractId\" = \(contract)", order: "version")
    }

    func insert(_ snapshot: RecommendationSnapshot) async throws -> RecommendationSnapshot {
        try await inserted(snapshot, audit: AuditEntry.recommended)
    }

    func latestSnapshot(of contract: Int64) async throws -> RecommendationSnapshot? {
        try await latest(RecommendationSnapshot.self, of: contract)
    }

    /// Reads the count of measures and the total SLEVA from the recommendation's JSON inside PostgreSQL.
    func snapshotSummaries(of contract: Int64) async throws -> [SnapshotSummary] {
        let rows = try await client.query(
            """
            SELECT id, "contractVersion", "createdAt", inputs::text, json_array_length(recommendation -> 'measures'),
                   (recommendation ->> 'totalSleva')::double precision
            FROM snapshot WHERE "contractId" = \(contract) ORDER BY id DESC
            """, logger: logger)
        var summaries: [SnapshotSummary] = []
        for try await (id, version, created, inputs, measures, sleva) in rows.decode(
            (Int64, Int, Date, String, Int, Double).self)
        {
            summaries.append(
                SnapshotSummary(
                    id: id, contractVersion: version, createdAt: created, inputsJSON: inputs, measures: measures,
                    totalSleva: sleva))
        }
        return summaries
    }

    func snapshot(_ id: Int64) async throws -> RecommendationSnapshot? {
        try await records(RecommendationSnapshot.self, where: "id = \(id)").first
    }

    func snapshotIndex() async throws -> [SnapshotEntry] {
        let rows = try await client.query(
            "SELECT id, \"contractId\", \"contractVersion\", \"createdAt\" FROM snapshot ORDER BY id DESC",
            logger: logger)
        var index: [SnapshotEntry] = []
        for try await entry in rows.decode((Int64, Int64, Int, Date).self) { index.append(entry) }
        return index
    }

    func decisions(for contract: Int64) async throws -> [SavedDecision] {
        try await records(SavedDecision.self, where: "\"contractId\" = \(contract)", order: "measure COLLATE \"C\"")
    }

    func decide(_ decision: CommissionerDecision, contract: Int64, readVersion version: Int, at date: Date)
        async throws -> SavedDecision
    {
        try await transaction { connection in
            guard try await locked(contract, on: connection) != nil else {
                throw ToolkitError.missingFromWorkspace("contract \(contract)")
            }
            let existing = try await records(
                SavedDecision.self, where: "\"contractId\" = \(contract) AND measure = \(decision.measure)",
                on: connection
            ).first
            let saved = try SavedDecision(
                decision, contract: contract, replacing: existing, readVersion: version, at: date)
            if existing != nil {
                try await connection.query("DELETE FROM decision WHERE id = \(saved.id)", logger: logger)
            }
            let kept = try await saved.inserted(on: connection, logger: logger)
            try await audit(.decided(from: existing, to: kept), on: connection)
            return kept
        }
    }

    func insert(_ offers: SavedOffers) async throws -> SavedOffers {
        try await inserted(offers, audit: AuditEntry.offersUploaded)
    }

    func latestOffers(for contract: Int64) async throws -> SavedOffers? {
        try await latest(SavedOffers.self, of: contract)
    }

    func insert(_ returns: SavedReturns, evidence: [EvidenceFile]) async throws -> SavedReturns {
        try await transaction { connection in try await insert(returns, evidence: evidence, on: connection) }
    }

    /// Locks the contract's row first, so that entries saved at once through any server take turns, each reading
    /// the returns the one before kept.
    func insertReturns(
        for contract: Int64, evidence: [EvidenceFile],
        merging merge: @escaping @Sendable (SavedReturns?) throws -> SavedReturns
    ) async throws -> SavedReturns {
        try await transaction { connection in
            guard try await locked(contract, on: connection) != nil else {
                throw ToolkitError.missingFromWorkspace("contract \(contract)")
            }
            let latest = try await records(
                SavedReturns.self, where: "\"contractId\" = \(contract)", order: "id DESC LIMIT 1", on: connection
            ).first
            return try await insert(try merge(latest), evidence: evidence, on: connection)
        }
    }

    /// Inserts returns with the evidence files they name, and their entries in the audit trail, on `connection`.
    private func insert(_ returns: SavedReturns, evidence: [EvidenceFile], on connection: PostgresConnection)
        async throws -> SavedReturns
    {
        for file in evidence {
            try await audit(.evidenceUploaded(try await file.inserted(on: connection, logger: logger)), on: connection)
        }
        let saved = try await returns.inserted(on: connection, logger: logger)
        try await audit(.returnsUploaded(saved), on: connection)
        return saved
    }

    func latestReturns(for contract: Int64) async throws -> SavedReturns? {
        try await latest(SavedReturns.self, of: contract)
    }

    /// Inserts a record with its entry in the audit trail, in one transaction, and returns it with its new id.
    private func inserted<Record: PostgresRecord>(
        _ record: Record, audit entry: @escaping @Sendable (Record) throws -> AuditEntry
    ) async throws -> Record {
        try await transaction { connection in
            let saved = try await record.inserted(on: connection, logger: logger)
            try await audit(entry(saved), on: connection)
            return saved
        }
    }

    /// Keeps a snapshot made with a contract's save, and its entry in the audit trail.
    private func insert(_ snapshot: RecommendationSnapshot?, on connection: PostgresConnection) async throws {
        guard let snapshot else { return }
        try await audit(.recommended(try await snapshot.inserted(on: connection, logger: logger)), on: connection)
    }

    /// Adds an entry to the audit trail, in the change's transaction.
    func audit(_ entry: AuditEntry, on connection: PostgresConnection) async throws {
        _ = try await entry.inserted(on: connection, logger: logger)
    }

    func auditTrail(of contract: Int64?) async throws -> [AuditEntry] {
        guard let contract else { return try await records(AuditEntry.self) }
        return try await records(AuditEntry.self, where: "\"contractId\" = \(contract)")
    }
}

extension ToolkitError {
    /// A shared workspace's database that cannot be opened, named without its password.
    static func unreachableDatabase(_ address: PostgresAddress, reason: String) -> ToolkitError {
        ToolkitError(setting: "database", "cannot open \(address) as an svtk workspace: \(reason)")
    }
}
