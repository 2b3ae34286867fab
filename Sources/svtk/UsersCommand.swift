import ArgumentParser
import Catalogue
import Core
import Evidence
import Foundation
import Workspace

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract:
            "Keep a shared workspace's accounts: add, list, disable, enable, reset a password, assign a contract.",
        discussion: """
            Once a workspace has an account that may sign in, svtk serve asks everyone to sign in, and it may listen \
            beyond this machine (--host). Roles: administrator, commissioner, contract_manager, supplier, viewer \
            (what each may do: Datasets/policy/roles.csv). A password is read from standard input with \
            --password-stdin, or asked for twice on a terminal; it is kept only as a bcrypt hash.

            Examples:
              svtk users add asha --role commissioner --password-stdin \\
                  --workspace out/users-help.sqlite <<< 'correct horse battery staple'
              svtk users list --workspace out/users-help.sqlite
              svtk users disable asha --workspace out/users-help.sqlite
            """,
        subcommands: [Add.self, List.self, Disable.self, Enable.self, ResetPassword.self, Assign.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account.")

        @Argument(help: ArgumentHelp("The name to sign in with (letters, digits, . _ - @).", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("What the person does in the workspace.", valueName: "role"))
        var role: Role

        @Option(help: ArgumentHelp("The name shown on pages (default: the sign-in name).", valueName: "text"))
        var displayName: String?

        @OptionGroup var password: PasswordOption
        @OptionGroup var workspace: WorkspaceOption

        func run() async throws {
            let account = try await workspace.open().addAccount(
                name: name, displayName: displayName, role: role, password: try password.read(),
                limits: try PasswordOption.limits())
            print("added \(account.name) (\(account.role.rawValue)) to \(try workspace.place())")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")

        @OptionGroup var workspace: WorkspaceOption

        func run() async throws {
            print(["name", "role", "display name", "status", "password set"].joined(separator: "\t"))
            for account in try await workspace.open().accounts() {
                let set = ISO8601DateFormatter().string(from: account.passwordChangedAt)
                print(
                    [
                        account.name, account.role.rawValue, account.displayName,
                        account.disabled ? "disabled" : "active", set,
                    ]
                    .joined(separator: "\t"))
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop an account signing in, ending its sessions at once.")

        @Argument(help: ArgumentHelp("The account's name.", valueName: "name"))
        var name: String

        @OptionGroup var workspace: WorkspaceOption

        func run() async throws {
            try await workspace.open().setDisabled(name, true)
            print("disabled \(name.lowercased()); its sessions have ended")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a disabled account sign in again.")

        @Argument(help: ArgumentHelp("The account's name.", valueName: "name"))
        var name: String

        @OptionGroup var workspace: WorkspaceOption

        func run() async throws {
            try await workspace.open().setDisabled(name, false)
            print("enabled \(name.lowercased())")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password", abstract: "Give an account a new password, ending its sessions.")

        @Argument(help: ArgumentHelp("The account's name.", valueName: "name"))
        var name: String

        @OptionGroup var password: PasswordOption
        @OptionGroup var workspace: WorkspaceOption

        func run() async throws {
            try await workspace.open().resetPassword(
                name, to: try password.read(), limits: try PasswordOption.limits())
            print("new password set for \(name.lowercased()); its sessions have ended")
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Assign a contract to an account (a contract manager reaches only the contracts assigned).")

        @Argument(help: ArgumentHelp("The account's name.", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("The contract's number, as in its address /contracts/N.", valueName: "number"))
        var contract: Int64

        @OptionGroup var workspace: WorkspaceOption

        func run() async throws {
            try await workspace.open().assign(contract: contract, to: name)
            print("assigned contract \(contract) to \(name.lowercased())")
        }
    }
}

extension Role: ExpressibleByArgument {}

/// How a command reads a new password: from standard input (`--password-stdin`), or asked for twice on a terminal.
struct PasswordOption: ParsableArguments {
    @Flag(help: "Read the password from the first line of standard input (for scripts).")
    var passwordStdin = false

    /// The password given.
    /// - Throws: a ``ToolkitError`` when none can be read, or the two typed differ.
    func read() throws -> String {
        if passwordStdin {
            guard let line = readLine(strippingNewline: true) else {
                throw ToolkitError(setting: "password-stdin", "standard input held no line to read a password from")
            }
            return line
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw ToolkitError(
                setting: "password-stdin", "no terminal to ask for a password on: give it on standard input")
        }
        let first = String(cString: getpass("New password: "))
        guard String(cString: getpass("The same again: ")) == first else {
            throw ToolkitError(setting: "password", "the two passwords typed differ")
        }
        return first
    }

    /// The password rules and session limits of the toolkit's policy.
    /// - Throws: a ``ToolkitError`` when the Datasets folder or its policy cannot be read.
    static func limits() throws -> WorkspaceLimits {
        try WorkspaceLimits(folder: try DatasetsDirectory.path() + "/policy")
    }
}
