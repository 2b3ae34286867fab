import Core
import Foundation
import GRDB

/// A SQLite workspace's rows as an archive, and an archive's rows into a SQLite workspace.
extension SQLiteStore {
    func export(withAccounts: Bool) async throws -> WorkspaceArchive {
        try await database.read { db in
            var archive = WorkspaceArchive(
                format: WorkspaceArchive.formatName, version: WorkspaceArchive.currentVersion,
                contracts: try SavedContract.order(SavedContract.Columns.id).fetchAll(db),
                revisions: try ContractRevision.order(ContractRevision.Columns.id).fetchAll(db),
                snapshots: try RecommendationSnapshot.order(RecommendationSnapshot.Columns.id).fetchAll(db),
                decisions: try SavedDecision.order(SavedDecision.Columns.id).fetchAll(db),
                offers: try SavedOffers.order(SavedOffers.Columns.id).fetchAll(db),
                returns: try SavedReturns.order(SavedReturns.Columns.id).fetchAll(db))
            archive.carry(
                tenders: try Tender.order(Tender.Columns.id).fetchAll(db),
                offers: try SupplierOffer.order(SupplierOffer.Columns.id).fetchAll(db),
                evidence: try EvidenceFile.order(EvidenceFile.Columns.id).fetchAll(db))
            if withAccounts {
                archive.accounts = try Account.order(Column("id")).fetchAll(db).map { account in
                    ArchivedAccount(
                        account: account,
                        assignedContracts: try Int64.fetchAll(
                            db, sql: "SELECT contractId FROM contractAssignment WHERE accountId = ? ORDER BY 1",
                            arguments: [account.id]))
                }
            }
            return archive
        }
    }

    func importArchive(_ archive: WorkspaceArchive, replacing: Bool) async throws {
        try await database.write { db in
            if replacing { try SavedContract.deleteAll(db) }  // the other tables' rows go with their contracts
            guard try SavedContract.fetchCount(db) == 0 else {
                throw ToolkitError.workspaceNotEmpty
            }
            do {
                for var row in archive.contracts { try row.insert(db) }
                for var row in archive.revisions { try row.insert(db) }
                for var row in archive.snapshots { try row.insert(db) }
                for var row in archive.decisions { try row.insert(db) }
                for var row in archive.offers { try row.insert(db) }
                for var row in archive.returns { try row.insert(db) }
                for var row in archive.tenders ?? [] { try row.insert(db) }
                for var row in archive.supplierOffers ?? [] { try row.insert(db) }
                for var row in archive.evidenceFiles ?? [] { try row.insert(db) }
                try Self.insert(archive.accounts, replacing: replacing, db)
                for entry in try AuditEntry.archiveImported(archive, replacing: replacing, at: Date()) {
                    try Self.audit(entry, db)
                }
            } catch let error as DatabaseError {
                throw ToolkitError.badArchive(
                    nil, "the archive's rows do not fit together: \(error.message ?? error.description)")
            }
        }
    }

    /// Loads an archive's accounts with their assignments; where it carries any, the workspace's own are replaced
    /// when `replacing`, and must otherwise be none.
    private static func insert(_ accounts: [ArchivedAccount]?, replacing: Bool, _ db: Database) throws {
        guard let accounts else { return }
        if replacing { try Account.deleteAll(db) }  // their sessions and assignments go with them
        guard try Account.fetchCount(db) == 0 else { throw ToolkitError.workspaceHasAccounts }
        for archived in accounts {
            var account = archived.account
            try account.insert(db)
            for contract in archived.assignedContracts {
                try db.execute(
                    sql: "INSERT INTO contractAssignment (contractId, accountId) VALUES (?, ?)",
                    arguments: [contract, account.id])
            }
        }
    }
}
