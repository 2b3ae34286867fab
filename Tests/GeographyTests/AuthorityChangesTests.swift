import CSV
import Catalogue
import Evidence
import Foundation
import Geography
import NeedsAnalysis
import TestSupport
import Testing

/// Authorities replaced in 2023 (Cumbria, North Yorkshire, Somerset): lookups published before the change place
/// their wards in today's authority, which a user chooses by its current name.
@Suite("Authorities replaced since the lookups were published")
struct AuthorityChangesTests {
    static let wardLookup =
        "census/Ward_to_Local_Authority_District_to_County_to_Region_to_Country_December_2022_Lookup_in_"
        + "United_Kingdom.csv"
    static let lsoaLookup = AuthorityAreasTests.nationalLookup
    static let changes = DemoBorough.catalogue.authorityChanges

    @Test("a replaced district's code becomes its successor's, whose name it then takes, and the county is emptied")
    func rowUpdate() {
        var codes = ["E05014191", "E07000028", "E10000006", "E12000002"]
        #expect(Self.changes.update(codes: &codes))
        #expect(codes == ["E05014191", "E06000063", "", "E12000002"])
        #expect(Self.changes.successorName("E06000063") == "Cumberland")
        var untouched = ["E05012993", "E08000018", "E11000003"]
        #expect(!Self.changes.update(codes: &untouched))
        #expect(untouched == ["E05012993", "E08000018", "E11000003"])
    }

    @Test(
        "every replaced district is in the ward lookup before its change under its name; successors in IoD2025's",
        .enabled(if: SharedData.available, SharedData.skipMessage))
    func changesAgreeWithThePublishedFiles() throws {
        #expect(Self.changes.all.count == 28)
        let districts = try Self.pairs(SharedData.path(Self.wardLookup), "LAD22CD", "LAD22NM")
        let districts2019 = try Self.pairs(
            SharedData.path("deprivation/LSOA11_WD19_LAD19_EW_LU.csv"), "LAD19CD", "LAD19NM")
        let successors = try Self.pairs(
            SharedData.path("deprivation/IoD2025_LAD24_summaries_File10_tidy_trafforddatalab.csv"), "area_code",
            "area_name")
        for change in Self.changes.all {
            let before = change.since < "2022-12-01" ? districts2019 : districts
            #expect(before.contains([change.predecessor.code, change.predecessor.name]), "\(change.description)")
            #expect(successors.contains([change.successor.code, change.successor.name]), "\(change.description)")
            #expect(!successors.contains { $0[0] == change.predecessor.code })
        }
    }

    /// Every distinct (code, name) pair of two columns of a file.
    static func pairs(_ path: String, _ code: String, _ name: String) throws -> Set<[String]> {
        let table = try CSVTable(path: path)
        let keys = table.header.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF} ")) }
        let (codeColumn, nameColumn) = (keys.firstIndex(of: code)!, keys.firstIndex(of: name)!)
        var pairs: Set<[String]> = []
        try table.forEachRow { row in pairs.insert([row[codeColumn].trimmedString, row[nameColumn].trimmedString]) }
        return pairs
    }

    @Test(
        "the 2022 lookups give today's authorities (Cumberland 46 wards); a replaced district names its successor",
        .enabled(if: SharedData.available, SharedData.skipMessage))
    func successorsFromTheLookups() throws {
        let tables = try [Self.wardLookup, Self.lsoaLookup].map {
            try LookupTable(path: SharedData.path($0), changes: Self.changes)
        }
        // Ward counts by LAD22CD with awk: Allerdale 16 + Carlisle 18 + Copeland 12; Barrow 7 + Eden 9 +
        // South Lakeland 17; the seven North Yorkshire districts 89; the four Somerset districts 55.
        let wards = Dictionary(uniqueKeysWithValues: AuthorityAreas.authorities(in: tables).map { ($0.code, $0.wards) })
        #expect(wards["E06000063"] == 46 && wards["E06000064"] == 33)
        #expect(wards["E06000065"] == 89 && wards["E06000066"] == 55)
        #expect(wards["E07000028"] == nil)
        let cumberland = try AuthorityAreas(tables: tables, authority: "cumberland", changes: Self.changes)
        #expect(cumberland.codes == ["E06000063"] && cumberland.name == "Cumberland")
        // 177 LSOAs of Allerdale, Carlisle and Copeland in the LSOA lookup, and the 46 wards.
        #expect(cumberland.filter.insideCount == 177 + 46)
        let error = inputError { _ = try AuthorityAreas(tables: tables, authority: "Harrogate", changes: Self.changes) }
        #expect(
            error?.message
                == "Harrogate (E07000165) became part of North Yorkshire (E06000065) on 2023-04-01: "
                + "choose North Yorkshire (E06000065)")
    }

    @Test(
        "North Yorkshire from the national files: its 89 wards, and its IoD2025 summary as the authority's figure",
        .enabled(if: SharedData.available, SharedData.skipMessage))
    func northYorkshire() throws {
        let files = [
            Self.wardLookup, Self.lsoaLookup, "deprivation/IoD2025_LAD24_summaries_File10_tidy_trafforddatalab.csv",
        ].map(SharedData.path)
        let built = try DatasetBuilder(
            files: files, authority: "North Yorkshire", reading: DataReading(DemoBorough.catalogue))
        #expect(built.notes.contains { $0.hasPrefix("the lookups' Craven (E07000163), Hambleton (E07000164)") })
        let analysis = try NeedsAnalysis(
            dataset: built.dataset, taxonomy: DemoBorough.catalogue.taxonomy, bands: DemoBorough.catalogue.needBands,
            borough: "North Yorkshire")
        #expect(analysis.borough.code == "E06000065" && analysis.borough.parent == "E12000003")
        #expect(analysis.wards.count == 89)
        // File 10 (IoD2025): North Yorkshire's IMD average rank 13,523.03.
        let imd = built.dataset.figure("iod-la:index-of-multiple-deprivation:averagerank", "E06000065")
        #expect(imd?.value == 13523.03)
    }
}
