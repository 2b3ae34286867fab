import Catalogue
import Core
import Foundation
import PostgresNIO
import Recommender
import TestSupport
import Testing

@testable import Workspace

/// A workspace in PostgreSQL shared by several servers: each `Workspace` opened on one database stands for a server
/// (its own connection pool, nothing shared in memory).
@Suite("A shared workspace in PostgreSQL", .enabled(if: TestStore.postgresAddress != nil, TestStore.skipMessage))
struct SharedWorkspaceTests {
    @Test("what one server saves the other reads; an edit through one makes the other's stale edit a conflict")
    func twoServers() async throws {
        let database = try await TestStore.newDatabase()
        let (first, second) = (try await Workspace.open(database), try await Workspace.open(database))
        _ = try await first.addContract(try profile())
        #expect(try await second.contract(1).title == "Highways resurfacing works")
        _ = try await second.updateContract(1, profile: try profile("through the second"), readVersion: 1)
        await #expect(throws: ToolkitError.conflict(what: "contract 1", read: 1, now: 2)) {
            try await first.updateContract(1, profile: try profile("through the first"), readVersion: 1)
        }
        #expect(try await first.state(of: 1).contract.title == "through the second")
        #expect(try await first.serverSecret() == second.serverSecret())
        #expect(try await first.serverSecret().count == 32)
    }

    @Test("a sign-in through one server holds on the other; wrong passwords are counted across both")
    func sharedSessions() async throws {
        let database = try await TestStore.newDatabase()
        let (first, second) = (try await Workspace.open(database), try await Workspace.open(database))
        let limits = try WorkspaceLimits(folder: repository + "/Datasets/policy")
        _ = try await first.addAccount(
            name: "asha", role: .commissioner, password: "correct horse battery staple", limits: limits)
        let new = try await first.signIn(name: "asha", password: "correct horse battery staple", limits: limits)
        #expect(try await second.signedIn(token: new.token, limits: limits)?.account.name == "asha")
        for attempt in 0..<limits.signInFailuresMaximum {
            let server = attempt % 2 == 0 ? first : second
            await #expect(throws: ToolkitError.signInRefused) {
                try await server.signIn(name: "asha", password: "wrong \(attempt)", limits: limits)
            }
        }
        await #expect(throws: ToolkitError.tooManySignIns(minutes: limits.signInWindowMinutes)) {
            try await first.signIn(name: "asha", password: "correct horse battery staple", limits: limits)
        }
        try await second.signOut(token: new.token)
        #expect(try await first.signedIn(token: new.token, limits: limits) == nil)
    }

    @Test("two servers deciding on one measure at once: one decision is kept, the other told of the conflict")
    func racingDecisions() async throws {
        let database = try await TestStore.newDatabase()
        let servers = [try await Workspace.open(database), try await Workspace.open(database)]
        _ = try await servers[0].addContract(try profile())
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for (n, server) in servers.enumerated() {
                group.addTask {
                    do {
                        _ = try await server.decide(
                            CommissionerDecision(measure: "J2", action: .drop, reason: "server \(n)"), contract: 1,
                            readVersion: 0)
                        return true
                    } catch let error as ToolkitError where error.kind == .conflict { return false }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1 && outcomes.count == 2)
        #expect(try await servers[1].decisions(for: 1).map(\.version) == [1])
    }

    @Test("decisions from two servers at once on different measures are all kept")
    func noLostWrites() async throws {
        let database = try await TestStore.newDatabase()
        let servers = [try await Workspace.open(database), try await Workspace.open(database)]
        _ = try await servers[0].addContract(try profile())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<60 {
                group.addTask {
                    _ = try await servers[i % 2].decide(
                        CommissionerDecision(measure: "M\(i)", action: .drop, reason: "r\(i)"), contract: 1,
                        readVersion: 0)
                }
            }
            try await group.waitForAll()
        }
        #expect(try await servers[0].decisions(for: 1).count == 60)
    }

    @Test("servers starting together on a new database migrate it once")
    func migrationsOnce() async throws {
        let database = try await TestStore.newDatabase()
        let opened = try await withThrowingTaskGroup(of: Workspace.self) { group in
            for _ in 0..<4 { group.addTask { try await Workspace.open(database) } }
            return try await group.reduce(into: [Workspace]()) { $0.append($1) }
        }
        let store = try #require(opened[0].store as? PostgresStore)
        var names: [String] = []
        for try await name in try await store.client.query("SELECT identifier FROM svtk_migration ORDER BY 1")
            .decode(String.self)
        {
            names.append(name)
        }
        #expect(names == PostgresSchema.migrations.map(\.name))
    }

    @Test("a database migrated by a newer svtk is refused, naming the migration and the address without password")
    func newerDatabase() async throws {
        let database = try await TestStore.newDatabase()
        let store = try #require(try await Workspace.open(database).store as? PostgresStore)
        try await store.client.query("INSERT INTO svtk_migration (identifier) VALUES ('v99: from the future')")
        let error = await #expect(throws: ToolkitError.self) { try await Workspace.open(database) }
        #expect(error?.setting == "database")
        #expect(error?.message.contains("written by a newer svtk (migration \"v99: from the future\")") == true)
        #expect(error?.message.contains(":***@127.0.0.1") == true)
        let password = try #require(URLComponents(string: database)?.password)
        #expect(error?.message.contains(password) == false)
    }

    @Test("a server that refuses the connection is named, and why (not waited for until the time allowed runs out)")
    func unreachable() async throws {
        let address = try PostgresAddress("postgres://svtk:secret@127.0.0.1:9/workspace")
        let error = await #expect(throws: ToolkitError.self) {
            _ = try await PostgresStore(address: address, timeout: .seconds(600))
        }
        #expect(error?.message.hasPrefix("cannot open postgres://svtk:***@127.0.0.1:9/workspace") == true)
        #expect(error?.message.contains("the server cannot be reached (") == true)
        #expect(error?.message.contains("Connection refused") == true)
    }

    @Test("a workspace moves from SQLite to PostgreSQL and back byte for byte, and new ids follow the imported")
    func betweenStores() async throws {
        let sqlite = try Workspace()
        try await sqlite.importArchive(try demoArchive())
        let shared = try await Workspace.open(try await TestStore.newDatabase())
        try await shared.importArchive(try await sqlite.export())
        #expect(try await shared.export().json() == (try demoArchive().json()))
        let added = try await shared.addContract(try profile("after the import"))
        #expect(added.id == 2)
        let back = try Workspace()
        try await back.importArchive(try await shared.export())
        #expect(try await back.contracts().map(\.title) == ["after the import", "Highways resurfacing works"])
    }
}

@Suite("A PostgreSQL address")
struct PostgresAddressTests {
    @Test("the password is never shown; the user, port and database are read as psql reads them")
    func reading() throws {
        let address = try PostgresAddress("postgresql://council:p%40ss@db.example:6432/svtk?sslmode=require")
        #expect(address.description == "postgresql://council:***@db.example:6432/svtk?sslmode=require")
        #expect(try PostgresAddress("postgres://council@/svtk").description == "postgres://council@/svtk")
        let fromEnvironment = try PostgresAddress("postgres://council@db/svtk", environment: ["PGPASSWORD": "x"])
        #expect(fromEnvironment.password == "x")
        #expect(fromEnvironment.database == "svtk")
    }

    @Test(
        "what cannot be read is named, without the password",
        arguments: [
            (
                "postgres://db.example/svtk",
                "postgres://db.example/svtk: name the user, as postgres://user@host/database"
            ),
            (
                "postgres://u:pw@db/svtk?sslmode=maybe",
                "postgres://u:***@db/svtk?sslmode=maybe: sslmode \"maybe\" is not one of disable, require, verify-full"
            ),
            (
                "postgres://u@db/svtk?timeout=5",
                "postgres://u@db/svtk?timeout=5: unknown option \"timeout\" (svtk reads sslmode and host)"
            ),
            (
                "postgres://u@/svtk?sslmode=require",
                "postgres://u@/svtk?sslmode=require: a socket on this machine is not encrypted: leave out sslmode, "
                    + "or name a host"
            ),
            ("mysql://u@db/svtk", "not a postgres:// address"),
        ])
    func refused(address: String, message: String) {
        #expect(throws: ToolkitError(setting: "database", message)) { try PostgresAddress(address) }
    }
}
