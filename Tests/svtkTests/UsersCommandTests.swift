import Foundation
import Testing

@Suite("svtk users and svtk serve with accounts")
struct UsersCommandTests {
    @Test("accounts are added, listed, disabled and given new passwords; wrong input is named, exit 1 or 64")
    func users() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-users-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let workspace = ["--workspace", folder + "/w.sqlite"]
        let password = Data("correct horse battery staple\n".utf8)
        let added = try SVTKBinary.run(
            ["users", "add", "Asha", "--role", "commissioner", "--display-name", "Asha Patel", "--password-stdin"]
                + workspace, input: password)
        #expect(added.status == 0 && added.output == "added asha (commissioner) to \(folder)/w.sqlite\n")
        let again = try SVTKBinary.run(
            ["users", "add", "asha", "--role", "viewer", "--password-stdin"] + workspace, input: password)
        #expect(again.status == 1 && again.errors == "error: an account named \"asha\" already exists\n")
        let short = try SVTKBinary.run(
            ["users", "add", "bo", "--role", "viewer", "--password-stdin"] + workspace, input: Data("short\n".utf8))
        #expect(short.status == 1 && short.errors.contains("a password needs at least 12 characters"))
        let role = try SVTKBinary.run(["users", "add", "bo", "--role", "boss", "--password-stdin"] + workspace)
        #expect(role.status == 64 && role.errors.contains("'administrator', 'commissioner', 'contract_manager'"))
        let noTerminal = try SVTKBinary.run(["users", "add", "bo", "--role", "viewer"] + workspace)
        #expect(noTerminal.status == 1 && noTerminal.errors.contains("no terminal to ask for a password on"))
        #expect(try SVTKBinary.run(["users", "disable", "ASHA"] + workspace).status == 0)
        let list = try SVTKBinary.run(["users", "list"] + workspace)
        #expect(
            list.output.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").prefix(4) } == [
                ["asha", "commissioner", "Asha Patel", "disabled"]
            ])
        let reset = try SVTKBinary.run(
            ["users", "reset-password", "nobody", "--password-stdin"] + workspace, input: password)
        #expect(reset.status == 1 && reset.errors == "error: no account named \"nobody\" in this workspace\n")
        let assign = try SVTKBinary.run(["users", "assign", "asha", "--contract", "4"] + workspace)
        #expect(assign.status == 1 && assign.errors == "error: no contract 4 in this workspace\n")
    }

    @Test("svtk serve listens beyond this machine, or behind a proxy, only once the workspace has accounts")
    func hostNeedsAccounts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-host-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let run = try SVTKBinary.run(
            [
                "serve", "--data", "Datasets/demo/fingertips_rotherham.csv", "--workspace", folder + "/w.sqlite",
                "--host", "0.0.0.0", "--port", "0", "--stop-after", "1", "--quiet",
            ])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("error: --host: listening on 0.0.0.0 lets anyone who can reach this machine in"))
        let proxied = try SVTKBinary.run(
            [
                "serve", "--data", "Datasets/demo/fingertips_rotherham.csv", "--workspace", folder + "/w.sqlite",
                "--trusted-proxy", "127.0.0.1", "--port", "0", "--stop-after", "1", "--quiet",
            ])
        #expect(proxied.status == 1)
        #expect(proxied.errors.hasPrefix("error: --trusted-proxy: serving through a proxy lets anyone who can reach"))
        let named = try SVTKBinary.run([
            "serve", "--data", "Datasets/demo/fingertips_rotherham.csv", "--trusted-proxy", "nginx",
        ])
        #expect(named.status == 64 && named.errors.contains("--trusted-proxy must be an IP address"))
    }
}
