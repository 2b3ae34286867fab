import Core
import Foundation
import Logging
import PostgresNIO
import Recommender

/// A workspace record as read from a row of its PostgreSQL table: the columns read, the row decoded.
protocol PostgresReadable: Sendable {
    /// The table, quoted where its name has capitals.
    static var table: String { get }
    /// The columns read, in the order ``init(row:)`` decodes them, JSON columns as text.
    static var selection: String { get }
    /// The record from a row of ``selection``.
    init(row: PostgresRow) throws
}

/// A workspace record as a row of its PostgreSQL table, read and inserted (with the id it carries, as an archive's
/// rows do, or a new one).
protocol PostgresRecord: PostgresReadable {
    /// Inserts the record and returns it with its id.
    func inserted(on connection: PostgresConnection, logger: Logger) async throws -> Self
}

/// JSON as a workspace keeps it in its `json` columns, with GRDB's choices for SQLite's JSON columns (dates in
/// milliseconds since 1970, data in Base64, keys sorted), so both stores hold the same text.
enum StoredJSON {
    /// The value as JSON text.
    /// - Throws: `EncodingError` for a number JSON cannot hold.
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.dataEncodingStrategy = .base64
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The value read from JSON text.
    /// - Throws: `DecodingError` when the text does not hold one.
    static func value<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        decoder.dataDecodingStrategy = .base64
        return try decoder.decode(type, from: Data(text.utf8))
    }
}

extension PostgresConnection {
    /// The id a row inserted with `RETURNING id` was given.
    /// - Throws: PostgreSQL's error when the insert fails.
    func insertedID(_ query: PostgresQuery, logger: Logger) async throws -> Int64 {
        for try await id in try await self.query(query, logger: logger).decode(Int64.self) { return id }
        throw ToolkitError(.cannotWrite, "PostgreSQL gave no id for the row inserted")
    }
}

/// The id given where a record has none: the table's next.
func idOrNext(_ table: String) -> String { "nextval(pg_get_serial_sequence('\(table)', 'id'))" }

extension SavedContract: PostgresRecord {
    static let table = "contract"
    static let selection = "id, title, profile::text, version, \"createdAt\", \"updatedAt\""

    init(row: PostgresRow) throws {
        let (id, title, profile, version, created, updated) = try row.decode(
            (Int64, String, String, Int, Date, Date).self)
        self.init(
            id: id, title: title, profile: try StoredJSON.value(ContractProfile.self, from: profile), version: version,
            createdAt: created, updatedAt: updated)
    }

    func inserted(on connection: PostgresConnection, logger: Logger) async throws -> SavedContract {
        let profileJSON = try StoredJSON.text(profile)
        var saved = self
        saved.id = try await connection.insertedID(
            """
            INSERT INTO contract (id, title, profile, version, "createdAt", "updatedAt")
            VALUES (COALESCE(\(id), \(unescaped: idOrNext(Self.table))), \(title), \(profileJSON)::json,
                    \(version), \(createdAt), \(updatedAt)) RETURNING id
            """, logger: logger)
        return saved
    }
}

extension ContractRevision: PostgresRecord {
    static let table = "\"contractRevision\""
    static let selection = "id, \"contractId\", version, profile::text, \"savedAt\""

    init(row: PostgresRow) throws {
        let (id, contract, version, profile, saved) = try row.decode((Int64, Int64, Int, String, Date).self)
        self.init(
            id: id, contractId: contract, version: version,
            profile: try StoredJSON.value(ContractProfile.self, from: profile), savedAt: saved)
    }

    func inserted(on connection: PostgresConnection, logger: Logger) async throws -> ContractRevision {
        let profileJSON = try StoredJSON.text(profile)
        var saved = self
        saved.id = try await connection.insertedID(
            """
            INSERT INTO "contractRevision" (id, "contractId", version, profile, "savedAt")
            VALUES (COALESCE(\(id), \(unescaped: idOrNext(Self.table))), \(contractId), \(version),
                    \(profileJSON)::json, \(savedAt)) RETURNING id
            """, logger: logger)
        return saved
    }
}

extension RecommendationSnapshot: PostgresRecord {
    static let table = "snapshot"
    static let selection = """
        id, "contractId", "contractVersion", "createdAt", inputs::text, catalogue, policy, toolkit, recommendation::text
        """

    init(row: PostgresRow) throws {
        let (id, contract, version, created, inputs, catalogue, policy, toolkit, recommendation) = try row.decode(
            (Int64, Int64, Int, Date, String, String, String, String, String).self)
        self.init(
            contractId: contract, contractVersion: version, createdAt: created,
            inputs: try StoredJSON.value([String].self, from: inputs), catalogue: catalogue, policy: policy,
            toolkit: toolkit, recommendation: try StoredJSON.value(Recommendation.self, from: recommendation))
        self.id = id
    }

    func inserted(on connection: PostgresConnection, logger: Logger) async throws -> RecommendationSnapshot {
        let inputsJSON = try StoredJSON.text(inputs)
        let recommendationJSON = try StoredJSON.text(recommendation)
        var saved = self
        saved.id = try await connection.insertedID(
            """
            INSERT INTO snapshot (id, "contractId", "contractVersion", "createdAt", inputs, catalogue, policy, toolkit,
                                  recommendation)
            VALUES (COALESCE(\(id), \(unescaped: idOrNext(Self.table))), \(contractId), \(contractVersion),
                    \(createdAt), \(inputsJSON)::json, \(catalogue), \(policy), \(toolkit),
                    \(recommendationJSON)::json) RETURNING id
            """, logger: logger)
        return saved
    }
}

extension SavedDecision: PostgresRecord {
    static let table = "decision"
    static let selection = "id, \"contractId\", measure, action, target, reason, version, \"decidedAt\""

    init(row: PostgresRow) throws {
        let (id, contract, measure, action, target, reason, version, decided) = try row.decode(
            (Int64, Int64, String, String, Double?, String, Int, Date).self)
        guard let action = CommissionerDecision.Action(rawValue: action) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no action \"\(action)\""))
        }
        self.init(
            id: id, contractId: contract, measure: measure, action: action, target: target, reason: reason,
            version: version, decidedAt: decided)
    }

    func inserted(on connection: PostgresConnection, logger: Logger) async throws -> SavedDecision {
        var saved = self
        saved.id = try await connection.insertedID(
            """
            INSERT INTO decision (id, "contractId", measure, action, target, reason, version, "decidedAt")
            VALUES (COALESCE(\(id), \(unescaped: idOrNext(Self.table))), \(contractId), \(measure), \(action.rawValue),
                    \(target), \(reason), \(version), \(decidedAt)) RETURNING id
            """, logger: logger)
        return saved
    }
}

extension SavedOffers: PostgresRecord {
    static let table = "offers"
    static let selection = "id, \"contractId\", \"fileName\", csv, evaluation::text, \"uploadedAt\""

    init(row: PostgresRow) throws {
        let (id, contract, name, csv, evaluation, uploaded) = try row.decode(
            (Int64, Int64, String, Data, String, Date).self)
        self.init(
            contractId: contract, fileName: name, csv: csv,
            evaluation: try StoredJSON.value(BidEvaluation.self, from: evaluation), uploadedAt: uploaded)
        self.id = id
    }

    func inserted(on connection: PostgresConnection, logger: Logger) async throws -> SavedOffers {
        let evaluationJSON = try StoredJSON.text(evaluation)
        var saved = self
        saved.id = try await connection.insertedID(
            """
            INSERT INTO offers (id, "contractId", "fileName", csv, evaluation, "uploadedAt")
            VALUES (COALESCE(\(id), \(unescaped: idOrNext(Self.table))), \(contractId), \(fileName), \(csv),
                    \(evaluationJSON)::json, \(uploadedAt)) RETURNING id
            """, logger: logger)
        return saved
    }
}

extension SavedReturns: PostgresRecord {
    static let table = "returns"
    static let selection = """
        id, "contractId", "commitmentsName", commitments, "returnsName", returns, monitoring::text, "uploadedAt"
        """

    init(row: PostgresRow) throws {
        let (id, contract, commitmentsName, commitments, returnsName, returns, monitoring, uploaded) = try row.decode(
            (Int64, Int64, String, Data, String, Data, String, Date).self)
        self.init(
            contractId: contract, commitmentsName: commitmentsName, commitments: commitments, returnsName: returnsName,
            returns: returns, monitoring: try StoredJSON.value(DeliveryMonitoring.self, from: monitoring),
            uploadedAt: uploaded)
        self.id = id
    }

    func inserted(on connection: PostgresConnection, logger: Logger) async throws -> SavedReturns {
        let monitoringJSON = try StoredJSON.text(monitoring)
        var saved = self
        saved.id = try await connection.insertedID(
            """
            INSERT INTO returns (id, "contractId", "commitmentsName", commitments, "returnsName", returns, monitoring,
                                 "uploadedAt")
            VALUES (COALESCE(\(id), \(unescaped: idOrNext(Self.table))), \(contractId), \(commitmentsName),
                    \(commitments), \(returnsName), \(returns), \(monitoringJSON)::json,
                    \(uploadedAt)) RETURNING id
            """, logger: logger)
        return saved
    }
}
