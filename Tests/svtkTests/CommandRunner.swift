import Foundation

/// Runs the built `svtk` with arguments, from the repository root, and captures what it prints.
struct CommandRun {
    var status: Int32
    var output: String
    var errors: String
    /// The signal that ended the run, if one did.
    var signal: Int32? = nil
    /// True when the run was stopped for taking too long.
    var timedOut = false
}

enum SVTKBinary {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every CSV file of the demo borough, in the order the shell's `Datasets/demo/*.csv` gives them.
    static var demoFiles: [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(
                atPath: repository.appendingPathComponent("Datasets/demo").path)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.sorted().map { "Datasets/demo/" + $0 }
    }

    /// The svtk built beside the test bundle.
    static var path: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.lastPathComponent == "MacOS" || folder.path.contains(".xctest") {
            while folder.path.contains(".xctest") { folder.deleteLastPathComponent() }
        }
        return folder.appendingPathComponent("svtk").path
    }

    /// Runs svtk to the end, feeding `input` through a pipe when given, with `environment` added to the test's, and
    /// stops it after `timeout` seconds.
    static func run(
        _ arguments: [String], input: Data? = nil, environment: [String: String] = [:], timeout: TimeInterval = 600
    ) throws -> CommandRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = repository
        let out = Pipe()
        let err = Pipe()
        let feed = input.map { _ in Pipe() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = feed ?? FileHandle.nullDevice
        try process.run()
        // The pipes are closed here, not left to Foundation: a `Process` keeps its pipes until its exit has been
        // handled on Foundation's own thread, and with a thousand or more descriptors open, `Process.run()` can
        // read past the end of its listing of /proc/self/fd and crash the test run (seen once in CI).
        defer {
            try? out.fileHandleForReading.close()
            try? err.fileHandleForReading.close()
        }
        if let input, let feed {
            DispatchQueue.global().async {
                try? feed.fileHandleForWriting.write(contentsOf: input)
                try? feed.fileHandleForWriting.close()
            }
        }
        nonisolated(unsafe) var timedOut = false
        let watchdog = DispatchWorkItem {
            timedOut = true
            process.terminate()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // Both pipes are drained at once: reading one to its end first would hang once the other fills.
        nonisolated(unsafe) var errors = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errors = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        watchdog.cancel()
        let signalled = process.terminationReason == .uncaughtSignal
        return CommandRun(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self),
            signal: signalled ? process.terminationStatus : nil, timedOut: timedOut)
    }
}
