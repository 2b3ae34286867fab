import ArgumentParser
import CSV
import Core
import Foundation
import Workspace

struct WorkspaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace",
        abstract: "Move a workspace between machines, or between a file and PostgreSQL, as one JSON file.",
        discussion: """
            The demo workspace (Datasets/contracts/demo_workspace.json) holds the highways resurfacing contract with \
            a decision, offers and returns, over the demo borough.

            Examples:
              svtk workspace import Datasets/contracts/demo_workspace.json \\
                  --workspace out/demo.sqlite --replace
              svtk workspace export --workspace out/demo.sqlite --out out/demo.json
              svtk workspace audit --workspace out/demo.sqlite --contract 1
            """,
        subcommands: [Export.self, Import.self, Audit.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every contract, recommendation, decision, offer and return of a workspace as JSON.")

        @OptionGroup var workspace: WorkspaceOption

        @Option(help: ArgumentHelp("The JSON file to write (default: standard output).", valueName: "file"))
        var out: String?

        @Flag(
            help: ArgumentHelp(
                "Carry the accounts too, with their bcrypt hashes and assigned contracts (keep such a file as safe "
                    + "as the workspace itself)."))
        var withAccounts = false

        func run() async throws {
            if workspace.address == nil, !FileManager.default.fileExists(atPath: try workspace.place()) {
                throw ToolkitError(.notFound, file: try workspace.place(), "no such workspace file")
            }
            let json = try await workspace.open().export(withAccounts: withAccounts).json()
            if let out {
                try OutputFile.write(Array(json) + [0x0A], to: out)
            } else {
                print(String(decoding: json, as: UTF8.self))
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Load a workspace archive (from svtk workspace export) into a workspace that holds no contracts "
                + "(unless --replace).")

        @Argument(help: ArgumentHelp("The archive (JSON).", valueName: "file"))
        var archive: String

        @OptionGroup var workspace: WorkspaceOption

        @Flag(help: "Replace everything the workspace holds with the archive.")
        var replace = false

        func run() async throws {
            let data = Data(try WholeFile.bytes(at: archive, limit: 1 << 30))
            let parsed = try WorkspaceArchive.read(data, file: archive)
            try await workspace.open().importArchive(parsed, replacing: replace)
            print(
                "imported \(parsed.contracts.count) contract(s), \(parsed.snapshots.count) recommendation(s), "
                    + "\(parsed.decisions.count) decision(s)"
                    + (parsed.accounts.map { ", \($0.count) account(s)" } ?? "") + " into \(try workspace.place())")
        }
    }

    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the audit trail as CSV: every change, who made it, when, and what it changed from and to.")

        @Option(
            help: ArgumentHelp(
                "Only the changes to this contract (its number, as in /contracts/N).", valueName: "number"))
        var contract: Int64?

        @OptionGroup var workspace: WorkspaceOption

        @Option(help: ArgumentHelp("The CSV file to write (default: standard output).", valueName: "file"))
        var out: String?

        func run() async throws {
            let opened = try await workspace.open()
            if let contract { _ = try await opened.contract(contract) }
            let csv = AuditEntry.csv(try await opened.auditTrail(of: contract), byteOrderMark: false)
            if let out {
                try OutputFile.write(csv, to: out)
            } else {
                print(String(decoding: csv, as: UTF8.self), terminator: "")
            }
        }
    }
}
