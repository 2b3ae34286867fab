import Foundation

/// Runs the built `svtk` with arguments, from the repository root, and captures what it prints.
struct CommandRun {
    var status: Int32
    var output: String
    var errors: String
}

enum SVTKBinary {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The svtk built beside the test bundle.
    static var path: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.lastPathComponent == "MacOS" || folder.path.contains(".xctest") {
            while folder.path.contains(".xctest") { folder.deleteLastPathComponent() }
        }
        return folder.appendingPathComponent("svtk").path
    }

    static func run(_ arguments: [String]) throws -> CommandRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = repository
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandRun(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                          errors: String(decoding: errors, as: UTF8.self))
    }
}
