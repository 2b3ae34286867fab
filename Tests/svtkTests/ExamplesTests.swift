import Foundation
import Testing

/// Every command example in the README and in each command's `--help` runs as written: from a folder holding
/// the repository's `Datasets` and `Tests` (and `../shared` where the repository has it beside it), with `svtk`
/// on the PATH, each exits 0.
@Suite("Examples run as written")
struct ExamplesTests {
    /// The examples of one code block or help text, run in order as a reader would (a later one may use what an
    /// earlier one wrote), and where they are written.
    struct Example: Sendable, CustomTestStringConvertible {
        var source: String
        var commands: [String]
        var testDescription: String { "\(source): \(commands[0].prefix(80))" }
    }

    /// The command lines of a text: lines starting `svtk `, `python3 ` or `cat `, with `\` continuations
    /// joined and trailing `# comments` dropped.
    static func commands(in text: String) -> [String] {
        var found: [String] = []
        var current: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if var open = current {
                open += " " + line.trimmingCharacters(in: CharacterSet(charactersIn: "\\ "))
                if line.hasSuffix("\\") {
                    current = open
                } else {
                    found.append(open)
                    current = nil
                }
                continue
            }
            guard ["svtk ", "python3 ", "cat "].contains(where: { line.hasPrefix($0) }) else { continue }
            let body = line.components(separatedBy: "  #").first!.trimmingCharacters(in: .whitespaces)
            if body.hasSuffix("\\") {
                current = String(body.dropLast()).trimmingCharacters(in: .whitespaces)
            } else {
                found.append(body)
            }
        }
        return found
    }

    /// The README's shell blocks.
    static func readmeExamples() -> [Example] {
        let readme =
            (try? String(contentsOf: SVTKBinary.repository.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        return readme.components(separatedBy: "```sh\n").dropFirst().compactMap { block in
            let found = commands(in: block.components(separatedBy: "```").first ?? "")
            return found.isEmpty ? nil : Example(source: "README", commands: found)
        }
    }

    /// The Examples section of every command's help, subcommands included.
    static func helpExamples(_ path: [String] = []) -> [Example] {
        guard let help = try? SVTKBinary.run(["help"] + path).output else { return [] }
        let examples =
            help.components(separatedBy: "Examples:\n").dropFirst().first?.components(separatedBy: "\nUSAGE").first
            ?? ""
        let found = commands(in: examples)
        let own =
            found.isEmpty
            ? [] : [Example(source: (["svtk"] + path + ["--help"]).joined(separator: " "), commands: found)]
        // The subcommand list runs to the first blank line; each entry is "  name   abstract".
        let list =
            help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first?.components(separatedBy: "\n\n").first
            ?? ""
        let subcommands = list.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
                name.allSatisfy({ $0.isLowercase || $0 == "-" })
            else { return nil }
            return String(name)
        }
        guard path.count < 2 else { return own }
        return own + subcommands.filter { $0 != "help" }.flatMap { helpExamples(path + [$0]) }
    }

    static let examples = readmeExamples() + helpExamples()

    static let shared = SVTKBinary.repository.deletingLastPathComponent().appendingPathComponent("shared")

    /// A folder of its own to run in, as a reader's clone: `Datasets` and `Tests` linked, `out/` made, `../shared`
    /// linked where it exists. Each test has its own, as tests run at once and examples write files of the same
    /// names (`out/demo.sqlite` in the README and in `svtk workspace --help`).
    static func workplace() -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-examples-\(UUID().uuidString)")
        let folder = parent.appendingPathComponent("main")
        try? FileManager.default.createDirectory(
            at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        for name in ["Datasets", "Tests"] {
            try? FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(name),
                withDestinationURL: SVTKBinary.repository.appendingPathComponent(name))
        }
        if FileManager.default.fileExists(atPath: shared.path) {
            try? FileManager.default.createSymbolicLink(
                at: parent.appendingPathComponent("shared"), withDestinationURL: shared)
        }
        return folder
    }

    /// Runs `body` in a new workplace, removed after.
    static func inWorkplace<T>(_ body: (URL) throws -> T) rethrows -> T {
        let folder = workplace()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        return try body(folder)
    }

    @Test("the README and the help texts hold examples of every command")
    func found() {
        #expect(Self.examples.filter { $0.source == "README" }.flatMap(\.commands).count >= 30)
        #expect(Self.examples.filter { $0.source != "README" }.flatMap(\.commands).count >= 25)
    }

    @Test("each example exits 0", arguments: examples)
    func runs(_ example: Example) throws {
        try Self.inWorkplace { folder in
            for command in example.commands {
                if command.contains("../shared") && !FileManager.default.fileExists(atPath: Self.shared.path) {
                    continue  // needs the national files beside the repository, absent here
                }
                let (status, message) = try Self.run(command, in: folder)
                #expect(status == 0, "\(example.source): \(command)\n\(message)")
            }
        }
    }

    @Test("svtk serve --stop-after stops as Ctrl-C does: exit 0, and nothing logged as an error")
    func servesAndStops() throws {
        let (status, message) = try Self.inWorkplace { folder in
            try Self.run(
                "svtk serve --data Datasets/demo/*.csv --workspace out/stop-after.sqlite --port 0 --stop-after 1 "
                    + "--quiet", in: folder)
        }
        #expect(status == 0, "\(message)")
        #expect(message.contains("svtk workspace on http://127.0.0.1:"))
        #expect(!message.contains(" error "), "\(message)")
    }

    /// Runs a command line with bash in `folder`, svtk on the PATH; its exit status and the end of its stderr.
    static func run(_ command: String, in folder: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] =
            URL(fileURLWithPath: SVTKBinary.path).deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        defer { try? errors.fileHandleForReading.close() }  // not left to Foundation (SVTKBinary.run says why)
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: message.suffix(600), as: UTF8.self))
    }
}
