import ArgumentParser
import Core
import Foundation
import Workspace

/// Where a command finds the workspace: a SQLite file (`--workspace`), or a PostgreSQL database that several
/// servers share (`--database`, or the `SVTK_DATABASE` environment variable, which keeps a password off the
/// command line). An option given beats the environment.
struct WorkspaceOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The workspace file (SQLite), created when missing (default: svtk-workspace.sqlite, unless SVTK_DATABASE "
                + "is set).", valueName: "file"))
    var workspace: String?

    @Option(
        help: ArgumentHelp(
            "A shared workspace in PostgreSQL instead of a file, as postgres://user@host:port/database "
                + "(?sslmode=require to encrypt; the password from the address or PGPASSWORD); default: "
                + "SVTK_DATABASE.", valueName: "address"))
    var database: String?

    /// The database address given, by option or, where no workspace file is named, by environment.
    var address: String? {
        guard workspace == nil else { return nil }
        return database ?? ProcessInfo.processInfo.environment["SVTK_DATABASE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func validate() throws {
        if workspace != nil, database != nil {
            throw ValidationError("give --workspace (a file) or --database (PostgreSQL), not both")
        }
        if let address, !PostgresAddress.isAddress(address) {
            throw ValidationError(
                "--database must be a postgres:// address (from \(database == nil ? "SVTK_DATABASE" : "the option"))")
        }
    }

    /// Where the workspace is, for messages: the file, or the address without its password.
    func place() throws -> String {
        guard let address else { return workspace ?? "svtk-workspace.sqlite" }
        return try PostgresAddress(address).description
    }

    /// The workspace opened (created when missing) and brought up to date.
    /// - Throws: a ``ToolkitError`` naming the file or the address and what is wrong.
    func open() async throws -> Workspace {
        try await Workspace.open(address ?? workspace ?? "svtk-workspace.sqlite")
    }
}
