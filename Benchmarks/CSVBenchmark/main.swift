// Speed and memory of reading large files: (a) a plain C loop over libcsv with strtod on every field,
// (b) the CSV layer with every field parsed as a number, (c) the loaders to observations on one thread and (d) with
// helper threads reading ahead, and `svtk inspect` and `svtk load` on the same files. Each runs in its own process,
// so that its peak resident memory is its own, three times in interleaved rounds; the fastest run counts (this
// machine's speed drifts by up to half between minutes), and the commands' ratios are the C loop's fastest time over
// theirs (a command's time is its whole process's, start-up included; a stage's is timed inside its process). Then
// the national targets: one authority's report from every file in ../shared/data, the demo report, and the atlas of
// every authority.
//
// Run: make benchmark   (or: swift run -c release csv-benchmark [folder])
import CSV
import CSVBaseline
import Evidence
import Foundation
import Loaders

#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments

/// Counts observations without keeping them.
final class CountingSink: EvidenceSink {
    var observations = 0
    func add(_ area: Area) {}
    func add(_ indicator: Indicator) {}
    func add(_ observation: Observation) { observations += 1 }
    func add(_ batch: ObservationBatch) { observations += batch.count }
}

/// Runs one stage on one file and prints "seconds count".
func runStage(_ stage: String, _ path: String) throws {
    let start = DispatchTime.now().uptimeNanoseconds
    var count = 0
    switch stage {
    case "c-loop":
        var rows = 0
        count = Int(svtk_baseline_parse(path, &rows))
    case "csv-layer":
        let table = try CSVTable(path: path)
        try table.forEachRow { row in
            for i in 0..<row.count {
                if case .number = NumericCell.value(row[i]) { count += 1 }
            }
        }
    case "loader", "loader-one-thread":
        let sink = CountingSink()
        _ = try FileLoader.load(path, options: LoadOptions(threads: stage == "loader" ? .automatic : .one), into: sink)
        count = sink.observations
    default:
        fatalError("unknown stage \(stage)")
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(seconds, count)
}

/// Runs a command, returning its standard output and its own peak resident memory in MB (from wait4's
/// rusage; Foundation's Process is not used because it reaps the child itself).
func measure(_ executable: String, _ args: [String]) throws -> (output: String, peakMB: Double, seconds: Double) {
    var pipe: [Int32] = [0, 0]
    guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(.EIO) }
    let keepOutput = args.first == "--stage"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    if keepOutput {
        posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO)
    } else {
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addclose(&actions, pipe[0])
    let argv = ([executable] + args).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = Date()
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { throw POSIXError(.ENOEXEC) }
    posix_spawn_file_actions_destroy(&actions)
    close(pipe[1])
    var output = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = read(pipe[0], &buffer, buffer.count)
        if n <= 0 { break }
        output.append(contentsOf: buffer[0..<n])
    }
    close(pipe[0])
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    // Exited normally (no signal in the low seven bits) with status 0; a failed run is never timed.
    guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
        stop("\(([executable] + args).joined(separator: " ")) failed (wait status \(status)): run it to see why")
    }
    return (String(decoding: output, as: UTF8.self), Double(usage.ru_maxrss) / 1024, Date().timeIntervalSince(start))
}

/// Ends the benchmark with a message on standard error and exit status 1.
func stop(_ message: String) -> Never {
    FileHandle.standardError.write(Data("csv-benchmark: \(message)\n".utf8))
    exit(1)
}

/// `text` with spaces after it to make up `width` characters, for a column of labels (Foundation's `%-42@` does not
/// pad on Linux).
func padded(_ text: String, _ width: Int) -> NSString {
    (text + String(repeating: " ", count: max(0, width - text.count))) as NSString
}

/// Writes a census-style wide file: 230,000 rows × 63 columns of counts.
func writeCensusStyle(_ path: String) {
    let out = fopen(path, "w")!
    var header = "date,geography,geography code,Age: Total"
    for i in 1...59 { header += ",Age: Band \(i)" }
    fputs(header + "\n", out)
    var seed: UInt64 = 42
    for r in 0..<230_000 {
        var line = "2021,Area \(r),E01\(String(format: "%06d", r))"
        var total = 0
        var cells: [Int] = []
        for _ in 1...59 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let v = Int((seed >> 33) % 5000)
            cells.append(v)
            total += v
        }
        line += ",\(total)" + cells.map { ",\($0)" }.joined()
        fputs(line + "\n", out)
    }
    fclose(out)
}

/// Writes a Fingertips-style export: 1,000,000 rows of the 27-column layout.
func writeFingertipsStyle(_ path: String) {
    let out = fopen(path, "w")!
    fputs(
        "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category "
            + "Type,Category,"
            + "Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,"
            + "Denominator,Value note,Recent Trend,Compared to England value or percentiles,Column not used,"
            + "Time period Sortable,New data,Compared to goal,Time period range\n", out)
    var seed: UInt64 = 7
    for r in 0..<1_000_000 {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let indicator = 90000 + r % 200
        let area = r / 200 % 5000
        let value = Double((seed >> 33) % 100_000) / 1000
        fputs(
            "\(indicator),\"Indicator \(indicator): rate per 100,000\",E12000003,Yorkshire and the Humber region,"
                + "E0\(6_000_000 + area),Area \(area),UA,Persons,All ages,,,\(2010 + r % 10),\(value),\(value * 0.9),"
                + "\(value * 1.1),\(value * 0.85),\(value * 1.15),\(r % 997),\(100_000 + r % 5000),,"
                + "No significant change,Similar,Similar,\(20_100_000 + r % 10 * 10000),,,1y\n", out)
    }
    fclose(out)
}

if arguments.count == 4, arguments[1] == "--stage" {
    try runStage(arguments[2], arguments[3])
    exit(0)
}

let folder =
    arguments.count > 1
    ? arguments[1] : FileManager.default.temporaryDirectory.appendingPathComponent("svtk-benchmark").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
let census = folder + "/census_wide_230k.csv"
let fingertips = folder + "/fingertips_1m.csv"
if !FileManager.default.fileExists(atPath: census) { writeCensusStyle(census) }
if !FileManager.default.fileExists(atPath: fingertips) { writeFingertipsStyle(fingertips) }
let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
let svtk = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("svtk").path

let stages = [
    ("c-loop", "(a) C loop, libcsv + strtod"), ("csv-layer", "(b) CSV layer, every field parsed"),
    ("loader-one-thread", "(c) loader to observations, one thread"),
    ("loader", "(d) loader, helpers reading ahead"),
]
for file in [census, fingertips] {
    let size = Double((try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0) / 1e6
    print("\(URL(fileURLWithPath: file).lastPathComponent): \(String(format: "%.1f", size)) MB")
    var best: [String: (seconds: Double, peakMB: Double, items: String)] = [:]
    let commands = FileManager.default.isExecutableFile(atPath: svtk) ? ["inspect", "load"] : []
    for _ in 1...3 {
        for (stage, _) in stages {
            let run = try measure(me, ["--stage", stage, file])
            let parts = run.output.split(separator: " ")
            guard parts.count == 2, let seconds = Double(parts[0]) else {
                stop("stage \(stage) on \(file) printed \"\(run.output)\", not \"seconds count\"")
            }
            if seconds < best[stage]?.seconds ?? .infinity {
                best[stage] = (seconds, run.peakMB, String(parts[1].dropLast(parts[1].hasSuffix("\n") ? 1 : 0)))
            }
        }
        // svtk as a user runs it, in the same rounds: the whole process, start-up included.
        for command in commands {
            let run = try measure(svtk, [command, file, "--quiet"])
            if run.seconds < best[command]?.seconds ?? .infinity { best[command] = (run.seconds, run.peakMB, "") }
        }
    }
    let baseline = size / best["c-loop"]!.seconds
    for (stage, label) in stages {
        let run = best[stage]!
        let rate = size / run.seconds
        print(
            String(
                format: "  %@ %8.1f MB/s  %5.2fx of (a)  peak %6.1f MB  (%@ items)", padded(label, 42), rate,
                rate / baseline, run.peakMB, run.items as NSString))
    }
    for command in commands {
        let run = best[command]!
        print(
            String(
                format: "  %@ %8.2f s     %5.2fx of (a)  peak %6.1f MB", padded("svtk \(command)", 42), run.seconds,
                best["c-loop"]!.seconds / run.seconds, run.peakMB))
    }
}

/// The national targets (issue 28's), run as a user would; skipped when ../shared/data is absent.
func nationalTargets() throws {
    let shared =
        ProcessInfo.processInfo.environment["SVTK_SHARED_DATA"]
        ?? FileManager.default.currentDirectoryPath + "/../shared/data"
    guard FileManager.default.fileExists(atPath: shared + "/README.md"),
        FileManager.default.isExecutableFile(atPath: svtk)
    else {
        print("national targets: ../shared/data (or SVTK_SHARED_DATA) is absent; skipped")
        return
    }
    var national: [String] = []
    for folder in ["census", "deprivation", "economy", "fingertips", "fingertips/metadata"] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: shared + "/" + folder)) ?? []
        national += names.filter { $0.hasSuffix(".csv") }.sorted().map { shared + "/" + folder + "/" + $0 }
    }
    let demo = try FileManager.default.contentsOfDirectory(atPath: "Datasets/demo").filter { $0.hasSuffix(".csv") }
        .sorted()
        .map { "Datasets/demo/" + $0 }
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-benchmark-reports").path
    let runs: [(String, [String], String)] = [
        (
            "demo report (Rotherham)",
            ["report", "--contract", "Datasets/contracts/highways_resurfacing.json", "--data"] + demo
                + ["--out", out + "/demo.html", "--quiet"], "issue 28: < 0.3 s"
        ),
        (
            "Sheffield report, all national files",
            ["report", "--contract", "Datasets/contracts/sheffield_highways.json", "--data"]
                + national + ["--authority", "Sheffield", "--out", out + "/sheffield.html", "--quiet"],
            "issue 28: < 1.5 s, < 100 MB"
        ),
        ("atlas of every authority", ["atlas", "--data"] + national + ["--quiet"], "issue 28: < 15 s, < 400 MB"),
    ]
    print("national targets (\(national.count) files from \(shared); fastest of 3 runs, 1 for the atlas)")
    for (label, args, target) in runs {
        var best: (seconds: Double, peakMB: Double) = (.infinity, 0)
        for _ in 1...(label.hasPrefix("atlas") ? 1 : 3) {
            let run = try measure(svtk, args)
            if run.seconds < best.seconds { best = (run.seconds, run.peakMB) }
        }
        print(
            String(
                format: "  %@ %7.2f s  peak %7.1f MB   (%@)", padded(label, 38), best.seconds, best.peakMB,
                target as NSString))
    }
}

try nationalTargets()
