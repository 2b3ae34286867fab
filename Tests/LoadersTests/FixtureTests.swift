import CSV
import Core
import Evidence
import Foundation
import Loaders
import TestSupport
import Testing

@Suite("Loaders on fixtures reproducing real headers")
struct FixtureTests {
    @Test("Nomis API long table: Total recognised, shares from it, a suppressed cell kept as missing")
    func nomisAPI() throws {
        let (data, results) = try load(fixture("nomis_api_tenure.csv"))
        #expect(results[0].format == CensusLongLoader.format)
        let id = "census2021:c2021-tenure-9:owned"
        #expect(data.figure(id, "E05012993")?.value == 3000)
        #expect(data.figure(id, "E05012993")?.denominator == 4000)
        #expect(data.figure(id + ":percent", "E05012993")?.value == 75)
        #expect(data.figure(id + ":percent", "E05012994")?.value == 75)  // 1500 of the Total 2000, not of the sum
        let suppressed = try #require(data.figure("census2021:c2021-tenure-9:social-rented", "E05012994"))
        #expect(suppressed.value == nil && suppressed.missing == .suppressed)
        #expect(data.figure("census2021:c2021-tenure-9:social-rented:percent", "E05012994")?.missing == .suppressed)
    }

    @Test("Census long table without a Total: a suppressed category leaves the total, and every share, unknown")
    func longTableSuppressed() throws {
        let header =
            "Electoral wards and divisions Code,Electoral wards and divisions,"
            + "Economic activity status last week (3 categories) Code,"
            + "Economic activity status last week (3 categories),Observation\n"
        let rows = [
            "E05012993,Anston & Woodsetts,-8,Does not apply,1900", "E05012993,Anston & Woodsetts,1,Employed,5420",
            "E05012993,Anston & Woodsetts,2,Not employed,4680", "E05012994,Aston & Todwick,-8,Does not apply,1000",
            "E05012994,Aston & Todwick,1,Employed,5420", "E05012994,Aston & Todwick,2,Not employed,[c]",
        ]
        let (data, results) = try load(temporaryFile(header + rows.joined(separator: "\n") + "\n"))
        #expect(results[0].format == CensusLongLoader.format)
        let employed = "census2021:economic-activity-status-last-week-3-categories:employed"
        // All three given: the sum 12,000 is the total, so 5,420 is 45.17%.
        #expect(data.figure(employed, "E05012993")?.denominator == 12000)
        #expect(data.figure(employed + ":percent", "E05012993")?.value == 5420.0 / 12000 * 100)
        // Not employed suppressed: the count stands, its total and share are unknown, not 5,420 of 6,420.
        let count = try #require(data.figure(employed, "E05012994"))
        #expect(count.value == 5420 && count.denominator == nil)
        let share = try #require(data.figure(employed + ":percent", "E05012994"))
        #expect(share.value == nil && share.missing == .notAvailable)
    }

    @Test("Census counts: a % sign, or a category clearly above its total, is refused at the cell, wide or long")
    func censusCountsChecked() throws {
        let demo = URL(fileURLWithPath: datasets).appendingPathComponent("demo/census2021_ts054_lsoa_rotherham.csv")
        let lines = try String(contentsOf: demo, encoding: .utf8).split(separator: "\n").prefix(3).map(String.init)
        func error(_ second: String) throws -> ToolkitError? {
            let path = try temporaryFile([lines[0], lines[1], second].joined(separator: "\n") + "\n")
            return inputError { _ = try load(path) }
        }
        #expect(try error(lines[2]) == nil)
        // Rotherham 032A: 610 households, 508 owned. "508%" is not a count; 611 owned is more than all households.
        let percent = try #require(try error(lines[2].replacingOccurrences(of: ",610,508,", with: ",610,508%,")))
        #expect(percent.line == 3 && percent.column == 5)
        #expect(percent.message.hasPrefix("a census count has no % sign"))
        // 611 owned of 610 households is within the perturbation of Census 2021's disclosure control; 672 is not.
        #expect(try error(lines[2].replacingOccurrences(of: ",610,508,", with: ",610,611,")) == nil)
        let above = try #require(try error(lines[2].replacingOccurrences(of: ",610,508,", with: ",610,672,")))
        #expect(above.line == 3 && above.column == 5)
        #expect(
            above.message.hasPrefix(
                "count 672 of column \"Tenure of household: Owned\" is above its total 610: a category is part of"))
        let header =
            "Electoral wards and divisions Code,Electoral wards and divisions,"
            + "Economic activity status last week (3 categories) Code,"
            + "Economic activity status last week (3 categories),Observation\n"
        func longError(_ employed: String) throws -> ToolkitError? {
            let rows = [
                "E05012993,Anston & Woodsetts,0,Total: All usual residents aged 16 years and over,12000",
                "E05012993,Anston & Woodsetts,1,Employed,\(employed)",
            ]
            return inputError { _ = try load(temporaryFile(header + rows.joined(separator: "\n") + "\n")) }
        }
        #expect(try longError("5420") == nil)
        #expect(try longError("5420%")?.message.hasPrefix("a census count has no % sign") == true)
        #expect(try longError("12001") == nil)
        let longAbove = try #require(try longError("13201"))
        #expect(longAbove.line == 3 && longAbove.column == 5)
        #expect(longAbove.message.hasPrefix("count 13201 of category \"Employed\" is above its total 12000"))
    }

    @Test("Census long table without a Total: an area lacking a category's row has no total, in either order")
    func longTableMissingRow() throws {
        let header =
            "Electoral wards and divisions Code,Electoral wards and divisions,"
            + "Economic activity status last week (3 categories) Code,"
            + "Economic activity status last week (3 categories),Observation\n"
        let rows = [
            "E05012994,Aston & Todwick,-8,Does not apply,1000", "E05012994,Aston & Todwick,1,Employed,5420",
            "E05012994,Aston & Todwick,2,Not employed,3580", "E05012993,Anston & Woodsetts,-8,Does not apply,1900",
            "E05012993,Anston & Woodsetts,1,Employed,5420",
        ]
        let (data, results) = try load(temporaryFile(header + rows.joined(separator: "\n") + "\n"))
        let employed = "census2021:economic-activity-status-last-week-3-categories:employed"
        #expect(data.figure(employed + ":percent", "E05012994")?.value == 54.2)  // 5,420 of 10,000
        // Not 5,420 of 7,320 (74%): the row for Not employed is missing, so the total is unknown.
        let share = try #require(data.figure(employed + ":percent", "E05012993"))
        #expect(share.value == nil && share.missing == .notAvailable)
        #expect(data.figure(employed, "E05012993")?.value == 5420)
        #expect(
            results[0].outcome.warnings.contains(
                "1 area(s) lack rows for some categories, and the file has no Total to take shares of (e.g. E05012993 "
                    + "lacks Not employed): their totals and shares are unknown"))
        // The short area first: the same figures, whatever the order of the areas.
        let reversed = [rows[3], rows[4], rows[0], rows[1], rows[2]]
        let (again, _) = try load(temporaryFile(header + reversed.joined(separator: "\n") + "\n"))
        #expect(again.figure(employed + ":percent", "E05012994")?.value == 54.2)
        #expect(again.figure(employed + ":percent", "E05012993")?.value == nil)
    }

    @Test("IoD deciles are the tenth their rank falls in, and scores within ±100: reversed or misnamed, refused")
    func iodRanksAndDeciles() throws {
        let demo = URL(fileURLWithPath: datasets).appendingPathComponent("demo/iod2025_domains_rotherham.csv").path
        // Split on line feeds as bytes: the file's lines end in CR LF, which Swift reads as one Character.
        let lines = try Data(contentsOf: URL(fileURLWithPath: demo)).split(separator: UInt8(ascii: "\n"))
            .map { String(decoding: $0, as: UTF8.self) }
        var options = LoadOptions()
        options.rankedAreas = ["2025": 33755]
        func error(_ lines: [String]) throws -> ToolkitError? {
            let path = try temporaryFile(lines.joined(separator: "\n") + "\n")
            return inputError { _ = try FileLoader.load(path, options: options, into: Dataset()) }
        }
        #expect(try error(lines) == nil)
        // Rotherham 029A: IMD rank 24,811 is decile 8 (24,811 × 10 ÷ 33,755 = 7.35, rounded up); reversed, 3.
        var reversed = lines
        reversed[1] = reversed[1].replacingOccurrences(of: ",24811,8,", with: ",24811,3,")
        let wrongDecile = try error(reversed)
        #expect(wrongDecile?.line == 2 && wrongDecile?.column == 6)
        #expect(
            wrongDecile?.message.hasPrefix("decile 3 of LSOA E01007657 is not the tenth its rank 24811 falls in")
                == true)
        // Ranks under a Score heading are not scores.
        var scored = lines
        scored[0] = scored[0].replacingOccurrences(
            of: "\"Index of Multiple Deprivation Rank\"", with: "\"Index of Multiple Deprivation Score\"")
        #expect(
            try error(scored)?.message.hasPrefix("an IoD score is a rate, a percentage or a standardised score") == true
        )
    }

    @Test("An IoD file naming no LSOA vintage: the authorities' year decides, else its deciles say which edition")
    func iodEditionUnnamed() throws {
        let demo = URL(fileURLWithPath: datasets).appendingPathComponent("demo/iod2019_domains_rotherham.csv").path
        let text = try String(contentsOfFile: demo, encoding: .utf8)
        var options = LoadOptions()
        options.rankedAreas = ["2019": 32_844, "2025": 33_755]
        // "LSOA code (2011)" renamed "LSOA code": the districts' "(2019)" still makes it IoD2019.
        let unnamedLSOA = try temporaryFile(text.replacingOccurrences(of: " (2011)", with: ""))
        let data = Dataset()
        _ = try FileLoader.load(unnamedLSOA, options: options, into: data)
        #expect(data.figure("iod:income:rank", "E01007657")?.period == "2019")
        #expect(data.areas["E01007657"]?.vintage == "LSOA11")
        // No year at all: read as IoD2025's open-data CSV, until a decile fits only IoD2019's 32,844 LSOAs.
        let unnamed = try temporaryFile(
            text.replacingOccurrences(of: " (2011)", with: "").replacingOccurrences(of: " (2019)", with: ""))
        let error = try #require(inputError { _ = try FileLoader.load(unnamed, options: options, into: Dataset()) })
        #expect(error.message.contains("it is IoD2019's decile: name the first column \"LSOA code (2011)\""))
    }

    @Test("polarity as Fingertips writes it, padded or not: RAG - High is good, BOB - Blue orange blue")
    func fingertipsPolarity() {
        #expect(Polarity(text: "RAG - High is good   ") == .higherIsBetter)
        #expect(Polarity(text: "RAG - Low is good") == .lowerIsBetter)
        #expect(Polarity(text: "BOB - Blue orange blue") == .neither)
        #expect(Polarity(text: "RAG  -  Low is good") == .lowerIsBetter)
        #expect(Polarity(text: "") == .unknown)
        #expect(Polarity(text: "Good") == nil)
    }

    @Test("Ward profile with its sidecar: units, polarity, periods, number formats and markers")
    func wardProfile() throws {
        let (data, results) = try load(fixture("ward_profile.csv"))
        #expect(results[0].format == WardProfileLoader.format)
        #expect(data.indicators["claimant-rate"]?.polarity == .lowerIsBetter)
        #expect(data.indicators["employment-rate"]?.unit == "%")
        #expect(data.figure("claimant-rate", "E05012993")?.value == 2.1)
        #expect(data.figure("claimant-rate", "E05012993")?.period == "2024/25")
        #expect(data.figure("households", "E05012993")?.value == 5432)
        #expect(data.figure("claimant-rate", "E05012994")?.missing == .suppressed)
        #expect(data.figure("households", "E05012994")?.missing == .notAvailable)
        #expect(data.figure("median-age", "E05012993")?.value == 44)
        #expect(data.areas["E05013010"]?.name == "Rotherham East")
        #expect(results[0].outcome.warnings.contains { $0.contains("Median age") })
    }

    @Test("A non-numeric value is an error naming file, line and column")
    func nonNumeric() throws {
        let error = try #require(inputError { _ = try load(fixture("fingertips_bad_value.csv")) })
        #expect(error.line == 3)
        #expect(error.column == 13)
        #expect(error.message.contains("\"eighty\""))
    }

    @Test("A file no loader fits lists what each loader expects")
    func noLoader() throws {
        let path = try temporaryFile("colour,size\nred,3\n")
        let error = try #require(inputError { _ = try load(path) })
        #expect(error.line == 1)
        #expect(error.message.contains("no loader fits"))
        for loader in FileLoader.loaders { #expect(error.message.contains(loader.format)) }
    }

    @Test("Equality action plan: characteristics matched with common spellings; places split")
    func actionPlan() throws {
        let characteristics = try ProtectedCharacteristics(path: datasets + "/taxonomy/protected_characteristics.csv")
        let gaps = try EqualityActionPlanLoader.load(
            datasets + "/demo/equality_action_plan_illustrative.csv",
            characteristics: characteristics)
        #expect(gaps.count == 5)
        #expect(gaps[0].characteristics == ["disability"])
        #expect(gaps[0].isBoroughWide)
        #expect(gaps[2].characteristics == ["care leavers", "age"])
        #expect(gaps[2].places == ["Rotherham East", "Boston Castle"])
        #expect(characteristics.canonical("LGBTQ+") == "sexual orientation")
        #expect(characteristics.canonical("Unpaid Carers") == "carers")
        #expect(characteristics.names.count == 13)
    }

    @Test("Equality action plan: an unknown characteristic is an error listing the accepted names")
    func actionPlanUnknown() throws {
        let characteristics = try ProtectedCharacteristics(path: datasets + "/taxonomy/protected_characteristics.csv")
        let error = try #require(
            inputError {
                _ = try EqualityActionPlanLoader.load(
                    fixture("eaap_unknown_characteristic.csv"), characteristics: characteristics)
            })
        #expect(error.line == 3)
        #expect(error.column == 2)
        #expect(error.message.contains("Left-handedness"))
        #expect(error.message.contains("marriage and civil partnership"))
    }

    @Test("The same figure from two files is kept once; twice in one file it is an error at the second row")
    func duplicates() throws {
        let original = fixture("ward_profile.csv")
        let copy = try temporaryFile(
            Array(try Data(contentsOf: URL(fileURLWithPath: original))), name: "ward_profile.csv")
        try FileManager.default.copyItem(
            atPath: fixture("ward_profile.meta.csv"),
            toPath: URL(fileURLWithPath: copy).deletingLastPathComponent().path + "/ward_profile.meta.csv")
        let (data, _) = try load(original, copy)
        #expect(data.duplicates == 12)
        #expect(data.observations.count == 12)
        let lines = try String(contentsOfFile: original, encoding: .utf8).split(separator: "\n")
        let repeated = try temporaryFile((lines + [lines[1]]).joined(separator: "\n") + "\n", name: "ward_profile.csv")
        try FileManager.default.copyItem(
            atPath: fixture("ward_profile.meta.csv"),
            toPath: URL(fileURLWithPath: repeated).deletingLastPathComponent().path + "/ward_profile.meta.csv")
        let error = inputError { _ = try load(repeated) }
        #expect(error?.line == lines.count + 1)
        #expect(error?.message.contains("repeats a figure") == true)
    }

    @Test("Two files giving one figure different values: the first kept, the contradiction counted and named")
    func contradictions() throws {
        let header = "date,geography,geography code,Age: Total\n"
        let first = try temporaryFile(header + "2021,Hartlepool,E06000001,92334\n", name: "census2021-ts007-ltla.csv")
        let second = try temporaryFile(header + "2021,Hartlepool,E06000001,92337\n", name: "census2021-ts007a-ltla.csv")
        let (data, _) = try load(first, second)
        #expect(data.duplicates == 1 && data.contradicted == 1)
        #expect(data.figure("census2021:age:total", "E06000001")?.value == 92334)
        #expect(
            data.firstContradiction
                == "indicator census2021:age:total for E06000001, period 2021: 92334 in \(first), 92337 in \(second)")
        let again = try temporaryFile(header + "2021,Hartlepool,E06000001,92334\n", name: "census2021-ts007-ltla.csv")
        let (same, _) = try load(first, again)
        #expect(same.duplicates == 1 && same.contradicted == 0 && same.firstContradiction == nil)
    }

    @Test("A Census table dated other than 2021 is refused at its date, wide or long, not labelled Census 2021")
    func censusDate() throws {
        let wide = try temporaryFile("date,geography,geography code,Age: Total\n2011,Hartlepool,E06000001,92028\n")
        let error = inputError { _ = try load(wide) }
        #expect(error?.line == 2 && error?.column == 1)
        #expect(error?.message.hasPrefix("date \"2011\": this is read as a Census 2021 table") == true)
        // A Nomis API table's second area dated 2011: its date (DATE_NAME, the second column) is the error.
        let lines = try String(contentsOfFile: fixture("nomis_api_tenure.csv"), encoding: .utf8).split(separator: "\n")
        let area = lines.firstIndex { $0.contains("E05012994") }!
        let dated = lines.enumerated().map { $0.offset == area ? "2011,2011" + $0.element.dropFirst(9) : $0.element }
        let long = try temporaryFile(dated.joined(separator: "\n") + "\n")
        let later = inputError { _ = try load(long) }
        #expect(later?.line == area + 1 && later?.column == 2)
    }

    @Test("ONS local statistics: an indicator given in two units is an error at the second unit")
    func localStatisticsUnits() throws {
        let file = try temporaryFile(
            "areacd,areanm,geography,indicator,period,observation,measure,unit,lci_95,uci_95,status,notes\n"
                + "E08000018,Rotherham,LAD,Claimant count,2024-01-01/P1Y,4.4,Rate,%,,,,\n"
                + "E08000018,Rotherham,LAD,Claimant count,2025-01-01/P1Y,7420,Count,Number,,,,\n")
        let error = inputError { _ = try load(file) }
        #expect(error?.line == 3 && error?.column == 8)
        #expect(error?.message.contains("\"Number\" for \"Claimant count\", which earlier rows give in \"%\"") == true)
    }

    @Test("A Fingertips export's columns under other names are reported as not read, Fingertips' own unreported")
    func fingertipsUnreadColumns() throws {
        let file = try temporaryFile(
            "Indicator ID,Indicator Name,Area Code,Area Name,Area Type,Time period,Value,Lower 95% CI,Numerator,"
                + "Time period Sortable,New data\n41001,Suicide rate,E08000018,Rotherham,County & UA,2021 - 23,12.5,"
                + "10.1,120,20210000,\n")
        let (data, results) = try load(file)
        #expect(data.figure("41001", "E08000018")?.value == 12.5)
        #expect(data.figure("41001", "E08000018")?.lower95 == nil)
        #expect(results[0].outcome.warnings.first?.hasPrefix("column(s) Lower 95% CI, Numerator not read") == true)
        // Every column of Fingertips' own 27-column export is read or known to hold nothing kept.
        let header = try String(contentsOfFile: fixture("fingertips_bad_value.csv"), encoding: .utf8)
            .split(separator: "\n")[0]
        let own = try temporaryFile(
            header + "\n90366,Life expectancy at birth,E12000003,Yorkshire and the Humber region,E08000018,Rotherham,"
                + "UA,Male,All ages,,,2018 - 20,78.1,77.6,78.6,,,,,,,Worse,Similar,20180000,,,3y\n")
        let (_, read) = try load(own)
        #expect(!read[0].outcome.warnings.contains { $0.contains("not read") })
    }
}

@Suite("Numeric cells")
struct NumericCellTests {
    @Test(
        "numbers as releases write them",
        arguments: [
            ("1234", 1234.0), ("1,234", 1234), ("12.5%", 12.5), (" 7 ", 7), ("-0.3", -0.3), ("1.5e3", 1500),
            ("1,234,567.5", 1_234_567.5), ("-1,234", -1234), ("12,345%", 12345), ("\"29,199\"", nil),
        ] as [(String, Double?)])
    func numbers(text: String, expected: Double?) {
        #expect(NumericCell.parse(text)?.number == expected)
    }

    @Test(
        "missing-value markers keep their reason",
        arguments: [
            ("[c]", MissingReason.suppressed), ("c", .suppressed), ("*", .suppressed), ("[x]", .notAvailable),
            ("x", .notAvailable), ("..", .notAvailable), (":", .notAvailable), ("[z]", .notApplicable),
            ("-", .notApplicable), ("[low]", .low), ("", .empty), ("  ", .empty),
        ])
    func markers(text: String, reason: MissingReason) {
        #expect(NumericCell.parse(text)?.missingReason == reason)
    }

    @Test(
        "text, malformed thousands, decimal commas and hex are not numbers",
        arguments: ["abc", "1,23", "0x10", "inf", "12,5", "0,125", "-0,125", "4.018,5", "1,234.5,6", "01,234"])
    func rejects(text: String) {
        #expect(NumericCell.parse(text) == nil)
    }
}
