import Foundation
import Testing

/// The hostile-input corpus (`Tests/svtkTests/Hostile/`): each case runs the built svtk on a malformed or odd
/// input and checks the outcome a demanding user must get: a located error and a non-zero exit, or a correct
/// load with the figure that proves it. No case may crash, hang or exit 0 with data lost.
@Suite("Hostile input corpus")
struct HostileInputTests {
    static let folder = SVTKBinary.repository.appendingPathComponent("Tests/svtkTests/Hostile")

    /// One case of `cases.json` (format in the corpus README).
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var args: [String]
        var overlay: [String: String?]?
        var stdin: String?
        var expect: String
        var status: Int32?
        var stderr: [String]?
        var stdout: [String]?
        var stdoutAbsent: [String]?
        var stdoutLines: Int?

        var testDescription: String { name }
    }

    static func readCases() throws -> [Case] {
        try JSONDecoder().decode([Case].self, from: Data(contentsOf: folder.appendingPathComponent("cases.json")))
    }

    static let cases = (try? readCases()) ?? []

    /// The large and exact-byte inputs, written once by `make_corpus.py`.
    static let generated = Result<URL, Error>(catching: {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-hostile-\(getpid())/generated")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", folder.appendingPathComponent("make_corpus.py").path, target.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return target
    })

    @Test("the manifest reads and has at least 100 cases with distinct names")
    func manifest() throws {
        let cases = try Self.readCases()
        #expect(cases.count >= 100)
        #expect(Set(cases.map(\.name)).count == cases.count)
    }

    @Test("each case gives its expected outcome", arguments: cases)
    func outcome(_ hostile: Case) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "svtk-hostile-\(getpid())/\(hostile.name)")
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.createDirectory(
            at: scratch.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var places = [
            "{corpus}": Self.folder.appendingPathComponent("corpus").path,
            "{generated}": try Self.generated.get().path, "{demo}": "Datasets/demo",
            "{contracts}": "Datasets/contracts", "{tmp}": scratch.appendingPathComponent("tmp").path,
        ]
        if let overlay = hostile.overlay {
            places["{datasets}"] = try Self.datasets(with: overlay, in: scratch, places: places).path
        }
        let arguments = hostile.args.flatMap { Self.expand($0, places) }
        let input = try hostile.stdin.map { try Data(contentsOf: URL(fileURLWithPath: Self.substitute($0, places))) }
        let run = try SVTKBinary.run(arguments, input: input, timeout: 60)
        let said = "\(hostile.name): exit \(run.status)\n\(run.errors.prefix(600))"
        #expect(!run.timedOut, "\(said)\nit did not finish in 60 s")
        #expect(run.signal == nil, "\(said)\nit ended by signal \(run.signal ?? 0)")
        if hostile.expect == "ok" { #expect(run.status == 0, "\(said)") } else { #expect(run.status != 0, "\(said)") }
        if let status = hostile.status { #expect(run.status == status, "\(said)") }
        for wanted in hostile.stderr ?? [] { #expect(run.errors.contains(wanted), "\(said)\nstderr lacks \(wanted)") }
        for wanted in hostile.stdout ?? [] { #expect(run.output.contains(wanted), "\(said)\nstdout lacks \(wanted)") }
        for unwanted in hostile.stdoutAbsent ?? [] {
            #expect(!run.output.contains(unwanted), "\(said)\nstdout has \(unwanted)")
        }
        if let lines = hostile.stdoutLines {
            #expect(run.output.split(separator: "\n", omittingEmptySubsequences: false).count - 1 == lines, "\(said)")
        }
    }

    static func substitute(_ text: String, _ places: [String: String]) -> String {
        places.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    /// An argument with its placeholders filled; `{demo}/*.csv` becomes every demo CSV file in name order.
    static func expand(_ argument: String, _ places: [String: String]) -> [String] {
        argument == "{demo}/*.csv" ? SVTKBinary.demoFiles : [substitute(argument, places)]
    }

    /// A copy of `Datasets/` with the case's files laid over it (a `null` source removes the file).
    static func datasets(with overlay: [String: String?], in scratch: URL, places: [String: String]) throws -> URL {
        let copy = scratch.appendingPathComponent("Datasets")
        try FileManager.default.copyItem(at: SVTKBinary.repository.appendingPathComponent("Datasets"), to: copy)
        for (target, source) in overlay {
            let destination = copy.appendingPathComponent(target)
            try? FileManager.default.removeItem(at: destination)
            if let source {
                try FileManager.default.copyItem(atPath: substitute(source, places), toPath: destination.path)
            }
        }
        return copy
    }
}
