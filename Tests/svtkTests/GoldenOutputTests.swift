import CSV
import Foundation
import Testing

/// Output pinned by files made before the evidence store, filter pushdown and analysis-once work: speed work must
/// not move a figure. A commit that changes these on purpose replaces the file and says which decision moved it.
@Suite("Golden output")
struct GoldenOutputTests {
    static func golden(_ name: String) throws -> String {
        try String(
            contentsOf: SVTKBinary.repository.appendingPathComponent("Tests/svtkTests/Golden/\(name)"), encoding: .utf8)
    }

    @Test("the demo recommendation (highways resurfacing, JSON) is byte for byte the pinned one")
    func demoRecommendation() throws {
        let run = try SVTKBinary.run(
            [
                "recommend", "--contract", "Datasets/contracts/highways_resurfacing.json",
                "--data",
            ] + SVTKBinary.demoFiles + [
                "--eaap", "Datasets/demo/equality_action_plan_illustrative.csv", "--format", "json",
            ])
        #expect(run.status == 0)
        #expect(run.output == (try Self.golden("demo_recommendation.json")))
    }

    /// The SHA-256 of every demo data file loaded at once (all but the action plan), as CSV and as JSON, pinned
    /// before the byte-level writer (`demo_load.sha256`, made by the build before it): 21,914 observations of
    /// every format, whose every byte must stay.
    @Test(
        "svtk load of every demo file, as CSV and as JSON, is byte for byte the pinned output",
        arguments: ["csv", "json"])
    func demoLoad(_ format: String) throws {
        let data = SVTKBinary.demoFiles.filter { !$0.contains("equality_action_plan") }
        let run = try SVTKBinary.run(["load", "--quiet", "--format", format] + data)
        #expect(run.status == 0)
        var hash = SHA256()
        Array(run.output.utf8).withUnsafeBytes { hash.update($0) }
        let pinned = try Self.golden("demo_load.sha256").split(separator: "\n").first { $0.hasPrefix(format + " ") }
        #expect(pinned.map { String($0.dropFirst(format.count + 1)) } == hash.hex())
    }

    static let sharedData = SVTKBinary.repository.deletingLastPathComponent().appendingPathComponent("shared/data").path

    @Test(
        "Sheffield's needs from national files (census, IoD, lookups for all England) are the pinned ones",
        .enabled(
            if: FileManager.default.fileExists(atPath: sharedData + "/README.md"),
            "../shared/data is absent: the national golden test is skipped"))
    func nationalAuthority() throws {
        let files = [
            "census/census2021-ts045-lsoa.csv", "census/census2021-ts045-ltla.csv",
            "census/Lower_Layer_Super_Output_Area_2021_to_Ward_2022_to_LAD_2022_Lookup_in_England_and_Wales_v3.csv",
            "census/Ward_to_Local_Authority_District_to_County_to_Region_to_Country_December_2022_"
                + "Lookup_in_United_Kingdom.csv",
            "deprivation/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv",
            "deprivation/LSOA11_LSOA21_LAD22_EW_LU.csv",
            "deprivation/File_6_-_IoD2019_Population_Denominators.csv",
        ].map { Self.sharedData + "/" + $0 }
        let run = try SVTKBinary.run(["needs", "--data"] + files + ["--authority", "Sheffield", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.errors.contains("row(s) for other authorities' areas skipped: the data are read for Sheffield"))
        #expect(run.output == (try Self.golden("sheffield_needs.csv")))
    }

    @Test(
        "every national file at once: Leeds has its 33 wards of 2022, older and unofficial ward vintages left out",
        .enabled(
            if: FileManager.default.fileExists(atPath: sharedData + "/README.md"),
            "../shared/data is absent: the national ward-vintage test is skipped"))
    func oneWardVintage() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sharedData).sorted().flatMap {
            folder -> [String] in
            let path = Self.sharedData + "/" + folder
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".csv") }.sorted().map { path + "/" + $0 }
        }
        let run = try SVTKBinary.run(["needs", "--data"] + files + ["--authority", "Leeds", "--format", "json"])
        #expect(run.status == 0)
        let areas = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [Any])
        #expect(areas.count == 34)  // Leeds and its 33 wards of 2022
        #expect(
            run.errors.contains(
                "2 ward(s) of Leeds of other vintages or none (e.g. Garforth & Swillington, E05011393) are left out: "
                    + "the analysis uses the newest ward vintage of the lookups, WD22"))
    }
}
