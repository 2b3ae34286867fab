import Foundation
import PostgresNIO
import Testing
import Workspace

/// The stores the workspace and web tests run against: SQLite always, and PostgreSQL where a server was started
/// for the tests (`make test` starts one: scripts/with-postgres.sh sets `SVTK_TEST_POSTGRES`).
public enum TestStore: String, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The test server's address (its `postgres` database, as a user that may create databases), if one runs.
    public static let postgresAddress = ProcessInfo.processInfo.environment["SVTK_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// What a skipped PostgreSQL test says.
    public static let skipMessage: Comment =
        "no PostgreSQL server for the tests (SVTK_TEST_POSTGRES unset; make test starts one): PostgreSQL skipped"

    /// SQLite, and PostgreSQL when its server runs.
    public static let available: [TestStore] = postgresAddress == nil ? [.sqlite] : [.sqlite, .postgres]

    /// The store's name, as a test case shows it.
    public var testDescription: String { rawValue }

    /// A new, empty workspace: in memory for SQLite, a new database on the test server for PostgreSQL.
    /// - Throws: the store's error when it cannot be made.
    public func workspace() async throws -> Workspace {
        switch self {
        case .sqlite: return try Workspace()
        case .postgres: return try await Workspace.open(try await Self.newDatabase())
        }
    }

    /// Creates a database on the test server and returns its address.
    /// - Throws: PostgreSQL's error, or a `notFound` ``TestStoreError`` when no server runs.
    public static func newDatabase() async throws -> String {
        guard let address = postgresAddress, var parts = URLComponents(string: address) else {
            throw TestStoreError.noServer
        }
        let name = "svtk_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let client = PostgresClient(
            configuration: .init(
                host: parts.host ?? "127.0.0.1", port: parts.port ?? 5432, username: parts.user ?? "svtk",
                password: parts.password, database: "postgres", tls: .disable))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
            group.cancelAll()
        }
        parts.path = "/" + name
        return parts.string!
    }
}

/// Why a PostgreSQL test database could not be made.
public enum TestStoreError: Error {
    /// No test server runs (`SVTK_TEST_POSTGRES` is unset).
    case noServer
}
