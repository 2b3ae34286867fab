import CSV
import Evidence
import Foundation
import Geography
import Loaders
import TestSupport
import Testing

/// The repository's demo lookups.
let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Datasets/demo").path

@Suite("One authority's areas from the ONS lookups")
struct AuthorityAreasTests {
    static let nationalLookup =
        "census/Lower_Layer_Super_Output_Area_2021_to_Ward_2022_to_LAD_2022_Lookup_in_England_and_Wales_v3.csv"

    @Test("the demo lookup: Rotherham by name in any case or by code, 25 wards of 2022")
    func demoBorough() throws {
        let tables = [try LookupTable(path: demo + "/lookup_lsoa21_ward22_rotherham.csv")]
        let byName = try AuthorityAreas(tables: tables, authority: "rotherham")
        let byCode = try AuthorityAreas(tables: tables, authority: "E08000018")
        #expect(byName.codes == ["E08000018"] && byCode.codes == ["E08000018"])
        #expect(byName.name == "Rotherham")
        #expect(byName.wards.count == 25)
        #expect(byName.wards.first?.name == "Anston & Woodsetts" && byName.wards.first?.vintage == "WD22")
        // 170 LSOAs (171 lines less the header) and 25 wards, all inside.
        #expect(byName.filter.insideCount == 195)
        #expect(byName.filter.keeps("E01007815") && byName.filter.keeps("e01007815"))
        // Codes the lookup does not place are kept: nothing says they lie elsewhere.
        #expect(byName.filter.keeps("E01007883"))
        #expect(AuthorityAreas.authorities(in: tables) == [.init(code: "E08000018", name: "Rotherham", wards: 25)])
    }

    @Test("a misspelt authority is an error that suggests the name and lists the authorities")
    func misspelt() throws {
        let tables = [try LookupTable(path: demo + "/lookup_lsoa21_ward22_rotherham.csv")]
        let error = inputError { _ = try AuthorityAreas(tables: tables, authority: "Rotheram") }
        #expect(
            error?.message.contains(
                "no local authority or shire county \"Rotheram\" in the lookups (did you mean Rotherham?)") == true)
        #expect(error?.message.contains("the lookups cover 1 authority: Rotherham (E08000018, 25 wards)") == true)
    }

    @Test(
        "the national lookup: Sheffield keeps its own LSOAs and wards and drops Rotherham's",
        .enabled(if: SharedData.available, SharedData.skipMessage))
    func nationalFilter() throws {
        let tables = [try LookupTable(path: SharedData.path(Self.nationalLookup))]
        let sheffield = try AuthorityAreas(tables: tables, authority: "Sheffield")
        #expect(sheffield.codes == ["E08000019"])
        #expect(sheffield.wards.count == 28)
        // 343 LSOAs (counted with awk on LAD22CD) and 28 wards.
        #expect(sheffield.filter.insideCount == 343 + 28)
        #expect(sheffield.filter.keeps("E01007883"))  // Sheffield 027A
        #expect(!sheffield.filter.keeps("E01007815"))  // Rotherham 026D
        #expect(!sheffield.filter.keeps("E05013014"))  // a Rotherham ward
        #expect(sheffield.filter.keeps("E08000018"))  // authorities are kept for comparisons
        #expect(sheffield.filter.keeps("E92000001"))
        let all = AuthorityAreas.authorities(in: tables)
        #expect(all.count == 331)
        #expect(all.contains(.init(code: "E08000019", name: "Sheffield", wards: 28)))
    }

    @Test(
        "national files for one authority: rows of others are skipped before parsing, and counted",
        .enabled(if: SharedData.available, SharedData.skipMessage))
    func pushdown() throws {
        let files = [SharedData.path(Self.nationalLookup), SharedData.path("census/census2021-ts045-lsoa.csv")]
        let built = try DatasetBuilder(files: files, authority: "Sheffield")
        // 35,672 LSOAs in the table, 343 of them Sheffield's.
        #expect(built.results[1].outcome.outside == 35_672 - 343)
        #expect(
            built.notes.first == "35329 row(s) for other authorities' areas skipped: the data are read for Sheffield")
        let lsoas = Set(built.dataset.observations.map(\.area).filter { $0.hasPrefix("E01") })
        #expect(lsoas.count == 343)
        #expect(built.dataset.areas.values.filter { $0.level == .ward && $0.parent == "E08000019" }.count == 28)
    }

    @Test(
        "national lookups and no authority chosen: an error listing every authority with its wards",
        .enabled(if: SharedData.available, SharedData.skipMessage))
    func noAuthority() throws {
        let files = [SharedData.path(Self.nationalLookup)]
        let error = inputError { _ = try DatasetBuilder(files: files) }
        #expect(error?.message.hasPrefix("the lookups cover 331 authorities: Adur (E07000223, 14 wards), ") == true)
        #expect(error?.message.contains("Sheffield (E08000019, 28 wards)") == true)
        #expect(error?.message.hasSuffix("choose one by its code or name") == true)
        #expect(error?.setting == "authority")
    }

    @Test(
        "a shire county is chosen by name: its districts' wards and LSOAs, and its census counts summed from theirs",
        .enabled(if: SharedData.available, SharedData.skipMessage))
    func shireCounty() throws {
        let wardLookup =
            "census/Ward_to_Local_Authority_District_to_County_to_Region_to_Country_December_2022_Lookup_in_"
            + "United_Kingdom.csv"
        let tables = try [wardLookup, Self.nationalLookup].map { try LookupTable(path: SharedData.path($0)) }
        let norfolk = try AuthorityAreas(tables: tables, authority: "norfolk")
        #expect(norfolk.level == .county && norfolk.name == "Norfolk" && norfolk.codes.contains("E10000020"))
        // Breckland 27, Broadland 27, Great Yarmouth 17, King's Lynn and West Norfolk 35, North Norfolk 32,
        // Norwich 13 and South Norfolk 26 wards.
        #expect(norfolk.wards.count == 177)
        #expect(try AuthorityAreas(tables: tables, authority: "Norwich").level == .localAuthority)
        // A metropolitan county is no council: its districts are named instead.
        #expect(
            inputError { _ = try AuthorityAreas(tables: tables, authority: "South Yorkshire") }?.message
                == "South Yorkshire has no county council: choose one of its 4 authorities (Barnsley, Doncaster, "
                + "Rotherham, Sheffield)")
        // A misspelt county is suggested, and the national lookups' 331 authorities are not listed in the message.
        let misspelt = inputError { _ = try AuthorityAreas(tables: tables, authority: "Norfok") }?.message
        #expect(
            misspelt?.hasPrefix("no local authority or shire county \"Norfok\" in the lookups (did you mean Norfolk?)")
                == true)
        #expect(misspelt?.hasSuffix("lists the authorities and shire counties they cover") == true)
        // December 2022: 24 shire counties, Cumbria, North Yorkshire and Somerset among them (unitaries from 2023).
        #expect(AuthorityAreas.shireCounties(in: tables).count == 24)
        #expect(AuthorityAreas.shireCounties(in: tables).first { $0.name == "Norfolk" }?.wards == 177)

        // The ward to county lookup and the authority table are enough: no LSOA lookup is needed.
        let files = [wardLookup, "census/census2021-ts045-ltla.csv"].map(SharedData.path)
        let built = try DatasetBuilder(files: files, authority: "Norfolk")
        // Norfolk's districts' "No cars or vans in household": 70,405 of 404,342 households (17.41%).
        let none = "census2021:number-of-cars-or-vans:no-cars-or-vans-in-household"
        let count = try #require(built.dataset.figure(none, "E10000020"))
        #expect(count.value == 70_405 && count.denominator == 404_342 && count.source == CensusRollUp.source)
        #expect(built.dataset.figure(none + ":percent", "E10000020")?.value == 70_405.0 / 404_342 * 100)
        #expect(built.notes.contains("census counts of shire counties summed from their districts' figures"))
        // Norwich's row taken out: no sum for Norfolk, and a note, not a part for the whole.
        let ltla = try String(contentsOfFile: files[1], encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let withoutNorwich = try temporaryFile(
            ltla.filter { !$0.contains(",E07000148,") }.joined(separator: "\n"), name: "ts045-ltla.csv")
        let short = try DatasetBuilder(files: [files[0], withoutNorwich], authority: "Norfolk")
        #expect(short.dataset.figure(none, "E10000020") == nil)
        #expect(
            short.notes.contains {
                $0.contains("census sum(s) of a shire county left out: some of its districts have no figure")
                    && $0.contains("Norfolk")
            })
    }
}
