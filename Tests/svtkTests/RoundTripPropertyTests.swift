import CSV
import Foundation
import Testing

/// A property of `svtk load`: for any valid input, its CSV output is itself a loadable file, every generated
/// figure appears in it unchanged, and loading that output again gives the same bytes (the normalised form is
/// a fixed point). Inputs are generated from a fixed seed, so a failure names the case that reproduces it.
@Suite("svtk load output round-trips")
struct RoundTripPropertyTests {
    /// SplitMix64: a small, seeded generator, so every run draws the same cases.
    struct Draw {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
        /// Text with the characters that trouble CSV and spreadsheets: commas, quotes, a line break, accents,
        /// and a leading `=`, `+`, `-` or `@`.
        mutating func text() -> String {
            let pieces = [
                "Rates", "of", "smoking", "in", "Thurcroft & Wickersley", "café", "5-16 yrs", "\"quoted\"",
                "a, b", "line\nbreak", "ñandú", "£100", "=SUM(A1)", "+44", "-minus", "@handle", "100%",
            ]
            return (0..<int(1...4)).map { _ in pick(pieces) }.joined(separator: " ")
        }
        /// A figure as releases write it, with the value it stands for (nil for a missing marker).
        mutating func figure() -> (text: String, value: Double?) {
            let whole = Double(int(0...2_000_000))
            switch int(0...6) {
            case 0: return (pick(["[c]", "[x]", "..", ""]), nil)
            case 1: return (whole.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB"))), whole)
            case 2: return ("\(Int(whole))", whole)
            default:
                let value = Double(int(-50_000...50_000)) / Double(pick([1, 10, 100, 1000, 7]))
                return ("\(value)", value)
            }
        }
    }

    /// A Fingertips export of distinct figures, and the value of each row (nil where missing).
    static func fingertipsExport(_ draw: inout Draw, rows: Int) -> (text: String, values: [Double?]) {
        var lines = [
            "IndicatorID,IndicatorName,ParentCode,ParentName,AreaCode,AreaName,AreaType,Sex,Age,Category Type,"
                + "Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Count,Denominator,Value note"
        ]
        var values: [Double?] = []
        for row in 0..<rows {
            let (text, value) = draw.figure()
            let limits = value.map { v in [v - Double(draw.int(0...50)), v + Double(draw.int(0...50))] }
            let cells = [
                "\(90000 + row % 7)", draw.text(), "E12000003", "Yorkshire and the Humber region",
                String(format: "E%08d", 8_000_000 + row), draw.text(), "District", draw.pick(["Persons", "Male"]),
                "All ages", "", "", draw.pick(["2019", "2020/21", "2018 - 20"]), text,
                limits.map { "\($0[0])" } ?? "", limits.map { "\($0[1])" } ?? "",
                draw.figure().text, "", draw.int(0...1) == 0 ? "" : draw.text(),
            ]
            lines.append(cells.map(quoted).joined(separator: ","))
            values.append(value)
        }
        return (lines.joined(separator: draw.pick(["\n", "\r\n"])) + "\n", values)
    }

    static func quoted(_ cell: String) -> String {
        cell.contains(where: { ",\"\n\r".contains($0) })
            ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }

    /// The `value` column of svtk's normalised CSV, read through the CSV layer.
    static func values(in path: String) throws -> [Double?] {
        let table = try CSVTable(path: path)
        let column = try #require(table.header.firstIndex(of: "value"))
        var values: [Double?] = []
        try table.forEachRow { values.append(Double($0[column].trimmedString)) }
        return values
    }

    @Test(
        "a Fingertips export's figures come out unchanged, and the CSV and JSON output read back to the same bytes",
        arguments: 0..<40)
    func fingertips(seed: Int) throws {
        var draw = Draw(state: UInt64(seed) &* 7919)
        let (text, expected) = Self.fingertipsExport(&draw, rows: draw.int(1...60))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-roundtrip-\(getpid())-\(seed)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("export.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: original))
        let first = try SVTKBinary.run(["load", "--quiet", "--format", "csv", original])
        #expect(first.status == 0, "seed \(seed): \(first.errors)")
        let once = folder.appendingPathComponent("once.csv").path
        try Data(first.output.utf8).write(to: URL(fileURLWithPath: once))
        #expect(try Self.values(in: once) == expected, "seed \(seed)")
        let second = try SVTKBinary.run(["load", "--quiet", "--format", "csv", once])
        #expect(second.status == 0, "seed \(seed): \(second.errors)")
        #expect(second.output == first.output, "seed \(seed): the normalised output did not read back unchanged")
        let json = try SVTKBinary.run(["load", "--quiet", "--format", "json", original])
        #expect(json.status == 0, "seed \(seed): \(json.errors)")
        let onceJSON = folder.appendingPathComponent("once.json").path
        try Data(json.output.utf8).write(to: URL(fileURLWithPath: onceJSON))
        let fromJSON = try SVTKBinary.run(["load", "--quiet", "--format", "csv", onceJSON])
        #expect(fromJSON.status == 0, "seed \(seed): \(fromJSON.errors)")
        #expect(fromJSON.output == first.output, "seed \(seed): the JSON output did not read back to the same rows")
    }
}
