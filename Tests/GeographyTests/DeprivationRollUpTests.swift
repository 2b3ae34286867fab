import CSV
import Evidence
import Foundation
import Geography
import Loaders
import TestSupport
import Testing

@Suite("Deprivation roll-up to wards", .enabled(if: SharedData.available, SharedData.skipMessage))
struct DeprivationRollUpTests {
    static func rollUp(lookups: [String], authority: String = "E08000018", wards: String? = nil) throws
        -> DeprivationRollUp
    {
        let (data, _) = try load(
            SharedData.path("deprivation/File_2_-_IoD2019_Domains_of_Deprivation.csv"),
            SharedData.path("deprivation/File_6_-_IoD2019_Population_Denominators.csv"))
        let lookup = try WardLookup(files: lookups.map(SharedData.path), from: "LSOA11", to: wards)
        return try DeprivationRollUp(data: data, edition: "2019", lookup: lookup, authority: authority)
    }

    @Test("old wards through LSOA11→WD19: Rotherham East, checked by hand")
    func oldWards() throws {
        let result = try Self.rollUp(lookups: ["deprivation/LSOA11_WD19_LAD19_EW_LU.csv"])
        #expect(result.lsoaCount == 167)
        #expect(result.wards.areas.count == 21)
        let imd = "iod-ward:index-of-multiple-deprivation:"
        // By hand from File 2 and File 6: Rotherham East's 9 LSOAs hold 15,058 people (mid-2015);
        // Σ population × IMD rank ÷ 15,058 = 1,352.86; 13,293 of them live in the 8 LSOAs in decile 1.
        let rank = try #require(result.wards.figure(imd + "average-rank", "E05001029")?.value)
        #expect(abs(rank - 1352.860871297649) < 1e-6)
        let share = try #require(result.wards.figure(imd + "population-in-most-deprived-decile", "E05001029")?.value)
        #expect(abs(share - 88.27865586399255) < 1e-9)
        #expect(abs(result.wards.figure(imd + "lsoas-in-most-deprived-decile", "E05001029")!.value! - 800.0 / 9) < 1e-9)
        #expect(result.wards.figure(imd + "rank-in-authority", "E05001029")?.value == 1)
    }

    @Test("today's wards through LSOA11→LSOA21→WD22: every ward ranked, Rotherham East most deprived")
    func currentWards() throws {
        let result = try Self.rollUp(
            lookups: [
                "deprivation/LSOA11_LSOA21_LAD22_EW_LU.csv",
                "census/Lower_Layer_Super_Output_Area_2021_to_Ward_2022_to_LAD_2022_Lookup_in_England_and_Wales_v3.csv",
            ], authority: "Rotherham")
        #expect(result.wards.areas.count == 25)
        let ranks = result.wards.observations.filter { $0.indicator == "iod-ward:income:rank-in-authority" }
        #expect(ranks.compactMap(\.value).sorted() == (1...25).map(Double.init))
        #expect(
            result.wards.figure("iod-ward:index-of-multiple-deprivation:rank-in-authority", "E05013010")?.value == 1)
        // The population shares out in full: the wards' weights add up to File 6's 260,929 for Rotherham's 167 LSOAs.
        let weights = result.wards.observations.filter { $0.indicator == "iod-ward:income:average-rank" }
            .reduce(0.0) { $0 + $1.denominator! }
        #expect(abs(weights - 260_929) < 1e-6)
    }

    @Test("an LSOA missing from the lookup is an error naming it")
    func missingLSOA() throws {
        let lookup = try temporaryFile(
            """
            LSOA11CD,LSOA11NM,WD19CD,WD19NM,LAD19CD,LAD19NM
            E01007734,Rotherham 016A,E05001029,Rotherham East,E08000018,Rotherham
            """)
        let (data, _) = try load(SharedData.path("deprivation/File_2_-_IoD2019_Domains_of_Deprivation.csv"))
        let error = try #require(
            inputError {
                _ = try DeprivationRollUp(
                    data: data, edition: "2019", lookup: try WardLookup(files: [lookup], from: "LSOA11"),
                    authority: "E08000018")
            })
        #expect(error.message.contains("LSOA E01"))
        #expect(error.message.contains("not in the ward lookup"))
    }

    @Test("an authority is found through the ward lookup when the IoD file names a newer authority (2023 mergers)")
    func authorityFromLookup() throws {
        // Rotherham's real IoD2025 rows with the authority columns rewritten as a merged authority would have them
        // (as IoD2025 names North Yorkshire for Harrogate's LSOAs); the ward lookup still gives Rotherham.
        let original = try String(
            contentsOfFile: SharedData.path("deprivation/iod2025/iod2025_domains_south_yorkshire.csv"), encoding: .utf8)
        let rows = original.split(separator: "\r\n").filter { $0.hasPrefix("\"LSOA") || $0.contains("\"E08000018\"") }
        let renamed = rows.map {
            $0.replacingOccurrences(of: "\"E08000018\",\"Rotherham\"", with: "\"E06000099\",\"Merged authority\"")
        }
        let file = try temporaryFile(renamed.joined(separator: "\r\n") + "\r\n", name: "iod2025.csv")
        let (data, _) = try load(file)
        #expect(data.areas["E06000099"] != nil && data.areas["E08000018"] == nil)
        let lookup = try WardLookup(
            files: [
                SharedData.path(
                    "census/Lower_Layer_Super_Output_Area_2021_to_Ward_2022_to_LAD_2022_Lookup_in_England_and_Wales_"
                        + "v3.csv")
            ], from: "LSOA21")
        let result = try DeprivationRollUp(data: data, edition: "2025", lookup: lookup, authority: "E08000018")
        #expect(result.lsoaCount == 170)
        #expect(result.wards.areas.count == 25)
        #expect(
            result.wards.figure("iod-ward:index-of-multiple-deprivation:rank-in-authority", "E05013010")?.value == 1)
    }
}
