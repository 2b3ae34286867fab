import Core
import Foundation
import Recommender

/// The commissioners' workspace: contracts with the history of their edits, recommendation snapshots, the
/// commissioner's decisions, suppliers' offers and delivery returns.
///
/// It is kept in one SQLite file (``init(path:)``: a laptop, the default) or in a PostgreSQL database that several
/// `svtk serve` processes share (``open(_:)`` with a `postgres://` address). Both keep the same tables under the same
/// migrations, and every change is one transaction, so a crash loses nothing that was saved. Contracts and decisions
/// carry a version: a save names the version it read, and a save over someone else's change (from another tab, or
/// through another server) is refused with a `conflict` ``ToolkitError`` instead of overwriting it.
public final class Workspace: Sendable {
    let store: any WorkspaceStore

    init(store: any WorkspaceStore) { self.store = store }

    /// Opens (creating when missing) the SQLite workspace at `path`, checks it is whole and brings its schema up to
    /// date.
    /// - Throws: a ``ToolkitError`` for a file that is not an SQLite database, is damaged, is from a newer svtk, or
    ///   that svtk may not read and write (naming the permission missing).
    public convenience init(path: String) throws {
        self.init(store: try SQLiteStore(path: path))
    }

    /// A workspace in memory, gone when released (tests).
    /// - Throws: a GRDB `DatabaseError` when SQLite cannot make the in-memory database or its schema.
    public convenience init() throws {
        self.init(store: try SQLiteStore())
    }

    /// Opens the workspace at `location`: a PostgreSQL database when it is a `postgres://` or `postgresql://`
    /// address (``PostgresAddress``), otherwise the SQLite file at that path. Either is created when missing and
    /// brought up to date.
    /// - Throws: a ``ToolkitError`` naming the file or the address (without its password) and what is wrong.
    public static func open(_ location: String) async throws -> Workspace {
        guard PostgresAddress.isAddress(location) else { return try Workspace(path: location) }
        return Workspace(store: try await PostgresStore(address: try PostgresAddress(location)))
    }

    /// The workspace's secret, from which its server derives forms' security tokens: 32 random bytes made with the
    /// workspace, the same for every server over it.
    /// - Throws: the store's error when it cannot be read.
    public func serverSecret() async throws -> [UInt8] { try await store.serverSecret() }

    // MARK: Contracts

    /// Every contract, newest first.
    /// - Throws: the store's error when it cannot be read, or a decoding error for a row it cannot decode.
    public func contracts() async throws -> [SavedContract] { try await store.contracts() }

    /// - Throws: a `notFound` ``ToolkitError``.
    public func contract(_ id: Int64) async throws -> SavedContract {
        guard let contract = try await store.contract(id) else {
            throw ToolkitError.missingFromWorkspace("contract \(id)")
        }
        return contract
    }

    /// Saves a new contract as version 1 and, where `recommendation` makes one for it, its first recommendation,
    /// in one transaction: both are saved, or neither.
    /// - Throws: the store's error when the write fails; `EncodingError` for a number JSON cannot hold.
    public func addContract(
        _ profile: ContractProfile, at date: Date = Date(),
        recommendation: (@Sendable (SavedContract) -> RecommendationSnapshot)? = nil
    ) async throws -> SavedContract {
        try await store.addContract(profile, at: date, recommendation: recommendation)
    }

    /// Saves an edit of a contract read at `version`, keeping the previous profile in its history, and, where
    /// `recommendation` makes one for it, its new recommendation, in one transaction.
    /// - Throws: a `conflict` ``ToolkitError`` when it was saved since, a `notFound` ``ToolkitError``.
    public func updateContract(
        _ id: Int64, profile: ContractProfile, readVersion version: Int, at date: Date = Date(),
        recommendation: (@Sendable (SavedContract) -> RecommendationSnapshot)? = nil
    ) async throws -> SavedContract {
        try await store.updateContract(
            id, profile: profile, readVersion: version, at: date, recommendation: recommendation)
    }

    /// A contract with the id of its latest recommendation and its decisions, read at once (what its page shows).
    /// - Throws: a `notFound` ``ToolkitError``.
    public func state(of id: Int64) async throws -> ContractState { try await store.state(of: id) }

    /// The contract's saved versions, oldest first.
    /// - Throws: the store's error when it cannot be read, or a decoding error for a row it cannot decode.
    public func revisions(of contract: Int64) async throws -> [ContractRevision] {
        try await store.revisions(of: contract)
    }

    // MARK: Snapshots

    /// Saves a recommendation as it was made.
    /// - Throws: the store's error (an unknown contract, a failed write); `EncodingError` for a non-finite number.
    public func save(_ snapshot: RecommendationSnapshot) async throws -> RecommendationSnapshot {
        try await store.insert(snapshot)
    }

    /// The contract's latest recommendation, if it has one.
    /// - Throws: the store's error when it cannot be read, or a decoding error for a row it cannot decode.
    public func latestSnapshot(of contract: Int64) async throws -> RecommendationSnapshot? {
        try await store.latestSnapshot(of: contract)
    }

    /// A line per recommendation of a contract, newest first, without the recommendations themselves (read
    /// from their JSON inside the database): when, for which version, how many measures, the total SLEVA, the inputs.
    /// - Throws: the store's error when it cannot be read.
    public func snapshotSummaries(of contract: Int64) async throws -> [SnapshotSummary] {
        try await store.snapshotSummaries(of: contract)
    }

    /// - Throws: a `notFound` ``ToolkitError``.
    public func snapshot(_ id: Int64) async throws -> RecommendationSnapshot {
        guard let snapshot = try await store.snapshot(id) else {
            throw ToolkitError.missingFromWorkspace("recommendation \(id)")
        }
        return snapshot
    }

    /// Every snapshot's id, contract and date, newest first, for choosing two to compare.
    /// - Throws: the store's error when it cannot be read.
    public func snapshotIndex() async throws -> [SnapshotEntry] { try await store.snapshotIndex() }

    // MARK: Decisions

    /// The commissioner's decisions on a contract's measures.
    /// - Throws: the store's error when it cannot be read, or a decoding error for a row it cannot decode.
    public func decisions(for contract: Int64) async throws -> [SavedDecision] {
        try await store.decisions(for: contract)
    }

    /// Records a decision on a measure, read at `version` (0 when it had none).
    /// - Throws: a `conflict` ``ToolkitError`` when another decision was saved since, a `notFound` one for a
    ///   contract there is not.
    public func decide(
        _ decision: CommissionerDecision, contract: Int64, readVersion version: Int, at date: Date = Date()
    ) async throws -> SavedDecision {
        try await store.decide(decision, contract: contract, readVersion: version, at: date)
    }

    // MARK: Offers and returns

    /// Saves uploaded offers with their evaluation.
    /// - Throws: the store's error (an unknown contract, a failed write); `EncodingError` for a non-finite number.
    public func save(_ offers: SavedOffers) async throws -> SavedOffers { try await store.insert(offers) }

    /// The contract's latest offers, if any were uploaded.
    /// - Throws: the store's error when it cannot be read, or a decoding error for a row it cannot decode.
    public func latestOffers(for contract: Int64) async throws -> SavedOffers? {
        try await store.latestOffers(for: contract)
    }

    /// Saves uploaded commitments and returns with their monitoring.
    /// - Throws: the store's error (an unknown contract, a failed write); `EncodingError` for a non-finite number.
    public func save(_ returns: SavedReturns) async throws -> SavedReturns {
        try await save(returns, evidence: [])
    }

    /// The contract's latest returns, if any were uploaded.
    /// - Throws: the store's error when it cannot be read, or a decoding error for a row it cannot decode.
    public func latestReturns(for contract: Int64) async throws -> SavedReturns? {
        try await store.latestReturns(for: contract)
    }

    // MARK: The audit trail

    /// Every change to the contract (to the whole workspace, when nil), oldest first: who, when, what, before and
    /// after. Each was kept in the transaction of the change itself.
    /// - Throws: the store's error when it cannot be read.
    public func auditTrail(of contract: Int64? = nil) async throws -> [AuditEntry] {
        try await store.auditTrail(of: contract)
    }

    // MARK: Archives

    /// Everything in the workspace as an archive: its contracts and all that hangs on them, and, when
    /// `withAccounts`, its accounts (with their bcrypt hashes) and their assigned contracts. Sessions, the audit
    /// trail and the server's secret stay behind.
    /// - Throws: the store's error when it cannot be read, or a decoding error for a row it cannot decode.
    public func export(withAccounts: Bool = false) async throws -> WorkspaceArchive {
        try await store.export(withAccounts: withAccounts)
    }

    /// Loads an archive into this workspace in one transaction: all of it or none. The workspace must be empty
    /// unless `replacing`, when everything in it is replaced (its accounts too, where the archive carries accounts;
    /// otherwise they are kept).
    /// - Throws: a ``ToolkitError`` when the workspace holds contracts already (and is not being replaced) or the
    ///   archive's rows contradict each other (a decision on a contract it does not hold).
    public func importArchive(_ archive: WorkspaceArchive, replacing: Bool = false) async throws {
        try await store.importArchive(archive, replacing: replacing)
    }
}
