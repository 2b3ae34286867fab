import Foundation
import Synchronization
import Testing

@Suite("svtk on the command line")
struct CommandLineTests {
    @Test("inspect --format json reports each demo file's figures")
    func inspectJSON() throws {
        let run = try SVTKBinary.run([
            "inspect", "Datasets/demo/census2021_ts045_lsoa_rotherham.csv",
            "Datasets/demo/fingertips_rotherham.csv", "--format", "json",
        ])
        #expect(run.status == 0)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        #expect(reports.count == 2)
        #expect(reports[0]["format"] as? String == "ONS Census 2021 table (wide)")
        #expect(reports[0]["rows"] as? Int == 170)
        #expect(reports[0]["observations"] as? Int == 1530)  // 170 LSOAs × (5 counts + 4 shares)
        #expect((reports[0]["areas"] as? [String: Int])?["LSOA"] == 170)
        #expect(reports[1]["format"] as? String == "OHID Fingertips export")
        #expect((reports[1]["periods"] as? [String])?.contains("2015 - 17") == true)
        for key in ["file", "format", "rows", "observations", "areas", "indicators", "periods", "missing", "warnings"] {
            #expect(reports.allSatisfy { $0[key] != nil }, "missing key \(key)")
        }
    }

    @Test("load --format csv prints one normalised row per observation")
    func loadCSV() throws {
        let run = try SVTKBinary.run(["load", "Datasets/demo/fingertips_rotherham.csv", "--format", "csv", "--quiet"])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 46)  // header + 15 indicators × (Rotherham, the region, England)
        #expect(lines[0].hasPrefix("source,indicator_id,indicator_name,unit,polarity,area_code"))
        #expect(
            lines.contains {
                $0.contains(",41001,Suicide rate,")
                    && $0.contains(",E08000018,Rotherham,local authority,2015 - 17,Male,10+ yrs,,,23.989435314868,")
            })
    }

    @Test("load --format json is a JSON array")
    func loadJSON() throws {
        let run = try SVTKBinary.run([
            "load", "Datasets/demo/census2021_economic_activity_ward_rotherham.csv",
            "--format", "json", "--quiet",
        ])
        #expect(run.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        #expect(rows.count == 150)  // 25 wards × 3 categories × (count + share)
        let anston = rows.first {
            $0["area_code"] as? String == "E05012993"
                && $0["indicator_id"] as? String
                    == "census2021:economic-activity-status-last-week-3-categories:employed"
        }
        #expect(anston?["area_name"] as? String == "Anston & Woodsetts")
    }

    @Test("bad input exits 1 with file:line:column on stderr")
    func badInput() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-ragged-\(UUID()).csv").path
        try "date,geography,geography code,Age: Total\n2021,A,E01000001,5\n2021,B,E01000002\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let run = try SVTKBinary.run(["inspect", path])
        #expect(run.status == 1)
        #expect(run.errors.contains("\(path):3:4: ragged row"))
    }

    /// The header and first three figures of the demo Fingertips export (England, the region, Rotherham).
    static func fingertipsStart() throws -> [Substring] {
        let demo = try String(
            contentsOf: SVTKBinary.repository.appendingPathComponent("Datasets/demo/fingertips_rotherham.csv"),
            encoding: .utf8)
        return Array(demo.split(separator: "\n").prefix(4))
    }

    /// `count` copies of the demo export's Rotherham row, each with a category (`copy n`) and value (`n.5`) of its
    /// own, so each is a figure of its own.
    static func fingertipsCopies(_ count: Int) throws -> [String] {
        var fields = try fingertipsStart()[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return (0..<count).map { n in
            (fields[9], fields[10], fields[12]) = ("Test copies", "copy \(n)", "\(n).5")
            return fields.joined(separator: ",")
        }
    }

    /// Runs `body` with a new temporary folder, removed after.
    static func inTemporaryFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-load-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    /// Writes `lines` as a file at `path`, each ended by a line feed.
    static func write(_ lines: [String], to path: String) throws {
        try lines.map { $0 + "\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("load writes a Fingertips export's rows before its error, then exits 1 naming its line")
    func loadFingertipsStopsAtError() throws {
        let lines = try Self.fingertipsStart().map(String.init)
        try Self.inTemporaryFolder { folder in
            try Self.write(lines + [lines[1]], to: folder + "/repeat.csv")
            let run = try SVTKBinary.run(["load", folder + "/repeat.csv", "--format", "csv", "--quiet"])
            #expect(run.status == 1)
            #expect(run.errors.contains("\(folder)/repeat.csv:5: this row repeats a figure an earlier row gave"))
            let rows = run.output.split(separator: "\n")
            #expect(rows.count == 4)  // the header and the three figures before the repeat
            #expect(rows.last?.hasPrefix("\(folder)/repeat.csv,91141,Estimated prevalence of mental health") == true)
            #expect(
                rows.last?.hasSuffix(
                    ",E08000018,Rotherham,local authority,2015,Persons,5-16 yrs,,,10.0826082976812,,,,,,"
                        + "3752.64598231396,37219,Value is modelled or synthetic estimate") == true)

            // Past the first pieces of rows put together on other threads: every figure before the repeat is out.
            let copies = try Self.fingertipsCopies(10_000)
            try Self.write([lines[0]] + copies + [copies[0]], to: folder + "/late.csv")
            let late = try SVTKBinary.run(["load", folder + "/late.csv", "--format", "csv", "--quiet"])
            #expect(late.status == 1)
            #expect(late.errors.contains("\(folder)/late.csv:10002: this row repeats a figure an earlier row gave"))
            #expect(late.output.split(separator: "\n").count == 10_001)
        }
    }

    @Test("load writes 10,000 Fingertips figures, each of a new area, each row naming its own area, in order")
    func loadFingertipsNewAreas() throws {
        var fields = try Self.fingertipsStart()[3].split(separator: ",", omittingEmptySubsequences: false)
            .map(String.init)
        let rows = (0..<10_000).map { n in
            (fields[4], fields[5]) = (String(format: "E08%06d", n), "Area \(n)")
            return fields.joined(separator: ",")
        }
        try Self.inTemporaryFolder { folder in
            try Self.write([String(try Self.fingertipsStart()[0])] + rows, to: folder + "/areas.csv")
            let run = try SVTKBinary.run(["load", folder + "/areas.csv", "--format", "csv", "--quiet"])
            #expect(run.status == 0, "\(run.errors)")
            let written = run.output.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
            #expect(written.count == 10_000)
            // Past nine full blocks of shared cells and a piece handed to another thread: each row's own area.
            let areas = written.map { $0.count > 7 ? "\($0[5]),\($0[6])" : "" }
            #expect(areas == (0..<10_000).map { String(format: "E08%06d", $0) + ",Area \($0)" })
        }
    }

    @Test("load writes 20,000 figures of one Fingertips indicator in the file's order, each breakdown its own")
    func loadFingertipsInOrder() throws {
        try Self.inTemporaryFolder { folder in
            try Self.write(
                [String(try Self.fingertipsStart()[0])] + Self.fingertipsCopies(20_000), to: folder + "/c.csv")
            let run = try SVTKBinary.run(["load", folder + "/c.csv", "--format", "csv", "--quiet"])
            #expect(run.status == 0, "\(run.errors)")
            let rows = run.output.split(separator: "\n").dropFirst()
            #expect(rows.count == 20_000)
            let firstOutOfOrder = rows.enumerated().first { n, row in
                !row.contains(",Persons,5-16 yrs,Test copies,copy \(n),\(n).5,")
            }
            #expect(firstOutOfOrder == nil)
        }
    }

    @Test("load of a Fingertips export, a wide census table and another export writes each file's rows in turn")
    func loadFilesInTurn() throws {
        let demo = try String(
            contentsOf: SVTKBinary.repository.appendingPathComponent("Datasets/demo/fingertips_rotherham.csv"),
            encoding: .utf8
        ).split(separator: "\n").map(String.init)
        try Self.inTemporaryFolder { folder in
            try Self.write(Array(demo[0...20]), to: folder + "/first.csv")
            try Self.write([demo[0]] + demo[21...], to: folder + "/second.csv")
            let census = SVTKBinary.repository.appendingPathComponent(
                "Datasets/demo/census2021_ts045_lsoa_rotherham.csv"
            ).path
            let files = [folder + "/first.csv", census, folder + "/second.csv"]
            let together = try SVTKBinary.run(["load", "--format", "csv", "--quiet"] + files)
            #expect(together.status == 0, "\(together.errors)")
            var apart: [Substring] = []
            for file in files {
                let run = try SVTKBinary.run(["load", "--format", "csv", "--quiet", file])
                apart += run.output.split(separator: "\n").dropFirst()
            }
            #expect(apart.count == 20 + 1530 + 25)  // the census table's 170 LSOAs × (5 counts + 4 shares)
            #expect(Array(together.output.split(separator: "\n").dropFirst()) == apart)
        }
    }

    @Test("load writes a later file's figures with the indicator as that file declares it again")
    func loadIndicatorDeclaredAgain() throws {
        let lines = try Self.fingertipsStart().map(String.init)
        let name =
            "Estimated prevalence of mental health disorders in children and young people: % population aged 5-16"
        try Self.inTemporaryFolder { folder in
            try Self.write(Array(lines[0...2]), to: folder + "/a.csv")
            try Self.write([lines[0], lines[3].replacingOccurrences(of: name, with: "Renamed")], to: folder + "/b.csv")
            let run = try SVTKBinary.run(["load", folder + "/a.csv", folder + "/b.csv", "--format", "csv", "--quiet"])
            #expect(run.status == 0, "\(run.errors)")
            let starts = run.output.split(separator: "\n").dropFirst().map {
                $0.split(separator: ",").prefix(3).joined(separator: ",")
            }
            #expect(
                starts == [
                    "\(folder)/a.csv,91141,\(name)", "\(folder)/a.csv,91141,\(name)", "\(folder)/b.csv,91141,Renamed",
                ])
        }
    }

    @Test("a normalised file read back is a file of its own: its source repeated after it, its own repeat at its line")
    func normalisedReadBack() throws {
        try Self.inTemporaryFolder { folder in
            let source = "Datasets/demo/fingertips_rotherham.csv"
            let first = try SVTKBinary.run(["load", source, "--format", "csv", "--quiet"])
            try first.output.write(toFile: folder + "/normalised.csv", atomically: true, encoding: .utf8)
            // Its figures name the export as their source; the export read after it repeats every one of them.
            let both = try SVTKBinary.run(["load", folder + "/normalised.csv", source, "--format", "csv"])
            #expect(both.status == 0, "\(both.errors)")
            #expect(both.output == first.output)
            let note = "note: 45 figure(s) repeated by a later file with the same value: written once"
            #expect(both.errors.contains(note))
            // A row given twice in the normalised file is its error, at its line, in load, inspect and the dataset.
            let lines = first.output.split(separator: "\n").map(String.init)
            try Self.write(lines + [lines[1]], to: folder + "/twice.csv")
            for command in [["load"], ["inspect"], ["needs", "--data"]] {
                let run = try SVTKBinary.run(command + [folder + "/twice.csv"])
                #expect(run.status == 1)
                let error = "error: \(folder)/twice.csv:47: this row repeats a figure"
                #expect(run.errors.contains(error), "\(run.errors)")
            }
            // As JSON: the object given again, on the array's line 47.
            let json = try SVTKBinary.run(["load", source, "--format", "json", "--quiet"])
            // "[", then an object a line, each but the last followed by a comma, then "]".
            var objects = json.output.split(separator: "\n").map(String.init)
            let again = String(objects[1].dropLast())  // without its comma
            objects[objects.count - 2] += ","
            objects.insert(again, at: objects.count - 1)
            try Self.write(objects, to: folder + "/twice.json")
            let run = try SVTKBinary.run(["load", folder + "/twice.json"])
            #expect(run.status == 1)
            #expect(run.errors.contains("error: \(folder)/twice.json:47: this row repeats a figure"), "\(run.errors)")
        }
    }

    @Test("svtk load's output reads back as written: an empty period, an id two editions name apart, a census table")
    func readBackAsWritten() throws {
        try Self.inTemporaryFolder { folder in
            let fixtures = "Tests/LoadersTests/Fixtures/"
            let inputs = [
                // A ward profile has no period column: its figures' periods are empty.
                ["load", fixtures + "ward_profile.csv", "--metadata", fixtures + "ward_profile.meta.csv"],
                // IoD2019 and IoD2025 name the same IMD rank apart: each file's rows carry its own name.
                ["load", "Datasets/demo/iod2019_domains_rotherham.csv", "Datasets/demo/iod2025_domains_rotherham.csv"],
            ]
            for (n, input) in inputs.enumerated() {
                for format in ["csv", "json"] {
                    let written = try SVTKBinary.run(input + ["--format", format, "--quiet"])
                    #expect(written.status == 0, "\(written.errors)")
                    let path = "\(folder)/written\(n).\(format)"
                    try written.output.write(toFile: path, atomically: true, encoding: .utf8)
                    let read = try SVTKBinary.run(["load", path, "--format", format, "--quiet"])
                    #expect(read.status == 0, "\(read.errors)")
                    // The source column names each figure's file, so the bytes read back are the bytes written.
                    #expect(read.output == written.output, "\(input[1]) as \(format)")
                }
            }
            // A census table's rows and its output read back, in either order: each figure written once.
            let census = "Datasets/demo/census2021_ts045_lsoa_rotherham.csv"
            let rows = try SVTKBinary.run(["load", census, "--quiet"])
            try rows.output.write(toFile: folder + "/census.csv", atomically: true, encoding: .utf8)
            for order in [[census, folder + "/census.csv"], [folder + "/census.csv", census]] {
                let both = try SVTKBinary.run(["load"] + order)
                #expect(both.status == 0, "\(both.errors)")
                #expect(both.output == rows.output)
                #expect(both.errors.contains("note: 1530 figure(s) repeated by a later file with the same value"))
            }
            let names = try SVTKBinary.run(inputs[1] + ["--quiet"]).output.split(separator: "\n")
            // Each edition's rows carry the name it gives.
            let imd = names.filter { $0.contains(",iod:index-of-multiple-deprivation:rank,") }
            #expect(imd.count == 337)
            for (file, name, count) in [
                ("iod2019", "Index of Multiple Deprivation (IMD) rank (1 = most deprived)", 167),
                ("iod2025", "Index of Multiple Deprivation rank (1 = most deprived)", 170),
            ] {
                #expect(imd.filter { $0.contains("/\(file)_") && $0.contains(",\(name),") }.count == count)
            }
        }
    }

    @Test("a later file that cannot be opened stops load after the rows of the files before it")
    func unreadableLaterFile() throws {
        let census = "Datasets/demo/census2021_ts045_lsoa_rotherham.csv"
        let alone = try SVTKBinary.run(["load", census, "--quiet"])
        let run = try SVTKBinary.run(["load", census, "/nonexistent/file.csv", "--quiet"])
        #expect(run.status == 1)
        #expect(run.output == alone.output)
        #expect(run.errors.contains("/nonexistent/file.csv"))
    }

    @Test("svtk's JSON read from standard input is read as from a file")
    func jsonFromStandardInput() throws {
        let json = try SVTKBinary.run(["load", "Datasets/demo/fingertips_rotherham.csv", "--format", "json", "--quiet"])
        let piped = try SVTKBinary.run(["load", "-", "--quiet"], input: Data(json.output.utf8))
        #expect(piped.status == 0, "\(piped.errors)")
        let direct = try SVTKBinary.run(["load", "Datasets/demo/fingertips_rotherham.csv", "--quiet"])
        #expect(piped.output == direct.output)  // the source column names the export, as the JSON says
    }

    @Test("Fingertips indicator metadata given after the data still judges every row the export does not")
    func metadataAfterData() throws {
        try Self.inTemporaryFolder { folder in
            try Self.write(
                ["IndicatorID,IndicatorName,Polarity", "91141,Children's mental health (metadata name),Low is good"],
                to: folder + "/metadata.csv")
            let run = try SVTKBinary.run(["load", "Datasets/demo/fingertips_rotherham.csv", folder + "/metadata.csv"])
            #expect(run.status == 0, "\(run.errors)")
            let rows = run.output.split(separator: "\n").filter { $0.contains(",91141,") }
            #expect(rows.count == 3)
            // The export's own name and unit; the polarity, which it lacks, from the metadata.
            let name =
                "Estimated prevalence of mental health disorders in children and young people: % population aged 5-16"
            #expect(rows.allSatisfy { $0.contains(",91141,\(name),%,lower is better,") })
        }
    }

    @Test("deprivation given two editions, one of which holds none of the authority's LSOAs, reads it from the other")
    func deprivationEditionWithoutTheAuthority() throws {
        try Self.inTemporaryFolder { folder in
            let demo = "Datasets/demo/"
            // IoD2025 for other LSOAs of another authority only, as an extract for South Yorkshire is for Cornwall.
            var elsewhere = try String(contentsOfFile: demo + "iod2025_domains_rotherham.csv", encoding: .utf8)
            for (from, to) in [
                ("E01007", "E01097"), ("E01032", "E01092"), ("E01034", "E01094"), ("E08000018", "E08000019"),
                ("Rotherham", "Sheffield"),
            ] {
                elsewhere = elsewhere.replacingOccurrences(of: from, with: to)
            }
            try elsewhere.write(toFile: folder + "/iod2025_elsewhere.csv", atomically: true, encoding: .utf8)
            let run = try SVTKBinary.run([
                "deprivation", "--iod", demo + "iod2019_domains_rotherham.csv", "--iod",
                folder + "/iod2025_elsewhere.csv",
                "--population", demo + "iod2019_population_rotherham.csv", "--population",
                demo + "census2021_ts007a_lsoa_rotherham.csv", "--lookup", demo + "lookup_lsoa11_lsoa21_rotherham.csv",
                "--lookup", demo + "lookup_lsoa21_ward22_rotherham.csv", "--authority", "Rotherham",
            ])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.errors.contains("note: the IoD2025 files hold no LSOA of E08000018"))
            #expect(run.output.hasPrefix("Index of Multiple Deprivation 2019 by ward (25 wards"))
            let nowhere = try SVTKBinary.run([
                "deprivation", "--iod", folder + "/iod2025_elsewhere.csv", "--population",
                demo + "census2021_ts007a_lsoa_rotherham.csv", "--lookup", demo + "lookup_lsoa21_ward22_rotherham.csv",
                "--authority", "Rotherham",
            ])
            #expect(nowhere.status == 1)
            #expect(nowhere.errors.contains("no LSOA of E08000018 in the deprivation files"))
        }
    }

    @Test("a roll-up from files missing some LSOAs says which wards are short; a wrong population file is an error")
    func rollUpsShortOfLSOAs() throws {
        try Self.inTemporaryFolder { folder in
            let demo = "Datasets/demo/"
            let lookup = demo + "lookup_lsoa21_ward22_rotherham.csv"
            // The first 100 of Rotherham's 170 LSOAs.
            for file in ["iod2025_domains_rotherham.csv", "census2021_ts045_lsoa_rotherham.csv"] {
                // Split on line feeds as bytes: the IoD file's lines end in CR LF, which Swift reads as one Character.
                let text = try String(contentsOfFile: demo + file, encoding: .utf8)
                let lines = text.utf8.split(separator: UInt8(ascii: "\n")).prefix(101).map {
                    String(decoding: $0, as: UTF8.self)
                }
                try Self.write(lines, to: folder + "/" + file)
            }
            let iod = try SVTKBinary.run([
                "deprivation", "--iod", folder + "/iod2025_domains_rotherham.csv", "--population",
                demo + "census2021_ts007a_lsoa_rotherham.csv", "--lookup", lookup,
            ])
            #expect(iod.status == 0, "\(iod.errors)")
            #expect(iod.errors.contains("70 LSOA(s) the lookup places in the authorities' wards have no figures"))
            #expect(
                iod.errors.contains("12 ward(s) from part of their LSOAs (e.g. Anston & Woodsetts), 6 ward(s) left out")
            )
            // Census sums of 12 wards and the borough, 5 counts each, are left out; 6 wards have no figure at all.
            let census = try SVTKBinary.run([
                "needs", "--data", folder + "/census2021_ts045_lsoa_rotherham.csv", lookup,
            ])
            #expect(census.errors.contains("note: 65 census sum(s) of a ward or authority left out"))
            #expect(census.errors.contains("note: 6 ward(s) of the authorities summed have no census LSOA figure"))
            // A census table by authority gives no LSOA's population.
            let population = try SVTKBinary.run([
                "deprivation", "--iod", demo + "iod2025_domains_rotherham.csv", "--population",
                demo + "census2021_ts045_lsoa_rotherham.csv", "--lookup", lookup,
            ])
            #expect(population.status == 1)
            #expect(population.errors.contains("--population: no LSOA's total population in this file"))
            let noAreas = try SVTKBinary.run(["needs", "--data", demo + "fingertips_rotherham.csv", "--areas", " , "])
            #expect(noAreas.status == 1)
            #expect(noAreas.errors.contains("--areas: names no area"))
        }
    }

    @Test(
        "deprivation finds --authority as needs does: by name in the lookups; a replaced district names its successor"
    )
    func deprivationAuthority() throws {
        let demo = "Datasets/demo/"
        let files = [
            "--iod", demo + "iod2025_domains_rotherham.csv", "--population",
            demo + "census2021_ts007a_lsoa_rotherham.csv",
            "--lookup", demo + "lookup_lsoa21_ward22_rotherham.csv", "--format", "csv",
        ]
        let byCode = try SVTKBinary.run(["deprivation"] + files + ["--authority", "E08000018"])
        let byName = try SVTKBinary.run(["deprivation"] + files + ["--authority", "rotherham"])
        #expect(byName.status == 0 && byName.output == byCode.output)
        let replaced = try SVTKBinary.run(["deprivation"] + files + ["--authority", "Carlisle"])
        #expect(replaced.status == 1)
        #expect(replaced.errors.contains("--authority: Carlisle (E07000028) became part of Cumberland (E06000063)"))
    }

    @Test("svtk deprivation's wards read with the files they come from: the roll-up's figures are duplicates, counted")
    func rollUpReadBack() throws {
        try Self.inTemporaryFolder { folder in
            let demo = ["iod2025_domains_rotherham.csv", "census2021_ts007a_lsoa_rotherham.csv"].map {
                "Datasets/demo/" + $0
            }
            let lookup = "Datasets/demo/lookup_lsoa21_ward22_rotherham.csv"
            let wards = try SVTKBinary.run([
                "deprivation", "--iod", demo[0], "--population", demo[1], "--lookup", lookup, "--format", "csv",
            ])
            #expect(wards.status == 0, "\(wards.errors)")
            try wards.output.write(toFile: folder + "/wards.csv", atomically: true, encoding: .utf8)
            // 25 wards × 40 figures, whether the wards' file is read before the files they are rolled up from or after.
            let figures = wards.output.split(separator: "\n").count - 1
            #expect(figures == 1000)
            var outputs: [String] = []
            for data in [demo + [lookup, folder + "/wards.csv"], [folder + "/wards.csv"] + demo + [lookup]] {
                let run = try SVTKBinary.run(["needs", "--format", "csv", "--data"] + data)
                #expect(run.status == 0, "\(run.errors)")
                let note = "note: \(figures) figure(s) appeared in more than one file"
                #expect(run.errors.contains(note), "\(run.errors)")
                outputs.append(run.output)
            }
            #expect(outputs[0] == outputs[1])
        }
    }

    @Test("a file given twice to load or deprivation is refused, naming it, before anything is written")
    func fileGivenTwice() throws {
        let file = "Datasets/demo/fingertips_rotherham.csv"
        let load = try SVTKBinary.run(["load", file, file])
        #expect(load.status == 1 && load.output.isEmpty)
        #expect(load.errors.contains("error: \(file): is given twice: each file is read once"), "\(load.errors)")
        let iod = "Datasets/demo/iod2019_domains_rotherham.csv"
        let deprivation = try SVTKBinary.run([
            "deprivation", "--iod", iod, "--population", iod, "--lookup",
            "Datasets/demo/lookup_lsoa21_ward22_rotherham.csv",
        ])
        #expect(deprivation.status == 1)
        #expect(deprivation.errors.contains("error: \(iod): is given twice"), "\(deprivation.errors)")
    }

    @Test("load writes the rows before a file's error, then exits 1 naming its line")
    func loadStopsAtError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-repeat-\(UUID()).csv").path
        try "date,geography,geography code,Age: Total,Age: Band 1\n2021,A,E01000001,50,5\n2021,B,E01000002,40,4\n"
            .appending("2021,A,E01000001,50,5\n").write(toFile: path, atomically: true, encoding: .utf8)
        let run = try SVTKBinary.run(["load", path, "--format", "csv", "--quiet"])
        #expect(run.status == 1)
        #expect(run.errors.contains("\(path):4: this row repeats a figure an earlier row gave"))
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 7)  // the header, and rows A and B: a total, a band and its share (5 of 50 is 10%)
        let share = "census2021:age:band-1:percent,Age: Band 1 (% of total),%,unknown"
        #expect(lines.last == "\(path),\(share),E01000002,B,LSOA,2021,,,,,10,,,,,,4,40,")
    }

    @Test("wrong usage exits 64, naming the option and the values it takes")
    func usage() throws {
        let run = try SVTKBinary.run(["load", "x.csv", "--format", "table"])
        #expect(run.status == 64)
        #expect(run.errors.contains("'--format <format>'. Please provide one of 'csv' and 'json'."), "\(run.errors)")
        let help = try SVTKBinary.run(["load", "--help"])
        let words = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")  // however it wraps
        #expect(words.contains("(values: csv, json; default: csv)"), "\(help.output)")
        // A listing is a table or JSON: csv is refused, not answered with a table.
        for command in [["cpv", "refuse vehicles"], ["subjects"], ["measures", "show", "J2"], ["inspect", "x.csv"]] {
            let listing = try SVTKBinary.run(command + ["--format", "csv"])
            #expect(listing.status == 64, "\(command)")
            #expect(listing.errors.contains("Please provide one of 'table' and 'json'."), "\(command)")
        }
        // A file given twice, under two spellings of its path, is refused.
        let demo = "Datasets/demo/fingertips_rotherham.csv"
        let twice = try SVTKBinary.run(["inspect", demo, "./" + demo])
        #expect(twice.status == 1 && twice.errors.contains("is given twice"), "\(twice.errors)")
    }

    @Test("something asked for that is not there exits 1 naming it, without the usage text")
    func notThere() throws {
        let measure = try SVTKBinary.run(["measures", "show", "J99"])
        #expect(measure.status == 1)
        #expect(measure.errors.hasPrefix("error: no measure \"J99\"") && !measure.errors.contains("Usage"))
        let framework = try SVTKBinary.run(["measures", "list", "--framework", "nope"])
        #expect(framework.status == 1)
        #expect(framework.errors.hasPrefix("error: --framework: unknown framework \"nope\""))
        let link = try SVTKBinary.run(["links", "--data"] + SVTKBinary.demoFiles + ["--measure", "J99", "--quiet"])
        #expect(link.status == 1)
        #expect(link.errors.contains("error: --measure: no measure \"J99\" in the open framework"))
        let workspace = try SVTKBinary.run(["workspace", "export", "--workspace", "/nonexistent/w.sqlite"])
        #expect(workspace.status == 1)
        #expect(workspace.errors == "error: /nonexistent/w.sqlite: no such workspace file\n")
    }

    @Test("inspect with a malformed editions file exits 1 naming its line, not checking IoD ranks against nothing")
    func malformedEditions() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-datasets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: SVTKBinary.repository.appendingPathComponent("Datasets"), to: copy)
        let editions = copy.appendingPathComponent("policy/editions.csv")
        let text = try String(contentsOf: editions, encoding: .utf8)
        try text.replacingOccurrences(of: ",32844,", with: ",3x,").write(
            to: editions, atomically: true, encoding: .utf8)
        let iod = "Datasets/demo/iod2019_domains_rotherham.csv"
        let run = try SVTKBinary.run(["inspect", iod], environment: ["SVTK_DATASETS": copy.path])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("error: \(editions.path):2:"))
        #expect(try SVTKBinary.run(["inspect", iod]).status == 0)
    }

    @Test("output that cannot be written exits 73 naming the path")
    func cannotWrite() throws {
        let run = try SVTKBinary.run(
            ["report", "--contract", "Datasets/contracts/highways_resurfacing.json", "--data"] + SVTKBinary.demoFiles
                + ["--out", "/proc/svtk-report/r.html", "--quiet"])
        #expect(run.status == 73)
        #expect(run.errors == "error: /proc/svtk-report: cannot make this folder for the report\n")
    }

    @Test(
        "deprivation for a shire county: its districts' 538 LSOAs of IoD2019 to 177 wards, most deprived first",
        .enabled(if: FileManager.default.fileExists(atPath: ExamplesTests.shared.path), "../shared is absent"))
    func deprivationOfCounty() throws {
        let data = ExamplesTests.shared.appendingPathComponent("data").path
        let norfolk = [
            "deprivation", "--authority", "Norfolk", "--quiet", "--lookup",
            data + "/census/Ward_to_Local_Authority_District_to_County_to_Region_to_Country_December_2022_Lookup_in_"
                + "United_Kingdom.csv",
            "--lookup",
            data + "/census/Lower_Layer_Super_Output_Area_2021_to_Ward_2022_to_LAD_2022_Lookup_in_England_and_"
                + "Wales_v3.csv",
        ]
        let run = try SVTKBinary.run(
            norfolk + [
                "--iod", data + "/deprivation/File_2_-_IoD2019_Domains_of_Deprivation.csv",
                "--population", data + "/deprivation/File_6_-_IoD2019_Population_Denominators.csv",
                "--lookup", data + "/deprivation/LSOA11_LSOA21_LAD22_EW_LU.csv",
            ])
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n")
        // 538 LSOAs of Breckland, Broadland, Great Yarmouth, King's Lynn and West Norfolk, North Norfolk, Norwich and
        // South Norfolk in File 2; Nelson (Great Yarmouth) first, the first in its district.
        #expect(lines.first?.hasPrefix("Index of Multiple Deprivation 2019 by ward (177 wards from 538 LSOAs;") == true)
        #expect(lines.count > 3 && lines[1].hasPrefix("rank in district  ward"))
        #expect(lines.count > 3 && lines[3].hasPrefix("               1  Nelson ") && lines[3].contains("E07000145"))
        // IoD files holding none of the county's LSOAs: an error, as for an authority.
        let none = try SVTKBinary.run(
            norfolk + [
                "--iod", data + "/deprivation/iod2025/iod2025_domains_south_yorkshire.csv",
                "--population", data + "/census/census2021-ts007a-lsoa.csv",
            ])
        #expect(none.status == 1 && none.signal == nil, "\(none.errors)")
        #expect(none.errors.contains("no LSOA of Norfolk in the deprivation files"), "\(none.errors)")
    }

    @Test("deprivation ranks the demo borough's wards, Rotherham East first")
    func deprivation() throws {
        let run = try SVTKBinary.run([
            "deprivation", "--iod", "Datasets/demo/iod2019_domains_rotherham.csv",
            "--population", "Datasets/demo/iod2019_population_rotherham.csv",
            "--lookup", "Datasets/demo/lookup_lsoa11_lsoa21_rotherham.csv",
            "--lookup", "Datasets/demo/lookup_lsoa21_ward22_rotherham.csv", "--authority", "Rotherham", "--quiet",
        ])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 3 + 25)
        #expect(lines[3].contains("Rotherham East"))
        #expect(lines[3].hasPrefix("   1"))
    }
}

@Suite("svtk measures, cpv and taxonomy")
struct CatalogueCommandTests {
    @Test("measures --framework council --format json lists the 36 reconstructed measures")
    func measuresJSON() throws {
        let run = try SVTKBinary.run(["measures", "--framework", "council", "--format", "json"])
        #expect(run.status == 0)
        let measures = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        #expect(measures.count == 36)
        #expect(measures.first { $0["ref"] as? String == "RJ2" }?["proxyValue"] as? Double == 20420.6)
    }

    @Test("measures show gives the same text every run: needs in the order of the need domains file")
    func measuresShowIsStable() throws {
        let runs = try (0..<4).map { _ in try SVTKBinary.run(["measures", "show", "J2"]).output }
        #expect(Set(runs).count == 1)
        let needs = runs[0].components(separatedBy: "Answers these needs:\n")[1].components(separatedBy: "\n\n")[0]
        #expect(needs.hasPrefix("  Worklessness and long-term unemployment:"))
    }

    @Test("measures show prints the proxy working and the needs a measure answers")
    func measuresShow() throws {
        let run = try SVTKBinary.run(["measures", "show", "J2"])
        #expect(run.status == 0)
        #expect(run.output.contains("= 14,044 + 566 = 14,610"))
        #expect(run.output.contains("Worklessness and long-term unemployment"))
    }

    @Test("cpv names a code, its subject and why, and the subject's natural measures; a wrong check digit exits 1")
    func cpv() throws {
        let run = try SVTKBinary.run(["cpv", "90910000"])
        #expect(run.status == 0)
        #expect(run.output.contains("Cleaning services"))
        #expect(run.output.contains("subject: Building, window and specialist cleaning (CPV 9091…: "))
        #expect(run.output.contains("natural measures (never cut for weak need; `svtk subjects --subject "))
        #expect(!run.output.contains("fallback"))
        let fallback = try SVTKBinary.run(["cpv", "42000000"])
        #expect(fallback.output.contains("a division-level fallback"))
        let bad = try SVTKBinary.run(["cpv", "45233142-5"])
        #expect(bad.status == 1)
        #expect(bad.errors.contains("45233142-6"))
    }

    @Test("subjects: at least 95% of the CPV codes of the divisions councils buy in reach a finer subject")
    func subjects() throws {
        let coverage = try SVTKBinary.run(["subjects", "--coverage", "--format", "json"])
        #expect(coverage.status == 0)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(coverage.output.utf8)) as? [String: Any])
        let divisions = try #require(document["divisions"] as? [[String: Any]])
        #expect(divisions.count == 39)
        let share = try #require(document["share"] as? Double)
        #expect(share >= 0.95)
        // Every subject's natural measure has its reason; a subject's listing names its CPV prefixes.
        let guarding = try SVTKBinary.run(["subjects", "--subject", "security-guarding"])
        #expect(guarding.status == 0 && guarding.output.contains("CPV prefixes: "))
        #expect(try SVTKBinary.run(["subjects", "--subject", "no-such-subject"]).status == 1)
    }

    @Test("taxonomy check passes on the shipped files")
    func taxonomyCheck() throws {
        let run = try SVTKBinary.run(["taxonomy", "check", "--quiet"])
        #expect(run.status == 0)
        #expect(run.output.contains("taxonomy check passed"))
    }
}

@Suite("svtk needs and links")
struct NeedsCommandTests {
    static let demo = [
        "Datasets/demo/census2021_economic_activity_ward_rotherham.csv",
        "Datasets/demo/census2021_ts062_lsoa_rotherham.csv", "Datasets/demo/fingertips_rotherham.csv",
        "Datasets/demo/iod2019_domains_rotherham.csv", "Datasets/demo/iod2019_population_rotherham.csv",
        "Datasets/demo/lookup_lsoa11_lsoa21_rotherham.csv", "Datasets/demo/lookup_lsoa21_ward22_rotherham.csv",
    ]

    @Test("sources lists every demo file with its publisher, periods, coverage and checksum, and warns of IoD2019")
    func sources() throws {
        let run = try SVTKBinary.run(["sources", "--data"] + SVTKBinary.demoFiles)
        #expect(run.status == 0)
        let blocks = run.output.components(separatedBy: "\nDatasets/demo/")
        let iod2019 = try #require(blocks.first { $0.hasPrefix("iod2019_domains_rotherham.csv") })
        #expect(iod2019.contains("publisher  Ministry of Housing, Communities and Local Government (MHCLG)"))
        #expect(iod2019.contains("covers     1 local authority, 167 LSOAs"))
        #expect(iod2019.contains("WARNING    edition 2019 is superseded by 2025 (published 2025-10-30): 2025 is among"))
        let iod2025 = try #require(blocks.first { $0.hasPrefix("iod2025_domains_rotherham.csv") })
        #expect(iod2025.contains("periods    2025") && iod2025.contains("170 LSOAs") && !iod2025.contains("WARNING"))
        #expect(run.output.contains("Attribution:\n  Source: Office for National Statistics licensed under the Open"))
        #expect(run.errors.contains("note: 3 file(s) with a warning"))
        let json = try SVTKBinary.run(
            ["sources", "--data", "Datasets/demo/iod2025_domains_rotherham.csv", "--format", "json"])
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let entry = try #require((document["entries"] as? [[String: Any]])?.first)
        // sha256sum and wc -c of the extract.
        #expect(entry["sha256"] as? String == "5facb3679a4bcf05a44bfbc980e5666c0d77c16a0655eb4c2cb2770dd028c6eb")
        #expect(entry["bytes"] as? Int == 19_998)
    }

    @Test("wards lists the authorities the lookups cover, then an authority's wards with their codes")
    func wards() throws {
        let authorities = try SVTKBinary.run(["wards", "--data"] + SVTKBinary.demoFiles)
        #expect(authorities.status == 0)
        #expect(authorities.output == "1 authority in the lookups (wards each)\n  E08000018  Rotherham  25\n")
        let wards = try SVTKBinary.run(
            ["wards", "--data"] + SVTKBinary.demoFiles + ["--authority", "rotherham", "--format", "csv"])
        #expect(wards.status == 0)
        let lines = wards.output.split(separator: "\n")
        #expect(lines.count == 26)
        #expect(lines[0] == "code,name" && lines[1] == "E05012993,Anston & Woodsetts")
        let wrong = try SVTKBinary.run(["wards", "--data", "Datasets/demo/fingertips_rotherham.csv"])
        #expect(wrong.status == 1)
        #expect(wrong.errors.contains("no ONS geography lookup among the files"))
    }

    @Test("atlas gives every ward's score on every domain, the same scores needs gives for the ward")
    func atlas() throws {
        let run = try SVTKBinary.run(["atlas", "--data"] + SVTKBinary.demoFiles + ["--quiet"])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n")
        #expect(
            lines[0]
                == "authority_code,authority,ward_code,ward,domain,score,local_score,national_score,level,indicators")
        #expect(lines.count == 1 + 25 * 15)  // 25 wards × 15 domains
        let needs = try SVTKBinary.run(
            ["needs", "--data"] + SVTKBinary.demoFiles
                + ["--areas", "Rotherham East", "--format", "csv", "--quiet"])
        let needScores = Set(
            needs.output.split(separator: "\n").dropFirst().map { line -> String in
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                return "\(cells[2]),\(cells[3])"
            })
        let atlasScores = Set(
            lines.dropFirst().filter { $0.contains(",Rotherham East,") }.map { line -> String in
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                return "\(cells[4]),\(cells[5])"
            })
        #expect(atlasScores.count == 15)
        #expect(atlasScores == needScores)
        #expect(atlasScores.contains("crime-safety,1.5805"))  // IoD2025 drives need since the demo gained it
    }

    @Test("needs --format json gives each area's domains with their evidence and no-data notes")
    func needsJSON() throws {
        let run = try SVTKBinary.run(
            ["needs", "--data"] + Self.demo + ["--areas", "Rotherham East", "--format", "json", "--quiet"])
        #expect(run.status == 0)
        let profiles = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        #expect(profiles.count == 1)
        let domains = try #require(profiles[0]["domains"] as? [[String: Any]])
        #expect(domains.count == 15)
        #expect(domains[0]["level"] as? String == "high need")
        #expect(
            domains.contains { $0["domain"] as? String == "digital-exclusion" && $0["level"] as? String == "no data" })
    }

    @Test("needs prints the borough, its wards and the wards that stand out")
    func needsTable() throws {
        let run = try SVTKBinary.run(["needs", "--data"] + Self.demo + ["--quiet"])
        #expect(run.status == 0)
        #expect(run.output.contains("Rotherham (E08000018, local authority)"))
        #expect(run.output.contains("Wards standing out"))
    }

    @Test("links answers: which local needs does J2 answer here?")
    func linksByMeasure() throws {
        let run = try SVTKBinary.run(
            ["links", "--data"] + Self.demo + ["--measure", "J2", "--format", "csv", "--quiet"])
        #expect(run.status == 0)
        let rows = run.output.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.contains("open:J2") })
        #expect(rows.contains { $0.hasPrefix("need,Rotherham East,worklessness,") })
    }

    @Test("links with an action plan links the disability gap to J5")
    func linksGaps() throws {
        let run = try SVTKBinary.run(
            ["links", "--data"] + Self.demo + [
                "--eaap", "Datasets/demo/equality_action_plan_illustrative.csv",
                "--characteristic", "disabled", "--format", "json", "--quiet",
            ])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let gaps = try #require(object["equalityGaps"] as? [[String: Any]])
        #expect(gaps.contains { $0["measure"] as? String == "open:J5" })
        #expect(gaps.allSatisfy { !(($0["reason"] as? String) ?? "").isEmpty })
    }
}

@Suite("svtk recommend, evaluate and monitor")
struct RecommendCommandTests {
    static let recommend =
        [
            "recommend", "--contract", "Datasets/contracts/highways_resurfacing.json",
            "--eaap", "Datasets/demo/equality_action_plan_illustrative.csv", "--data",
        ] + NeedsCommandTests.demo + ["--quiet"]

    @Test("recommend --format json has the documented keys, and two runs are byte-identical")
    func json() throws {
        let first = try SVTKBinary.run(Self.recommend + ["--format", "json"])
        let second = try SVTKBinary.run(Self.recommend + ["--format", "json"])
        #expect(first.status == 0)
        #expect(first.output == second.output)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [String: Any])
        for key in ["contract", "rules", "measures", "excluded", "totalSleva"] { #expect(object[key] != nil, "\(key)") }
        let rules = try #require(object["rules"] as? [String: Any])
        for key in [
            "commitments", "socialValueWeighting", "quantitativeShare", "qualitativeShare", "qualitativeEvidence",
            "localQuotation", "realLivingWage",
        ] { #expect(rules[key] != nil, "\(key)") }
        #expect(rules["qualitativeEvidence"] as? String == "delivery plan")
        let measures = try #require(object["measures"] as? [[String: Any]])
        for key in [
            "ref", "framework", "theme", "title", "unit", "relevance", "relevanceReason", "needs", "equalityGaps",
            "target", "proxyValue", "sleva",
        ] { #expect(measures.allSatisfy { $0[key] != nil }, "\(key)") }
    }

    @Test("recommend from flags, in Markdown")
    func flags() throws {
        let run = try SVTKBinary.run(
            [
                "recommend", "--title", "Office cleaning", "--cpv", "90911200", "--category", "services",
                "--value", "180000", "--duration-months", "36", "--fte", "9", "--data",
            ]
                + NeedsCommandTests.demo + ["--quiet", "--format", "markdown"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("# Social value recommendation: Office cleaning"))
        #expect(run.output.contains("milestone tracker"))
    }

    @Test("evaluate and monitor print the worked examples")
    func evaluateAndMonitor() throws {
        let evaluate = try SVTKBinary.run([
            "evaluate", "--contract", "Datasets/contracts/highways_resurfacing.json",
            "--offers", "Datasets/contracts/highways_offers.csv", "--format", "csv",
        ])
        #expect(evaluate.status == 0)
        // J2 and J10 valued (2/3), E8 unvalued (1/3): Acme 2/3 × 100 = 66.67; Borough 2/3 × 20,421 ÷ 43,636 × 100 +
        // 1/3 × 100 = 64.53.
        #expect(evaluate.output.contains("Acme Highways Ltd,2,43636,66.67,60,60.00,63.33,12.67,0.00"))
        #expect(evaluate.output.contains("Borough Surfacing Ltd,1,20421,64.53,80,80.00,72.27,14.45,1.00"))
        let monitor = try SVTKBinary.run([
            "monitor", "--contract", "Datasets/contracts/highways_resurfacing.json",
            "--commitments", "Datasets/contracts/highways_commitments.csv",
            "--returns", "Datasets/contracts/highways_returns.csv", "--format", "csv",
        ])
        #expect(monitor.status == 0)
        #expect(
            monitor.output.contains(
                "open:E8,Construction waste diverted above benchmark,tonnes,12,3.5,6,29%,red,2.5,7,,,cumulative,"))
        // J2 counts hires, a flow: 0 + 1 + 0 = 1 hired by Q4, against 2 × 4 ÷ 8 = 1 due: 100%, green; forecast
        // 1 ÷ 4 × 8 = 2; £20,421 of £40,841 delivered.
        #expect(
            monitor.output.contains(
                "open:J2,Long-term unemployed people employed on the contract,hires "
                    + "(FTE),2,1,1,50%,green,0,2,40841,20421,cumulative,"
            ))
    }

    @Test("evaluate and monitor write their results as JSON with sorted keys, the returns' evidence notes included")
    func evaluateAndMonitorJSON() throws {
        let evaluate = try SVTKBinary.run([
            "evaluate", "--contract", "Datasets/contracts/highways_resurfacing.json",
            "--offers", "Datasets/contracts/highways_offers.csv", "--format", "json",
        ])
        let scored = try #require(try JSONSerialization.jsonObject(with: Data(evaluate.output.utf8)) as? [String: Any])
        #expect(scored["weighting"] as? Double == 0.2)
        let offers = try #require(scored["offers"] as? [[String: Any]])
        #expect(offers.map { $0["supplier"] as? String } == ["Acme Highways Ltd", "Borough Surfacing Ltd"])
        #expect(offers.map { $0["rank"] as? Int } == [2, 1])
        #expect(evaluate.output.contains("\"method\" : \"quantitative score = "))
        let monitor = try SVTKBinary.run([
            "monitor", "--contract", "Datasets/contracts/highways_resurfacing.json",
            "--commitments", "Datasets/contracts/highways_commitments.csv",
            "--returns", "Datasets/contracts/highways_returns.csv", "--format", "json",
        ])
        let delivery = try #require(try JSONSerialization.jsonObject(with: Data(monitor.output.utf8)) as? [String: Any])
        let lines = try #require(delivery["lines"] as? [[String: Any]])
        #expect(lines.map { $0["measure"] as? String } == ["open:J2", "open:E8"])
        #expect(lines[0]["evidence"] as? [String] == ["Q2: contract of employment"])
        #expect(lines[1]["shortfall"] as? Double == 2.5)
    }
}

@Suite("svtk report and profile")
struct ReportCommandTests {
    @Test("report writes HTML, Markdown, JSON and CSV tables and prints a summary with the path")
    func report() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-report-\(UUID())").path
        let run = try SVTKBinary.run(
            ["report", "--contract", "Datasets/contracts/office_cleaning.json", "--data"] + NeedsCommandTests.demo
                + ["--out", folder + "/cleaning.html", "--quiet"])
        #expect(run.status == 0)
        #expect(run.output.contains("Report written to \(folder)/cleaning.html"))
        #expect(run.output.contains("Real Living Wage in scope"))
        for file in [
            "cleaning.html", "cleaning.md", "cleaning.json", "cleaning-tables/measures.csv",
            "cleaning-tables/excluded.csv",
            "cleaning-tables/rules.csv", "cleaning-tables/ward_needs.csv",
        ] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(file)")
        }
    }

    /// The title in each file of a report set, so a mixture of two runs shows.
    static func titles(in folder: String, _ name: String) throws -> Set<String> {
        let json = try String(contentsOfFile: "\(folder)/\(name).json", encoding: .utf8)
        let html = try String(contentsOfFile: "\(folder)/\(name).html", encoding: .utf8)
        let markdown = try String(contentsOfFile: "\(folder)/\(name).md", encoding: .utf8)
        let measures = try String(contentsOfFile: "\(folder)/\(name)-tables/measures.csv", encoding: .utf8)
        return Set(
            ["Cleaning of council buildings", "Highways resurfacing works"].filter { title in
                [json, html, markdown, measures].contains { $0.contains(title) }
            })
    }

    @Test("a report's files are replaced as a set: a failure leaves the previous set and no staging folder")
    func reportSetKeptOnFailure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-set-\(UUID())").path
        let arguments = ["--data"] + NeedsCommandTests.demo + ["--out", folder + "/r.html", "--quiet"]
        #expect(
            try SVTKBinary.run(["report", "--contract", "Datasets/contracts/office_cleaning.json"] + arguments).status
                == 0)
        let before = try String(contentsOfFile: folder + "/r.html", encoding: .utf8)
        // A run killed while writing leaves a staging folder without its marker; the next run removes it.
        try FileManager.default.createDirectory(atPath: folder + "/.r.set-KILLED", withIntermediateDirectories: false)
        try Data("partial".utf8).write(to: URL(fileURLWithPath: folder + "/.r.set-KILLED/r.html"))
        try FileManager.default.removeItem(atPath: folder + "/r.xlsx")
        try FileManager.default.createDirectory(atPath: folder + "/r.xlsx/inside", withIntermediateDirectories: true)
        let failed = try SVTKBinary.run(
            ["report", "--contract", "Datasets/contracts/highways_resurfacing.json"] + arguments)
        #expect(failed.status != 0 && failed.errors.contains("r.xlsx"))
        #expect(try String(contentsOfFile: folder + "/r.html", encoding: .utf8) == before)
        try FileManager.default.removeItem(atPath: folder + "/r.xlsx")
        #expect(
            try SVTKBinary.run(["report", "--contract", "Datasets/contracts/highways_resurfacing.json"] + arguments)
                .status == 0)
        #expect(try Self.titles(in: folder, "r") == ["Highways resurfacing works"])
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("two reports racing for one --out give one whole set, never a mixture")
    func reportSetsRacing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-race-\(UUID())").path
        let arguments = ["--data"] + NeedsCommandTests.demo + ["--out", folder + "/r.html", "--quiet"]
        let contracts = ["office_cleaning", "highways_resurfacing"]
        for _ in 0..<3 {
            let statuses = Mutex<[Int32]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                let run = try? SVTKBinary.run(
                    ["report", "--contract", "Datasets/contracts/\(contracts[i]).json"] + arguments)
                statuses.withLock { $0.append(run?.status ?? -1) }
            }
            #expect(statuses.withLock { $0 } == [0, 0])
            #expect(try Self.titles(in: folder, "r").count == 1)
        }
    }

    @Test("profile writes a ward profile page")
    func profile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-profile-\(UUID())").path
        let run = try SVTKBinary.run(
            ["profile", "--area", "Rotherham East", "--data"] + NeedsCommandTests.demo
                + ["--out", folder + "/east.html", "--quiet"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("Rotherham East: Income and child poverty (high need)"))
        let html = try String(contentsOfFile: folder + "/east.html", encoding: .utf8)
        #expect(html.contains("<h1>Rotherham East</h1>"))
    }
}
