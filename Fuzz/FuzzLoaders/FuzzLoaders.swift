// libFuzzer target over the CSV reader, format detection and every loader.
//
// Built with `-DFUZZING -sanitize=fuzzer,address` (see `make fuzz`), libFuzzer drives `LLVMFuzzerTestOneInput`.
// Built normally, this is a replayer: `fuzz-loaders FILE|FOLDER…` runs each input once, so the seed corpus and
// every crash ever found stay regression tests.
import CSV
import Evidence
import Foundation
import FuzzSupport
import Loaders

/// The file each input is written to.
let scratch = ScratchFile(suffix: ".csv")

/// One input, read twice: as a file of its own (detection picks the loader), and with its first byte choosing
/// a real header (one per format, `Fuzz/Headers/`) put above the rest, so every loader reads rows it did not choose.
/// The file of its own is also read in segments of a few bytes by helper threads, which must change nothing.
func readOnce(_ input: UnsafeRawBufferPointer) {
    scratch.replace(with: input)
    _ = try? FileLoader.load(scratch.path, into: Dataset())
    expectSameRowsInSegments(scratch.path)
    guard let selector = input.first, !Headers.lines.isEmpty else { return }
    var withHeader = Headers.lines[Int(selector) % Headers.lines.count]
    withHeader.append(contentsOf: input.dropFirst())
    withHeader.withUnsafeBytes { scratch.replace(with: $0) }
    _ = try? FileLoader.load(scratch.path, into: Dataset())
}

/// Stops (a crash libFuzzer keeps) when helper threads reading segments of 16 bytes give other rows, lines, notes
/// or errors than a read alone.
func expectSameRowsInSegments(_ path: String) {
    func read(_ threads: ReadingThreads) -> String {
        do {
            let table = try CSVTable(path: path)
            table.threads = threads
            var text = ""
            let summary = try table.forEachRow { text += "\($0.line): \($0.strings)\n" }
            return text + "\(summary)"
        } catch {
            return "\(error)"
        }
    }
    let alone = read(.one)
    let inSegments = read(ReadingThreads(helpers: 2, segmentsAhead: 3, segmentBytes: 16))
    guard alone == inSegments else {
        fatalError("a read in segments differs from a read alone:\n\(alone)\n-- in segments --\n\(inSegments)")
    }
}

/// The header line of each format's sample, with its line break.
enum Headers {
    static let lines: [[UInt8]] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Headers")
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".csv") }
            .sorted() ?? []
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                let end = data.firstIndex(of: 0x0A)
            else { return nil }
            return Array(data[...end])
        }
    }()
}

#if FUZZING
    /// The entry point libFuzzer calls (with `-DFUZZING`): runs the fuzzer over every loader.
    @_cdecl("fuzz_loaders_main")
    public func fuzzLoaders(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        runLibFuzzer(argc, argv, reading: readOnce)
    }
#else
    @main
    enum Replay {
        static func main() {
            Replayer.replayCommandLine("fuzz-loaders", scratch: scratch, readOnce)
        }
    }
#endif
