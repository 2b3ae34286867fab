import Foundation
import Recommender

/// Where a workspace keeps its records: one SQLite file (``SQLiteStore``) or a PostgreSQL database that several
/// servers share (``PostgresStore``). Both hold the same tables under the same migrations, keep every change in one
/// transaction, and refuse a save over someone else's change with a `conflict` error; ``Workspace`` is the public
/// face of either.
protocol WorkspaceStore: AccountStore, TenderStore {
    /// The 32 bytes from which a server over this store derives its forms' security tokens.
    func serverSecret() async throws -> [UInt8]

    /// Every contract, newest first.
    func contracts() async throws -> [SavedContract]
    /// The contract `id`, or nil when there is none.
    func contract(_ id: Int64) async throws -> SavedContract?
    /// Saves a new contract as version 1, with its first revision and the snapshot `recommendation` makes for it.
    func addContract(
        _ profile: ContractProfile, at date: Date,
        recommendation: (@Sendable (SavedContract) -> RecommendationSnapshot)?
    ) async throws -> SavedContract
    /// Saves an edit of a contract read at `version`, with its revision and the snapshot `recommendation` makes.
    func updateContract(
        _ id: Int64, profile: ContractProfile, readVersion version: Int, at date: Date,
        recommendation: (@Sendable (SavedContract) -> RecommendationSnapshot)?
    ) async throws -> SavedContract
    /// The contract with its latest snapshot's id and its decisions, read together.
    func state(of id: Int64) async throws -> ContractState
    /// The contract's revisions, oldest first.
    func revisions(of contract: Int64) async throws -> [ContractRevision]

    /// Inserts a snapshot and returns it with its id.
    func insert(_ snapshot: RecommendationSnapshot) async throws -> RecommendationSnapshot
    /// The contract's newest snapshot.
    func latestSnapshot(of contract: Int64) async throws -> RecommendationSnapshot?
    /// A line per snapshot of the contract, newest first.
    func snapshotSummaries(of contract: Int64) async throws -> [SnapshotSummary]
    /// The snapshot `id`, or nil when there is none.
    func snapshot(_ id: Int64) async throws -> RecommendationSnapshot?
    /// Every snapshot's id, contract, contract version and date, newest first.
    func snapshotIndex() async throws -> [SnapshotEntry]

    /// The contract's decisions, by measure.
    func decisions(for contract: Int64) async throws -> [SavedDecision]
    /// Records a decision read at `version` (0 when the measure had none).
    func decide(_ decision: CommissionerDecision, contract: Int64, readVersion version: Int, at date: Date)
        async throws -> SavedDecision

    /// Inserts an upload of offers and returns it with its id.
    func insert(_ offers: SavedOffers) async throws -> SavedOffers
    /// The contract's newest offers.
    func latestOffers(for contract: Int64) async throws -> SavedOffers?
    /// Inserts commitments and returns (uploaded or entered) with the evidence files they name, and returns them
    /// with their id.
    func insert(_ returns: SavedReturns, evidence: [EvidenceFile]) async throws -> SavedReturns
    /// Inserts what `merge` makes of the contract's newest returns, read in the same transaction (the contract's row
    /// locked, where the store locks rows), with the evidence files they name, and returns it with its id.
    func insertReturns(
        for contract: Int64, evidence: [EvidenceFile],
        merging merge: @escaping @Sendable (SavedReturns?) throws -> SavedReturns
    ) async throws -> SavedReturns
    /// The contract's newest returns.
    func latestReturns(for contract: Int64) async throws -> SavedReturns?

    /// Every row of every table, by id; the accounts with their assigned contracts too when `withAccounts`.
    func export(withAccounts: Bool) async throws -> WorkspaceArchive
    /// Loads an archive in one transaction; the store must hold no contracts unless `replacing`.
    func importArchive(_ archive: WorkspaceArchive, replacing: Bool) async throws

    /// Every change to the contract (to the whole workspace, when nil), oldest first.
    func auditTrail(of contract: Int64?) async throws -> [AuditEntry]
}

/// A snapshot's place in the workspace, for choosing two to compare.
public typealias SnapshotEntry = (id: Int64, contractId: Int64, contractVersion: Int, createdAt: Date)
