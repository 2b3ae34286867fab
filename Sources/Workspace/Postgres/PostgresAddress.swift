import Core
import Foundation
import NIOSSL
import PostgresNIO

/// Where a shared workspace's PostgreSQL database is, read from an address as `psql` takes one:
/// `postgres://user:password@host:port/database?sslmode=require`.
///
/// - The user is required; the password may come from the address or, as for `psql`, from `PGPASSWORD`.
/// - The host defaults to the local server's socket in `/var/run/postgresql`, or the folder `?host=` names (a path).
/// - The port defaults to 5432, the database to the user's name.
/// - `sslmode` is `disable` (the default), `require` (encrypted, the server's certificate not checked, as libpq's
///   `require`) or `verify-full` (encrypted, and the certificate checked against the system's authorities and the
///   host name).
public struct PostgresAddress: Sendable, CustomStringConvertible {
    /// Where the server listens: a host and port, or a socket's path on this machine.
    enum Endpoint: Equatable {
        case host(String, port: Int)
        case socket(String)
    }

    let endpoint: Endpoint
    let user: String
    let password: String?
    let database: String
    /// The encryption asked for; nil for none.
    let tls: TLSConfiguration?
    /// The address without its password, for messages.
    public let description: String

    /// Whether `location` is a PostgreSQL address rather than a file's path.
    public static func isAddress(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Reads `text`.
    /// - Throws: a ``ToolkitError`` naming what in the address is wrong (without its password).
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isAddress(text), let parts = URLComponents(string: text) else {
            throw ToolkitError.badDatabaseAddress("not a postgres:// address")
        }
        let shown = Self.withoutPassword(parts)
        func refuse(_ reason: String) -> ToolkitError { ToolkitError.badDatabaseAddress("\(shown): \(reason)") }
        guard let user = parts.user.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw refuse("name the user, as postgres://user@host/database")
        }
        let password = parts.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
        let path = parts.path.removingPercentEncoding ?? parts.path
        let database = path.count > 1 ? String(path.dropFirst()) : user
        guard !database.contains("/") else { throw refuse("a database name cannot hold \"/\"") }
        let options = Dictionary(
            (parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        if let unknown = options.keys.sorted().first(where: { !["sslmode", "host"].contains($0) }) {
            throw refuse("unknown option \"\(unknown)\" (svtk reads sslmode and host)")
        }
        let port = parts.port ?? 5432
        guard (1...65535).contains(port) else { throw refuse("the port must be from 1 to 65535") }
        if let host = parts.host, !host.isEmpty {
            endpoint = .host(host, port: port)
            tls = try Self.encryption(options["sslmode"], refuse: refuse)
        } else {
            let folder = options["host"] ?? "/var/run/postgresql"
            guard options["sslmode"].map({ $0 == "disable" }) ?? true else {
                throw refuse("a socket on this machine is not encrypted: leave out sslmode, or name a host")
            }
            endpoint = .socket("\(folder)/.s.PGSQL.\(port)")
            tls = nil
        }
        (self.user, self.password, self.database, description) = (user, password, database, shown)
    }

    /// The connection pool's configuration.
    var clientConfiguration: PostgresClient.Configuration {
        switch endpoint {
        case .host(let host, let port):
            return .init(
                host: host, port: port, username: user, password: password, database: database,
                tls: tls.map { .require($0) } ?? .disable)
        case .socket(let path):
            return .init(unixSocketPath: path, username: user, password: password, database: database)
        }
    }

    /// One connection's configuration, for the first connection that says precisely why it cannot be made.
    /// - Throws: NIOSSL's error when the encryption cannot be set up (the system's certificates unreadable).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        switch endpoint {
        case .host(let host, let port):
            return .init(
                host: host, port: port, username: user, password: password, database: database,
                tls: try tls.map { .require(try NIOSSLContext(configuration: $0)) } ?? .disable)
        case .socket(let path):
            return .init(unixSocketPath: path, username: user, password: password, database: database)
        }
    }

    /// The encryption `sslmode` asks for.
    private static func encryption(_ mode: String?, refuse: (String) -> ToolkitError) throws -> TLSConfiguration? {
        switch mode ?? "disable" {
        case "disable": return nil
        case "require":
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            return tls
        case "verify-full": return TLSConfiguration.makeClientConfiguration()
        case let other: throw refuse("sslmode \"\(other)\" is not one of disable, require, verify-full")
        }
    }

    /// The address as given, its password replaced by `***`.
    private static func withoutPassword(_ parts: URLComponents) -> String {
        var shown = parts
        if shown.password != nil { shown.password = "***" }
        return shown.string ?? "the postgres:// address"
    }
}

extension ToolkitError {
    /// A database address that cannot be read as one (the `database` setting).
    static func badDatabaseAddress(_ reason: String) -> ToolkitError {
        ToolkitError(setting: "database", reason)
    }
}
