import Core
import Foundation
import Logging
import PostgresNIO
import Recommender

/// A shared workspace's tenders, suppliers' offers and evidence files. A change locks its contract's row first
/// (`FOR UPDATE`), so servers saving the same tender or offer take turns and the second sees the first's version.
extension PostgresStore: TenderStore {
    func insert(_ tender: Tender) async throws -> Tender {
        try await transaction { connection in
            guard try await locked(tender.contractId, on: connection) != nil else {
                throw ToolkitError.missingFromWorkspace("contract \(tender.contractId)")
            }
            guard try await records(Tender.self, where: "\"contractId\" = \(tender.contractId)", on: connection).isEmpty
            else { throw ToolkitError.alreadyTendered(tender.contractId) }
            let saved = try await tender.inserted(on: connection, logger: logger)
            try await audit(.tenderPublished(saved), on: connection)
            return saved
        }
    }

    func tenders() async throws -> [Tender] { try await records(Tender.self, order: "id DESC") }

    func tender(for contract: Int64) async throws -> Tender? {
        try await records(Tender.self, where: "\"contractId\" = \(contract)").first
    }

    func tenderVersion(for contract: Int64) async throws -> Int? {
        for try await version in try await client.query(
            "SELECT version FROM tender WHERE \"contractId\" = \(contract)", logger: logger
        ).decode(Int.self) {
            return version
        }
        return nil
    }

    func update(_ tender: Tender, readVersion version: Int, what: String, evaluation: SavedOffers?, at date: Date)
        async throws -> Tender
    {
        try await transaction { connection in
            _ = try await locked(tender.contractId, on: connection)
            let stored = try await records(Tender.self, where: "\"contractId\" = \(tender.contractId)", on: connection)
                .first
            var saved = try tender.saved(over: stored, readVersion: version)
            if let evaluation {
                let kept = try await evaluation.inserted(on: connection, logger: logger)
                try await audit(.offersUploaded(kept), on: connection)
                saved.evaluationId = kept.id
            }
            try await connection.query("DELETE FROM tender WHERE id = \(saved.id)", logger: logger)
            let kept = try await saved.inserted(on: connection, logger: logger)
            try await audit(.tenderChanged(from: stored!, to: kept, what: what, at: date), on: connection)
            return kept
        }
    }

    func offersEvaluation(_ id: Int64) async throws -> SavedOffers? {
        try await records(SavedOffers.self, where: "id = \(id)").first
    }

    func offers(for contract: Int64) async throws -> [SupplierOffer] {
        try await records(SupplierOffer.self, where: "\"contractId\" = \(contract)", order: "supplier COLLATE \"C\"")
    }

    func offer(for contract: Int64, supplier: String) async throws -> SupplierOffer? {
        try await records(SupplierOffer.self, where: "\"contractId\" = \(contract) AND supplier = \(supplier)").first
    }

    /// Locks only the supplier's own offer (`FOR UPDATE`), so suppliers saving at once do not wait for each other
    /// or for the contract's decisions; two first saves of one offer meet at its unique key, and the second is
    /// refused as a conflict.
    func save(_ offer: SupplierOffer, readVersion version: Int, at date: Date) async throws -> SupplierOffer {
        do {
            return try await savedOffer(offer, readVersion: version, at: date)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw ToolkitError.conflict(what: "Your offer", read: version, now: version + 1)
        }
    }

    private func savedOffer(_ offer: SupplierOffer, readVersion version: Int, at date: Date) async throws
        -> SupplierOffer
    {
        try await transaction { connection in
            let existing = try await records(
                SupplierOffer.self, where: "\"contractId\" = \(offer.contractId) AND supplier = \(offer.supplier)",
                order: "id FOR UPDATE", on: connection
            ).first
            let tender = try await records(Tender.self, where: "\"contractId\" = \(offer.contractId)", on: connection)
                .first
            let saved = try offer.saved(over: existing, tender: tender, readVersion: version, at: date)
            if existing != nil {
                try await connection.query("DELETE FROM \"supplierOffer\" WHERE id = \(saved.id)", logger: logger)
            }
            let kept = try await saved.inserted(on: connection, logger: logger)
            try await audit(.offerSaved(from: existing, to: kept), on: connection)
            return kept
        }
    }

    func evidence(_ id: Int64) async throws -> EvidenceFile? {
        try await records(EvidenceFile.self, where: "id = \(id)").first
    }

    func evidenceList(for contract: Int64) async throws -> [EvidenceFile] {
        try await records(EvidenceFile.Listed.self, where: "\"contractId\" = \(contract)").map(\.file)
    }
}

extension Tender: PostgresRecord {
    static let table = "tender"
    static let selection = """
        id, "contractId", "snapshotId", recommendation::text, guide::text, method, deadline, "publishedAt", \
        "publishedBy", marks::text, "evaluationId", "awardedAt", version
        """

    init(row: PostgresRow) throws {
        let (id, contract, snapshot, recommendation, guide, method, deadline, published, by, marks, evaluation) =
            try row.decode((Int64, Int64, Int64?, String, String, String, Date, Date, String, String, Int64?).self)
        let cells = row.makeRandomAccess()
        let (awarded, version) = (try cells[11].decode(Date?.self), try cells[12].decode(Int.self))
        self.init(
            contractId: contract, snapshotId: snapshot,
            recommendation: try StoredJSON.value(Recommendation.self, from: recommendation),
            guide: try StoredJSON.value(OfferGuide.self, from: guide), method: method, deadline: deadline,
            publishedAt: published, publishedBy: by)
        (self.id, self.marks, self.evaluationId) = (
            id, try StoredJSON.value([String: Double].self, from: marks), evaluation
        )
        (self.awardedAt, self.version) = (awarded, version)
    }

    func inserted(on connection: PostgresConnection, logger: Logger) async throws -> Tender {
        let (recommendationJSON, guideJSON, marksJSON) = (
            try StoredJSON.text(recommendation), try StoredJSON.text(guide), try StoredJSON.text(marks)
        )
        var saved = self
        saved.id = try await connection.insertedID(
            """
            INSERT INTO tender (id, "contractId", "snapshotId", recommendation, guide, method, deadline, "publishedAt",
                                "publishedBy", marks, "evaluationId", "awardedAt", version)
            VALUES (COALESCE(\(id), \(unescaped: idOrNext(Self.table))), \(contractId), \(snapshotId),
                    \(recommendationJSON)::json, \(guideJSON)::json, \(method), \(deadline), \(publishedAt),
                    \(publishedBy), \(marksJSON)::json, \(evaluationId), \(awardedAt), \(version)) RETURNING id
            """, logger: logger)
        return saved
    }
}

extension SupplierOffer: PostgresRecord {
    static let table = "\"supplierOffer\""
    static let selection = """
        id, "contractId", supplier, "supplierName", lines::text, statement, "submittedAt", "updatedAt", version
        """

    init(row: PostgresRow) throws {
        let (id, contract, supplier, name, lines, statement, submitted, updated, version) = try row.decode(
            (Int64, Int64, String, String, String, String, Date?, Date, Int).self)
        self.init(
            contractId: contract, supplier: supplier, supplierName: name,
            lines: try StoredJSON.value([Line].self, from: lines), statement: statement)
        (self.id, self.submittedAt, self.updatedAt, self.version) = (id, submitted, updated, version)
    }

    func inserted(on connection: PostgresConnection, logger: Logger) async throws -> SupplierOffer {
        let linesJSON = try StoredJSON.text(lines)
        var saved = self
        saved.id = try await connection.insertedID(
            """
            INSERT INTO "supplierOffer" (id, "contractId", supplier, "supplierName", lines, statement, "submittedAt",
                                         "updatedAt", version)
            VALUES (COALESCE(\(id), \(unescaped: idOrNext(Self.table))), \(contractId), \(supplier), \(supplierName),
                    \(linesJSON)::json, \(statement), \(submittedAt), \(updatedAt), \(version)) RETURNING id
            """, logger: logger)
        return saved
    }
}

extension EvidenceFile: PostgresRecord {
    static let table = "\"evidenceFile\""
    static let selection = """
        id, "contractId", quarter, measure, "fileName", content, bytes, sha256, "uploadedBy", "uploadedAt"
        """

    init(row: PostgresRow) throws {
        let (id, contract, quarter, measure, name, content, bytes, sha256, by, at) = try row.decode(
            (Int64, Int64, Int, String, String, Data, Int, String, String, Date).self)
        self.init(
            contractId: contract, quarter: quarter, measure: measure, fileName: name, content: content,
            uploadedBy: by, uploadedAt: at)
        (self.id, self.bytes, self.sha256) = (id, bytes, sha256)
    }

    func inserted(on connection: PostgresConnection, logger: Logger) async throws -> EvidenceFile {
        var saved = self
        saved.id = try await connection.insertedID(
            """
            INSERT INTO "evidenceFile" (id, "contractId", quarter, measure, "fileName", content, bytes, sha256,
                                        "uploadedBy", "uploadedAt")
            VALUES (COALESCE(\(id), \(unescaped: idOrNext(Self.table))), \(contractId), \(quarter), \(measure),
                    \(fileName), \(content), \(bytes), \(sha256), \(uploadedBy), \(uploadedAt)) RETURNING id
            """, logger: logger)
        return saved
    }

    /// An evidence file listed without its bytes.
    struct Listed: PostgresReadable {
        static let table = EvidenceFile.table
        static let selection = EvidenceFile.selection.replacingOccurrences(of: "content,", with: "''::bytea,")
        /// The file, its bytes empty.
        let file: EvidenceFile
        init(row: PostgresRow) throws { file = try EvidenceFile(row: row) }
    }
}
