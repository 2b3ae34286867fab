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
