import Core
import Evidence
import Loaders
import TestSupport
import Testing

/// Figures from the real files in ../shared/data, each read off the file by hand.
@Suite("Real public files load with the right figures", .enabled(if: SharedData.available, SharedData.skipMessage))
struct RealFileTests {
    @Test("Fingertips export with rewritten headers: Rotherham male suicide rate 2015 - 17")
    func fingertipsSuicides() throws {
        let (data, results) = try load(
            SharedData.path("fingertips/Jezzaay_MHA__indicators-CountyUA.data_yorkshire_suicides.csv"))
        #expect(results[0].format == FingertipsExportLoader.format)
        let o = try #require(data.figure("41001", "E08000018", period: "2015 - 17", sex: "Male"))
        #expect(o.value == 23.989435314868)
        #expect(o.lower95 == 18.8966350646671)
        #expect(o.upper95 == 30.0176290214064)
        #expect(o.count == 78)
        #expect(o.denominator == 337185)
        #expect(o.comparedToEngland == "Higher")
        #expect(o.breakdown.age == "10+ yrs")
        #expect(data.areas["E08000018"]?.parent == "E12000003")
        #expect(data.areas["E08000018"]?.level == .localAuthority)
        #expect(results[0].outcome.csv.rows == 85)
    }

    @Test("Fingertips: an empty value whose note says suppressed is missing as suppressed, with its note")
    func fingertipsSuppressed() throws {
        let (data, _) = try load(
            SharedData.path("fingertips/Jezzaay_MHA__indicators-CountyUA.data_yorkshire_cyp_mental_health.csv"))
        let o = try #require(data.figure("92315", "E06000012", period: "2016/17"))
        #expect(o.value == nil)
        #expect(o.missing == .suppressed)  // empty, and its note says suppressed
        #expect(o.note == "Value suppressed for disclosure control reasons")
        // The two others have no value and a note "Value estimated": empty.
        #expect(data.observations.filter { $0.missing == .empty }.count == 2)
    }

    @Test("Fingertips 27-column variants: quoted with BOM and CRLF, and 'Column not used'")
    func fingertipsVariants() throws {
        let (uti, _) = try load(SharedData.path("fingertips/hannahlepper_UTI_model__fingertips_trimres.csv"))
        #expect(Set(uti.observations.map(\.period)).count == 38)
        #expect(uti.observations.allSatisfy { $0.area == "E92000001" && $0.indicator == "92519" })
        let (alcohol, _) = try load(SharedData.path("fingertips/ONS_sdg_3-5-1__unmet_alcohol.csv"))
        let o = try #require(alcohol.figure("93532", "E10000031", period: "2018/19"))
        #expect(o.value == 79.89793213)
        #expect(o.lower95 == 74.64258841)
        #expect(o.count == 4018.333333)
    }

    @Test("Fingertips metadata supplies polarity to an export loaded with it")
    func fingertipsMetadata() throws {
        let (data, _) = try load(
            SharedData.path("fingertips/FingertipsNext__DataCreator_healthdata_sample.csv"),
            SharedData.path("fingertips/metadata/FingertipsNext__DataCreator_indicators.csv"))
        #expect(data.indicators["41101"]?.polarity == .lowerIsBetter)
        let o = try #require(
            data.observations.first {
                $0.indicator == "108" && $0.area == "E06000001" && $0.period == "2023" && $0.breakdown.sex == "sex ID 4"
            })
        #expect(o.value == 448.27148)
        #expect(o.count == 401)
        #expect(o.denominator == 86650)
    }

    @Test("Census wide LSOA table: City of London 001A has 555 of 837 households without a car")
    func censusWide() throws {
        let (data, results) = try load(SharedData.path("census/census2021-ts045-lsoa.csv"))
        #expect(results[0].outcome.csv.rows == 35672)
        let count = try #require(
            data.figure("census2021:number-of-cars-or-vans:no-cars-or-vans-in-household", "E01000001"))
        #expect(count.value == 555)
        #expect(count.denominator == 837)
        let share = try #require(
            data.figure("census2021:number-of-cars-or-vans:no-cars-or-vans-in-household:percent", "E01000001"))
        #expect(abs(share.value! - 555.0 / 837.0 * 100) < 1e-9)
        #expect(data.areas["E01000001"]?.vintage == "LSOA21")
    }

    @Test("Census wide with '; measures: Value' columns: Rotherham's total population")
    func censusMeasuresColumns() throws {
        let (data, _) = try load(SharedData.path("census/census2021-ts007a-ltla.csv"))
        #expect(data.figure("census2021:age:total", "E08000018")?.value == 265806)
    }

    @Test("Census TS007 and TS007A give Hartlepool's total 3 apart: read in turn, the second's is an error naming it")
    func censusTablesSharingTheTotal() throws {
        /// Checks figures as `svtk load` does, keeping rows' values for the file after.
        final class Check: EvidenceSink {
            var keys = FigureKeys()
            func startFile(_ path: String) { keys.startFile(path) }
            func add(_ area: Area) {}
            func add(_ indicator: Indicator) {}
            func add(_ observation: Observation) throws { _ = try keys.admit(observation) }
            func add(_ batch: ObservationBatch) throws { _ = try keys.admit(batch) }
        }
        let check = Check()
        let (first, second) = (
            SharedData.path("census/census2021-ts007-ltla.csv"), SharedData.path("census/census2021-ts007a-ltla.csv")
        )
        _ = try FileLoader.load(first, into: check)
        #expect {
            try FileLoader.load(second, into: check)
        } throws: { error in
            let error = error as? ToolkitError
            return error?.file == second && error?.line == 2
                && error?.message.contains(
                    "another value for a figure an earlier file gave (indicator "
                        + "census2021:age:total,") == true
        }
    }

    @Test("Census custom long table: Astley Bridge employed residents and share")
    func censusLong() throws {
        let (data, results) = try load(
            SharedData.path("census/custom_ward_economic_activity_status_last_week_3cat_EW.csv"))
        #expect(results[0].format == CensusLongLoader.format)
        let employed = try #require(
            data.figure("census2021:economic-activity-status-last-week-3-categories:employed", "E05000650"))
        #expect(employed.value == 6505)
        // Rotherham's 25 wards sum to 265,812 residents (SOURCES.md).
        let rotherhamWards = data.observations.filter {
            $0.indicator.hasSuffix(":employed") && ("E05012993"..."E05013017").contains($0.area)
        }
        #expect(rotherhamWards.count == 25)
        let total = rotherhamWards.reduce(0.0) { $0 + $1.denominator! }
        #expect(total == 265812)
    }

    @Test("IoD File 1: quoted thousands separators, BOM and CRLF")
    func iodFile1() throws {
        let (data, _) = try load(SharedData.path("deprivation/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv"))
        #expect(data.figure("iod:index-of-multiple-deprivation:rank", "E01000001")?.value == 29199)
        #expect(data.figure("iod:index-of-multiple-deprivation:decile", "E01000001")?.value == 9)
        #expect(data.indicators["iod:index-of-multiple-deprivation:rank"]?.polarity == .higherIsBetter)
        #expect(data.areas.values.filter { $0.level == .lsoa && $0.parent == "E08000018" }.count == 167)
    }

    @Test("IoD File 6: population with thousands separators")
    func iodFile6() throws {
        let (data, _) = try load(SharedData.path("deprivation/File_6_-_IoD2019_Population_Denominators.csv"))
        #expect(data.figure("iod:population:total-population-mid-2015", "E01000001")?.value == 1296)
    }

    @Test("IoD local-authority summaries, 2019 and 2025 layouts: Rotherham's average IMD score")
    func iodSummaries() throws {
        let (data, _) = try load(
            SharedData.path("deprivation/IoD2019_LAD19_summaries_File10_tidy_trafforddatalab.csv"),
            SharedData.path("deprivation/IoD2025_LAD24_summaries_File10_tidy_trafforddatalab.csv"))
        let id = "iod-la:index-of-multiple-deprivation:averagescore"
        #expect(data.figure(id, "E08000018", period: "2019")?.value == 29.55)
        #expect(data.figure(id, "E08000018", period: "2025")?.value == 29.836)
        #expect(
            data.figure("iod-la:index-of-multiple-deprivation:rankaveragescore", "E08000018", period: "2019")?.value
                == 44)
    }

    @Test(
        "IoD summaries: every authority's average rank orders as MHCLG's rank of average rank (higher = more deprived)",
        arguments: [
            "deprivation/IoD2019_LAD19_summaries_File10_tidy_trafforddatalab.csv",
            "deprivation/IoD2025_LAD24_summaries_File10_tidy_trafforddatalab.csv",
        ])
    func iodSummaryDirection(file: String) throws {
        let (data, _) = try load(SharedData.path(file))
        let averages = data.indicators.keys.filter { $0.hasSuffix(":averagerank") && !$0.contains(":rankaverage") }
        #expect(averages.count == 10)
        for id in averages {
            let indicator = try #require(data.indicators[id])
            #expect(indicator.polarity == .lowerIsBetter)
            let values = data.observations.filter { $0.indicator == id }
            let ranks = Dictionary(
                uniqueKeysWithValues: data.observations.filter {
                    $0.indicator == id.replacingOccurrences(of: ":averagerank", with: ":rankaveragerank")
                }.map { ($0.area, $0.value!) })
            // Worst first by the indicator's own polarity: the published rank 1, 2, 3, …
            let worstFirst = values.sorted { $0.value! > $1.value! }
            #expect(worstFirst.map { ranks[$0.area]! } == (1...values.count).map(Double.init), "\(id)")
        }
    }

    @Test("IoD summaries of both editions share the domains: the newest is the latest period")
    func iodSummaryEditions() throws {
        let (data, _) = try load(
            SharedData.path("deprivation/IoD2019_LAD19_summaries_File10_tidy_trafforddatalab.csv"),
            SharedData.path("deprivation/IoD2025_LAD24_summaries_File10_tidy_trafforddatalab.csv"))
        #expect(data.indicators.count == 60)
        // Blackpool, the most deprived authority of IoD2025: 26,536.86; Wokingham, the least, 4,328.
        let id = "iod-la:health-deprivation-and-disability:averagerank"
        #expect(data.figure(id, "E06000009", period: "2019") != nil)
        #expect(
            data.figure("iod-la:index-of-multiple-deprivation:averagerank", "E06000009", period: "2025")?.value
                == 26_536.86)
        #expect(data.figure("iod-la:employment:rankaveragerank", "E06000041", period: "2025") != nil)
    }

    @Test("IoD2025 open-data layout: 2021 LSOAs and 2024 authorities, recognised from the header")
    func iod2025() throws {
        let (data, results) = try load(SharedData.path("deprivation/iod2025/iod2025_domains_south_yorkshire.csv"))
        #expect(results[0].format == DeprivationLSOALoader.format)
        let lsoas = data.areas.values.filter { $0.level == .lsoa }
        #expect(lsoas.count == 860)
        #expect(Set(lsoas.map(\.vintage)) == ["LSOA21"])
        #expect(data.areas["E08000018"]?.vintage == "LAD24")
        // The file's first row: Barnsley 018A, IMD rank 1,805, decile 1; living environment rank 26,763.
        let first = data.figure("iod:index-of-multiple-deprivation:rank", "E01007317")
        #expect(first?.value == 1805)
        #expect(first?.period == "2025")
        #expect(data.figure("iod:living-environment:rank", "E01007317")?.value == 26_763)
        #expect(data.figure("iod:education-skills-and-training:decile", "E01007317")?.value == 1)
    }

    @Test("IoD2025 ranks are checked against the 33,755 LSOAs the edition ranks, at the file, line and column")
    func iod2025RankBound() throws {
        // The extract's header and first row, with its IMD rank 1,805 turned into 33,756: one more than IoD2025 ranks.
        let original = try String(
            contentsOfFile: SharedData.path("deprivation/iod2025/iod2025_domains_south_yorkshire.csv"), encoding: .utf8)
        let lines = original.split(separator: "\r\n").prefix(2).map(String.init)
        let bad = lines[1].replacingOccurrences(of: "\"Barnsley\",1805,", with: "\"Barnsley\",33756,")
        #expect(bad != lines[1])
        let file = try temporaryFile(lines[0] + "\r\n" + bad + "\r\n", name: "iod2025.csv")
        var options = LoadOptions()
        options.rankedAreas = ["2019": 32_844, "2025": 33_755]
        let error = try #require(inputError { _ = try FileLoader.load(file, options: options, into: Dataset()) })
        #expect(error.line == 2 && error.column == 5)
        #expect(error.message.contains("a rank is at most 33755, the number of LSOAs this edition ranks"))
        // The real row loads.
        let good = try temporaryFile(lines[0] + "\r\n" + lines[1] + "\r\n", name: "iod2025-good.csv")
        _ = try FileLoader.load(good, options: options, into: Dataset())
    }

    @Test("Geography lookups: ward names and parents, at every level")
    func lookups() throws {
        let (data, _) = try load(
            SharedData.path(
                "census/Ward_to_Local_Authority_District_to_County_to_Region_to_Country_December_2022_"
                    + "Lookup_in_United_Kingdom.csv"
            ))
        let ward = try #require(data.areas["E05012993"])
        #expect(ward.name == "Anston & Woodsetts")
        #expect(ward.parent == "E08000018")
        #expect(ward.vintage == "WD22")
        #expect(data.areas["E08000018"]?.parent == "E11000003")  // South Yorkshire (metropolitan county)
        #expect(data.areas["E12000003"]?.level == .region)
    }

    @Test("A third party's ward aggregates load as a wide table")
    func wideAggregates() throws {
        let (data, results) = try load(
            SharedData.path("deprivation/English_IMD2019_Ward2020_aggregates_humaniverse.csv"))
        #expect(results[0].format == WardProfileLoader.format)
        #expect(data.figure("score", "E05000026")?.value == 31.345440519974638)
    }
}
