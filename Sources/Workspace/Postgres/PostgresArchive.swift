import Core
import Foundation
import Logging
import PostgresNIO

/// A shared workspace's rows as an archive, and an archive's rows into a shared workspace: the same archive as a
/// SQLite workspace's, so `svtk workspace export` and `import` move a workspace between the two.
extension PostgresStore {
    /// Reads every table in one snapshot of the database, so the archive's rows fit together.
    func export(withAccounts: Bool) async throws -> WorkspaceArchive {
        try await transaction { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            var archive = WorkspaceArchive(
                format: WorkspaceArchive.formatName, version: WorkspaceArchive.currentVersion,
                contracts: try await records(SavedContract.self, on: connection),
                revisions: try await records(ContractRevision.self, on: connection),
                snapshots: try await records(RecommendationSnapshot.self, on: connection),
                decisions: try await records(SavedDecision.self, on: connection),
                offers: try await records(SavedOffers.self, on: connection),
                returns: try await records(SavedReturns.self, on: connection))
            archive.carry(
                tenders: try await records(Tender.self, on: connection),
                offers: try await records(SupplierOffer.self, on: connection),
                evidence: try await records(EvidenceFile.self, on: connection))
            if withAccounts { archive.accounts = try await archivedAccounts(on: connection) }
            return archive
        }
    }

    /// Every account with its assigned contracts.
    private func archivedAccounts(on connection: PostgresConnection) async throws -> [ArchivedAccount] {
        var archived: [ArchivedAccount] = []
        for account in try await records(Account.self, on: connection) {
            var assigned: [Int64] = []
            for try await contract in try await connection.query(
                "SELECT \"contractId\" FROM \"contractAssignment\" WHERE \"accountId\" = \(account.id) ORDER BY 1",
                logger: logger
            ).decode(Int64.self) {
                assigned.append(contract)
            }
            archived.append(ArchivedAccount(account: account, assignedContracts: assigned))
        }
        return archived
    }

    /// Loads the archive's rows with their ids in one transaction, then moves each table's id sequence past them.
    func importArchive(_ archive: WorkspaceArchive, replacing: Bool) async throws {
        try await transaction { connection in
            try await connection.query("LOCK TABLE contract IN EXCLUSIVE MODE", logger: logger)
            if replacing { try await connection.query("DELETE FROM contract", logger: logger) }
            var held = 0
            for try await count in try await connection.query("SELECT count(*) FROM contract", logger: logger)
                .decode(Int.self)
            {
                held = count
            }
            guard held == 0 else { throw ToolkitError.workspaceNotEmpty }
            do {
                try await insertAll(archive.contracts, on: connection)
                try await insertAll(archive.revisions, on: connection)
                try await insertAll(archive.snapshots, on: connection)
                try await insertAll(archive.decisions, on: connection)
                try await insertAll(archive.offers, on: connection)
                try await insertAll(archive.returns, on: connection)
                try await insertAll(archive.tenders ?? [], on: connection)
                try await insertAll(archive.supplierOffers ?? [], on: connection)
                try await insertAll(archive.evidenceFiles ?? [], on: connection)
                try await insert(archive.accounts, replacing: replacing, on: connection)
                for entry in try AuditEntry.archiveImported(archive, replacing: replacing, at: Date()) {
                    try await audit(entry, on: connection)
                }
            } catch let error as PSQLError {
                throw ToolkitError.badArchive(nil, "the archive's rows do not fit together: \(Self.reason(error))")
            }
        }
    }

    /// Loads an archive's accounts with their assignments; where it carries any, the workspace's own are replaced
    /// when `replacing`, and must otherwise be none.
    private func insert(_ accounts: [ArchivedAccount]?, replacing: Bool, on connection: PostgresConnection)
        async throws
    {
        guard let accounts else { return }
        if replacing { try await connection.query("DELETE FROM account", logger: logger) }
        for try await held in try await connection.query("SELECT count(*) FROM account", logger: logger)
            .decode(Int.self) where held > 0
        {
            throw ToolkitError.workspaceHasAccounts
        }
        try await insertAll(accounts.map(\.account), on: connection)
        for archived in accounts {
            for contract in archived.assignedContracts {
                try await connection.query(
                    """
                    INSERT INTO "contractAssignment" ("contractId", "accountId")
                    VALUES (\(contract), \(archived.account.id))
                    """, logger: logger)
            }
        }
    }

    /// Inserts the rows as they are, ids included, and sets the table's sequence to follow the highest id.
    private func insertAll<Record: PostgresRecord>(_ rows: [Record], on connection: PostgresConnection) async throws {
        for row in rows { _ = try await row.inserted(on: connection, logger: logger) }
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT setval(pg_get_serial_sequence('\(Record.table)', 'id'), COALESCE(MAX(id), 0) + 1, false)
                    FROM \(Record.table)
                    """), logger: logger)
    }
}
