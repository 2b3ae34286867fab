import CSV
import Foundation
import Testing

/// `svtk load` writes the same observations as CSV and as JSON Lines in an array: the two formats are put together
/// by different code (a wide table's rows and objects apart from other files'), so each is checked against the other.
@Suite("svtk load: the same observations as CSV and as JSON")
struct LoadFormatsTests {
    /// A wide census table with suppressed and unavailable figures, a total of zero (its shares noted), and area names
    /// that need quoting or escaping in either format.
    static let wideTable = """
        date,geography,geography code,Sex: Total: All persons,Sex: Female,Sex: Male
        2021,"Thurcroft ""East"" & Wickersley",E01007657,586,[c],..
        2021,Café\\5 / Maltby,E01007658,611,300,311
        2021,"Line
        break",E01007659,0,0,0

        """

    @Test("a wide table's rows: every column of every CSV row is the JSON object's member, null as an empty cell")
    func wideTableBothWays() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-formats-\(UUID()).csv").path
        try Data(Self.wideTable.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let csv = try SVTKBinary.run(["load", "--quiet", "--format", "csv", path])
        let json = try SVTKBinary.run(["load", "--quiet", "--format", "json", path])
        #expect(csv.status == 0 && json.status == 0, "\(csv.errors) \(json.errors)")

        // Byte for byte, as the encoder writes each observation: sorted members, escapes, null for none.
        let lines = json.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 17 && lines.first == "[" && lines.last == "]")
        let suppressed =
            #"{"age":"","area_code":"E01007657","area_level":"LSOA","area_name":"Thurcroft \"East\" & Wickersley","#
            + #""category":"","category_type":"","count":null,"denominator":586,"#
            + #""indicator_id":"census2021:sex:female","indicator_name":"Sex: Female","lower_ci_95":null,"#
            + #""lower_ci_99_8":null,"missing":"suppressed","note":null,"period":"2021","polarity":"unknown","#
            + #""sex":"","source":""# + path + #"","unit":"count","upper_ci_95":null,"upper_ci_99_8":null,"#
            + #""value":null},"#
        let noted =
            #"{"age":"","area_code":"E01007659","area_level":"LSOA","area_name":"Line\nbreak","category":"","#
            + #""category_type":"","count":0,"denominator":0,"indicator_id":"census2021:sex:male:percent","#
            + #""indicator_name":"Sex: Male (% of total)","lower_ci_95":null,"lower_ci_99_8":null,"#
            + #""missing":"not available","note":"total is zero or missing","period":"2021","polarity":"unknown","#
            + #""sex":"","source":""# + path + #"","unit":"%","upper_ci_95":null,"upper_ci_99_8":null,"value":null}"#
        #expect(lines.count == 17 && lines[2] == suppressed && lines[15] == noted)

        let rows = try Self.rows(ofCSV: csv.output)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        // Three areas, three figures each, and a share of the total for each of the two breakdowns.
        #expect(rows.count == 15)
        #expect(objects.count == rows.count)
        for (row, object) in zip(rows, objects) {
            #expect(Set(object.keys) == Set(row.keys))
            for (column, cell) in row {
                switch object[column] {
                case let number as NSNumber: #expect(Double(cell) == number.doubleValue)
                case let text as String: #expect(text == cell, "\(column)")
                default: #expect(cell == "", "\(column)")
                }
            }
        }
        #expect(rows.contains { $0["area_name"] == "Thurcroft \"East\" & Wickersley" && $0["missing"] == "suppressed" })
        #expect(rows.contains { $0["area_name"] == "Line\nbreak" && $0["note"] == "total is zero or missing" })
        // 300 / 611 as a percentage, and 311 / 611.
        #expect(rows.contains { $0["area_name"] == "Café\\5 / Maltby" && $0["value"] == "49.09983633387889" })
        #expect(rows.contains { $0["area_name"] == "Café\\5 / Maltby" && $0["value"] == "50.90016366612111" })
    }

    @Test("a table sharing columns with an earlier one: its rows but the shared figures, as its own load writes them")
    func tableSharingColumns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-sharing-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The later table's first row is of an area the earlier one lacks: none of its figures is left out.
        let earlier = folder.appendingPathComponent("bands.csv").path
        let later = folder.appendingPathComponent("more-bands.csv").path
        try Data(
            """
            date,geography,geography code,Age: Total,Age: Band 1
            2021,A,E01000001,40,4
            2021,B,E01000002,50,5

            """.utf8
        ).write(to: URL(fileURLWithPath: earlier))
        try Data(
            """
            date,geography,geography code,Age: Total,Age: Band 1,Age: Band 2
            2021,C,E01000003,60,6,7
            2021,A,E01000001,40,4,8
            2021,B,E01000002,50,5,9

            """.utf8
        ).write(to: URL(fileURLWithPath: later))
        let shared = ["census2021:age:total", "census2021:age:band-1", "census2021:age:band-1:percent"]
        for format in ["csv", "json"] {
            let both = try SVTKBinary.run(["load", "--format", format, earlier, later])
            let first = try SVTKBinary.run(["load", "--format", format, earlier])
            let second = try SVTKBinary.run(["load", "--format", format, later])
            #expect(both.status == 0, "\(both.errors)")
            // Areas A and B repeat the total, band 1 and its share: 2 × 3 figures.
            #expect(both.errors.contains("note: 6 figure(s) repeated by a later file with the same value"))
            let expected =
                Self.records(first.output, format: format)
                + Self.records(second.output, format: format).filter { record in
                    !(record.contains(",E01000001,") || record.contains(",E01000002,")
                        || record.contains(#""area_code":"E01000001""#)
                        || record.contains(#""area_code":"E01000002""#))
                        || !shared.contains { record.contains(",\($0),") || record.contains(#""\#($0)""#) }
                }
            // Earlier: 2 areas × 3 figures; later: 3 areas × 5, less the 6 repeated.
            #expect(expected.count == 6 + 15 - 6)
            #expect(Self.records(both.output, format: format) == expected, "\(format)")
        }
    }

    /// The rows of `svtk load`'s output but its header (CSV), or its objects without the commas between them (JSON).
    static func records(_ output: String, format: String) -> [String] {
        let lines = output.split(separator: "\n").map(String.init)
        guard format == "json" else { return Array(lines.dropFirst()) }
        return lines.filter { $0 != "[" && $0 != "]" }.map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }
    }

    /// The CSV's rows as column-to-cell maps, read through the CSV layer.
    static func rows(ofCSV text: String) throws -> [[String: String]] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-formats-\(UUID()).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let table = try CSVTable(path: path)
        var rows: [[String: String]] = []
        try table.forEachRow { row in
            rows.append(
                Dictionary(uniqueKeysWithValues: table.header.indices.map { (table.header[$0], row[$0].string) }))
        }
        return rows
    }
}
