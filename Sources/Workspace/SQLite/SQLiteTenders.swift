import Core
import Foundation
import GRDB

/// A SQLite workspace's tenders, suppliers' offers and evidence files.
extension SQLiteStore: TenderStore {
    func insert(_ tender: Tender) async throws -> Tender {
        try await database.write { db in
            guard try Tender.filter(Tender.Columns.contractId == tender.contractId).fetchCount(db) == 0 else {
                throw ToolkitError.alreadyTendered(tender.contractId)
            }
            var saved = tender
            try saved.insert(db)
            try Self.audit(.tenderPublished(saved), db)
            return saved
        }
    }

    func tenders() async throws -> [Tender] {
        try await database.read { try Tender.order(Tender.Columns.id.desc).fetchAll($0) }
    }

    func tender(for contract: Int64) async throws -> Tender? {
        try await database.read { try Tender.filter(Tender.Columns.contractId == contract).fetchOne($0) }
    }

    func tenderVersion(for contract: Int64) async throws -> Int? {
        try await database.read {
            try Int.fetchOne($0, sql: "SELECT version FROM tender WHERE contractId = ?", arguments: [contract])
        }
    }

    func update(_ tender: Tender, readVersion version: Int, what: String, evaluation: SavedOffers?, at date: Date)
        async throws -> Tender
    {
        try await database.write { db in
            let stored = try Tender.filter(Tender.Columns.contractId == tender.contractId).fetchOne(db)
            var saved = try tender.saved(over: stored, readVersion: version)
            if var evaluation {
                try evaluation.insert(db)
                try Self.audit(.offersUploaded(evaluation), db)
                saved.evaluationId = evaluation.id
            }
            try saved.update(db)
            try Self.audit(.tenderChanged(from: stored!, to: saved, what: what, at: date), db)
            return saved
        }
    }

    func offersEvaluation(_ id: Int64) async throws -> SavedOffers? {
        try await database.read { try SavedOffers.fetchOne($0, key: id) }
    }

    func offers(for contract: Int64) async throws -> [SupplierOffer] {
        try await database.read {
            try SupplierOffer.filter(SupplierOffer.Columns.contractId == contract).order(SupplierOffer.Columns.supplier)
                .fetchAll($0)
        }
    }

    func offer(for contract: Int64, supplier: String) async throws -> SupplierOffer? {
        try await database.read { try Self.offer(for: contract, supplier: supplier, $0) }
    }

    func save(_ offer: SupplierOffer, readVersion version: Int, at date: Date) async throws -> SupplierOffer {
        try await database.write { db in
            let existing = try Self.offer(for: offer.contractId, supplier: offer.supplier, db)
            let tender = try Tender.filter(Tender.Columns.contractId == offer.contractId).fetchOne(db)
            var saved = try offer.saved(over: existing, tender: tender, readVersion: version, at: date)
            try saved.save(db)
            try Self.audit(.offerSaved(from: existing, to: saved), db)
            return saved
        }
    }

    private static func offer(for contract: Int64, supplier: String, _ db: Database) throws -> SupplierOffer? {
        try SupplierOffer.filter(
            SupplierOffer.Columns.contractId == contract && SupplierOffer.Columns.supplier == supplier
        ).fetchOne(db)
    }

    func evidence(_ id: Int64) async throws -> EvidenceFile? {
        try await database.read { try EvidenceFile.fetchOne($0, key: id) }
    }

    func evidenceList(for contract: Int64) async throws -> [EvidenceFile] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, contractId, quarter, measure, fileName, X'' AS content, bytes, sha256, uploadedBy,
                           uploadedAt FROM evidenceFile WHERE contractId = ? ORDER BY id
                    """, arguments: [contract]
            ).map { try EvidenceFile(row: $0) }
        }
    }
}
