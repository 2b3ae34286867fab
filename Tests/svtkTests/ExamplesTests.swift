import Foundation
import Testing

/// Every command example in the README and in each command's `--help` runs as written: from a folder holding
/// the repository's `Datasets` and `Tests` (and `../shared` where the repository has it beside it), with `svtk`
/// on the PATH, each exits 0.
@Suite("Examples run as written")
struct ExamplesTests {
    /// An example and where it is written.
    struct Example: Sendable, CustomTestStringConvertible {
        var source: String
        var command: String
        var testDescription: String { "\(source): \(command.prefix(80))" }
    }

    /// The command lines of a text: lines starting `svtk `, `python3 ` or `cat `, with `\` continuations
    /// joined and trailing `# comments` dropped.
    static func commands(in text: String) -> [String] {
        var found: [String] = [], current: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if var open = current {
                open += " " + line.trimmingCharacters(in: CharacterSet(charactersIn: "\\ "))
                if line.hasSuffix("\\") { current = open } else { found.append(open); current = nil }
                continue
            }
            guard ["svtk ", "python3 ", "cat "].contains(where: { line.hasPrefix($0) }) else { continue }
            let body = line.components(separatedBy: "  #").first!.trimmingCharacters(in: .whitespaces)
            if body.hasSuffix("\\") { current = String(body.dropLast()).trimmingCharacters(in: .whitespaces) } else { found.append(body) }
        }
        return found
    }

    /// The README's shell blocks.
    static func readmeExamples() -> [Example] {
        let readme = (try? String(contentsOf: SVTKBinary.repository.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        return readme.components(separatedBy: "```sh\n").dropFirst().flatMap { block in
            commands(in: block.components(separatedBy: "```").first ?? "").map { Example(source: "README", command: $0) }
        }
    }

    /// The Examples section of every command's help, subcommands included.
    static func helpExamples(_ path: [String] = []) -> [Example] {
        guard let help = try? SVTKBinary.run(["help"] + path).output else { return [] }
        let examples = help.components(separatedBy: "Examples:\n").dropFirst().first?.components(separatedBy: "\nUSAGE").first ?? ""
        let own = commands(in: examples).map { Example(source: (["svtk"] + path + ["--help"]).joined(separator: " "), command: $0) }
        // The subcommand list runs to the first blank line; each entry is "  name   abstract".
        let list = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first?.components(separatedBy: "\n\n").first ?? ""
        let subcommands = list.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
                  name.allSatisfy({ $0.isLowercase || $0 == "-" }) else { return nil }
            return String(name)
        }
        guard path.count < 2 else { return own }
        return own + subcommands.filter { $0 != "help" }.flatMap { helpExamples(path + [$0]) }
    }

    static let examples = readmeExamples() + helpExamples()

    static let shared = SVTKBinary.repository.deletingLastPathComponent().appendingPathComponent("shared")

    /// A folder to run in: `Datasets` and `Tests` linked, `out/` made, `../shared` linked where it exists.
    static let workplace: URL = {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-examples-\(getpid())")
        let folder = parent.appendingPathComponent("main")
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        for name in ["Datasets", "Tests"] {
            try? FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(name),
                                                        withDestinationURL: SVTKBinary.repository.appendingPathComponent(name))
        }
        if FileManager.default.fileExists(atPath: shared.path) {
            try? FileManager.default.createSymbolicLink(at: parent.appendingPathComponent("shared"), withDestinationURL: shared)
        }
        return folder
    }()

    @Test("the README and the help texts hold examples of every command")
    func found() {
        #expect(Self.examples.filter { $0.source == "README" }.count >= 30)
        #expect(Self.examples.filter { $0.source != "README" }.count >= 25)
    }

    @Test("each example exits 0", arguments: examples)
    func runs(_ example: Example) throws {
        if example.command.contains("../shared") && !FileManager.default.fileExists(atPath: Self.shared.path) {
            return  // needs the national files beside the repository, absent here
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", example.command]
        process.currentDirectoryURL = Self.workplace
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = URL(fileURLWithPath: SVTKBinary.path).deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(example.source): \(example.command)\n\(String(decoding: message.suffix(600), as: UTF8.self))")
    }
}
