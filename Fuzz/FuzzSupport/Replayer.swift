import Foundation

/// Runs saved inputs through a fuzz target's body, outside libFuzzer.
public enum Replayer {
    /// The file itself, or every file in a folder (sorted, hidden files left out).
    public static func files(in path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }

    /// Runs every input the command line names (files or folders) once through `body`, says how many, and
    /// removes the scratch file: a fuzz target's main when it is built without libFuzzer.
    public static func replayCommandLine(
        _ target: String, scratch: ScratchFile, _ body: (UnsafeRawBufferPointer) -> Void
    ) {
        let inputs = CommandLine.arguments.dropFirst().flatMap(files(in:))
        for input in inputs { run(input, body) }
        print("\(target): replayed \(inputs.count) input(s) without a crash")
        scratch.remove()
    }

    /// Runs one saved input.
    public static func run(_ path: String, _ body: (UnsafeRawBufferPointer) -> Void) {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        data.withUnsafeBytes(body)
    }
}

/// A file in shared memory that each input replaces, for code that reads paths.
public final class ScratchFile: @unchecked Sendable {
    /// The path the input is written to.
    public let path: String
    private let descriptor: Int32

    /// A scratch file whose name ends with `suffix`, unique to this process.
    public init(suffix: String) {
        path = "/dev/shm/svtk-fuzz-\(getpid())\(suffix)"
        descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
    }

    /// Replaces the file's content.
    public func replace(with bytes: UnsafeRawBufferPointer) {
        _ = ftruncate(descriptor, 0)
        if !bytes.isEmpty { _ = pwrite(descriptor, bytes.baseAddress, bytes.count, 0) }
    }

    /// Removes the file.
    public func remove() { unlink(path) }
}

#if FUZZING
    /// The signature of a fuzz target's body as libFuzzer calls it.
    public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    @_silgen_name("LLVMFuzzerRunDriver")
    private func runDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ target: FuzzTarget
    ) -> Int32

    /// Hands the command line to libFuzzer, which then calls `target` with each input. SwiftPM names an
    /// executable's entry point `<module>_main`, so a fuzz target defines that and calls this (libFuzzer's own
    /// `main` is never linked).
    public func runLibFuzzer(
        _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        _ target: FuzzTarget
    ) -> Int32 {
        var count = argc
        var arguments = argv
        return runDriver(&count, &arguments, target)
    }

    /// The body ``runLibFuzzer(_:_:reading:)`` hands each input to (libFuzzer calls a C function, which cannot
    /// carry it; the fuzzer runs one input at a time).
    nonisolated(unsafe) private var reading: ((UnsafeRawBufferPointer) -> Void)?

    /// Hands the command line to libFuzzer, which then calls `body` with each input's bytes.
    public func runLibFuzzer(
        _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        reading body: @escaping (UnsafeRawBufferPointer) -> Void
    ) -> Int32 {
        reading = body
        return runLibFuzzer(argc, argv) { data, size in
            reading?(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        }
    }
#endif
