import Catalogue
import Core
import Evidence
import NeedsAnalysis
import Testing

/// An authority compared with others: among its region's where its county has too few for a z-score, and with
/// England through its national rank in MHCLG's local-authority summaries.
@Suite("Needs analysis: authorities compared")
struct AuthorityComparisonTests {
    /// A region of 3 unitary authorities and a metropolitan county of 4 districts (as Yorkshire and The Humber's
    /// South Yorkshire), each with a claimant rate.
    static func region(_ rates: [String: Double]) throws -> Dataset {
        let data = Dataset()
        data.add(Area(code: "E92000001", name: "England", level: .country))
        data.add(Area(code: "E12000003", name: "Yorkshire and The Humber", level: .region, parent: "E92000001"))
        data.add(Area(code: "E11000003", name: "South Yorkshire", level: .county, parent: "E12000003"))
        data.add(
            Indicator(id: "claimant-rate", name: "Claimant rate", unit: "%", polarity: .lowerIsBetter, source: "t"))
        for (code, rate) in rates {
            let parent = code.hasPrefix("E08") ? "E11000003" : "E12000003"
            data.add(Area(code: code, name: code, level: .localAuthority, parent: parent))
            try data.add(Observation(indicator: "claimant-rate", area: code, period: "2024", value: rate, source: "t"))
        }
        return data
    }

    @Test("a county of 4 authorities and a region's 3 unitaries: each is compared with the region's 7")
    func regionWhereCountyIsSmall() throws {
        let rates: [String: Double] = [
            "E08000016": 4, "E08000017": 5, "E08000018": 6, "E08000019": 7,
            "E06000010": 2, "E06000011": 3, "E06000012": 8,
        ]
        let data = try Self.region(rates)
        let analysis = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "E08000019")
        // The 7 rates' mean is 5 and their standard deviation 2 (squared deviations 1+0+1+4+9+4+9 = 28, over 7).
        let district = try #require(analysis.result(indicator: "claimant-rate", area: "E08000019"))
        #expect(district.siblings == "7 authorities of Yorkshire and The Humber")
        #expect(district.zScore == 1)  // (7 − 5) ÷ 2, a higher rate being worse
        #expect(district.rank == 2 && district.rankedAmong == 7)  // after 8
        let unitary = try #require(analysis.result(indicator: "claimant-rate", area: "E06000010"))
        #expect(unitary.siblings == "7 authorities of Yorkshire and The Humber")
        #expect(unitary.zScore == -1.5)  // (2 − 5) ÷ 2
        #expect(unitary.signalBasis == "z-score among 7 authorities of Yorkshire and The Humber")
    }

    @Test("a county of 5 authorities keeps its own comparison; a region of fewer than 5 gives a rank, not a z-score")
    func ownGroupWhenLargeEnough() throws {
        let data = try Self.region([
            "E08000016": 4, "E08000017": 5, "E08000018": 6, "E08000019": 7, "E08000020": 8, "E06000010": 2,
        ])
        let analysis = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "E08000019")
        let district = try #require(analysis.result(indicator: "claimant-rate", area: "E08000019"))
        #expect(district.siblings == "5 authorities of South Yorkshire")
        // Mean 6, standard deviation √2 (squared deviations 4+1+0+1+4 = 10, over 5).
        #expect(abs(district.zScore! - 1 / 2.0.squareRoot()) < 1e-12)
        let small = try Self.region(["E08000016": 4, "E08000017": 5, "E08000018": 6, "E08000019": 7])
        let alone = try NeedsAnalysis(
            dataset: small, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "E08000019")
        let result = try #require(alone.result(indicator: "claimant-rate", area: "E08000019"))
        #expect(result.siblings == "4 authorities of South Yorkshire" && result.rank == 1 && result.zScore == nil)
    }

    @Test("an authority's rank in File 10 is read as the decile of England's 296 it falls in, an extract's too")
    func nationalRank() throws {
        let data = Dataset()
        data.add(Area(code: "E92000001", name: "England", level: .country))
        data.add(Area(code: "E12000003", name: "Yorkshire and The Humber", level: .region, parent: "E92000001"))
        let id = "iod-la:income:rankaveragerank"
        data.add(Indicator(id: id, name: "Income: rank", unit: "rank", polarity: .higherIsBetter, source: "t"))
        // Three authorities of an extract of IoD2025's File 10, ranked among England's 296 (policy/national_ranks.csv).
        for (code, rank) in [("E08000019", 31.0), ("E06000010", 150), ("E06000014", 296)] {
            data.add(Area(code: code, name: code, level: .localAuthority, parent: "E12000003"))
            try data.add(Observation(indicator: id, area: code, period: "2025", value: rank, source: "t"))
        }
        let analysis = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "E08000019")
        let result = try #require(analysis.result(indicator: id, area: "E08000019"))
        // 31 × 10 ÷ 296 = 1.05, decile 2: (5.5 − 2) ÷ 2.5 (policy/need_bands.csv's midpoint and scale).
        #expect(abs(result.nationalSignal! - 1.4) < 1e-12)
        #expect(
            result.nationalBasis
                == "rank 31 of 296 authorities in England: national decile 2 (1 = most deprived 10%): +1.40")
        // 150 is decile 6 (5.07 rounded up), 296 decile 10.
        #expect(abs(analysis.result(indicator: id, area: "E06000010")!.nationalSignal! + 0.2) < 1e-12)
        #expect(analysis.result(indicator: id, area: "E06000014")?.nationalSignal == -1.8)
        // The income domain's score is decided nationally, by its one indicator.
        let income = try #require(analysis.profile(for: "E08000019").domains.first { $0.domain.id == "income-poverty" })
        #expect(income.score == income.nationalScore && income.evidence.first?.result.indicator == id)
    }

    @Test("a ward's need decided by its national decile lists that decile first, before a share of higher local z")
    func decidingEvidenceFirst() throws {
        // Ward 0 is among England's most deprived (average decile 1.5, middling within the borough); its share of
        // people in the most deprived 10% is the borough's worst, a higher local z-score (0.85) than the decile's (0).
        let data = try wards(
            [
                "iod-ward:income:average-decile": [1.5, 1.2, 1.0, 1.8, 2.0],
                "iod-ward:income:population-in-most-deprived-decile": [95, 10, 90, 80, 70],
            ],
            polarity: [
                "iod-ward:income:average-decile": .higherIsBetter,
                "iod-ward:income:population-in-most-deprived-decile": .lowerIsBetter,
            ])
        let analysis = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "E08000099")
        let income = try #require(analysis.profile(for: "E05099900").domains.first { $0.domain.id == "income-poverty" })
        // National: (5.5 − 1.5) ÷ 2.5 = 1.6, above the local scores' mean.
        #expect(abs(income.score! - 1.6) < 1e-12)
        #expect(income.evidence.map(\.result.indicator).first == "iod-ward:income:average-decile")
    }

    @Test(
        "a shire county chosen by name is the borough: its districts' wards are its wards, compared in their district")
    func shireCounty() throws {
        let data = Dataset()
        data.add(Area(code: "E12000006", name: "East of England", level: .region))
        data.add(Area(code: "E10000020", name: "Norfolk", level: .county, parent: "E12000006"))
        data.add(Area(code: "E07000148", name: "Norwich", level: .localAuthority, parent: "E10000020"))
        data.add(Area(code: "E07000144", name: "Broadland", level: .localAuthority, parent: "E10000020"))
        data.add(
            Indicator(id: "claimant-rate", name: "Claimant rate", unit: "%", polarity: .lowerIsBetter, source: "t"))
        let wards = [
            ("E05005757", "Acle", "E07000144"), ("E05012368", "Bowthorpe", "E07000148"),
            ("E05012370", "St. Mary's", "E07000148"),
        ]
        for (code, name, district) in wards {
            data.add(Area(code: code, name: name, level: .ward, vintage: "WD22", parent: district))
            try data.add(Observation(indicator: "claimant-rate", area: code, period: "2024", value: 3, source: "t"))
        }
        let analysis = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "norfolk")
        #expect(analysis.borough.code == "E10000020")
        #expect(analysis.wards.map(\.name) == ["Acle", "Bowthorpe", "St. Mary's"])
        // Full stops and apostrophes left out, curly or straight.
        #expect(analysis.ward(named: "St Marys")?.code == "E05012370")
        #expect(analysis.ward(named: "st mary\u{2019}s")?.code == "E05012370")
        #expect(analysis.ward(named: "Bowthorpe")?.parent == "E07000148")
        // "Nelson" is a ward of both Great Yarmouth and Norwich: the bracketed district picks one, else neither.
        data.add(Area(code: "E07000145", name: "Great Yarmouth", level: .localAuthority, parent: "E10000020"))
        data.add(Area(code: "E05005795", name: "Nelson", level: .ward, vintage: "WD22", parent: "E07000145"))
        data.add(Area(code: "E05012908", name: "Nelson", level: .ward, vintage: "WD22", parent: "E07000148"))
        let county = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "E10000020")
        #expect(county.wards(named: "nelson").count == 2 && county.ward(named: "Nelson") == nil)
        #expect(county.ward(named: "Nelson (Norwich)")?.code == "E05012908")
        #expect(try county.area("nelson (norwich)", setting: "areas").code == "E05012908")
        #expect(throws: ToolkitError.self) { try county.area("Nelson", setting: "areas") }
        // Brackets naming another place find no ward, even where the name alone would.
        #expect(county.ward(named: "Acle (Norwich)") == nil && county.ward(named: "Acle (Broadland)") != nil)
        #expect(county.ward(named: "Acle (Norfolk)")?.code == "E05005757")
        #expect(county.ward(named: "E05005795")?.name == "Nelson")
        #expect(county.uniqueName(of: county.ward(named: "E05005795")!) == "Nelson (Great Yarmouth)")
        #expect(county.uniqueName(of: county.ward(named: "Acle")!) == "Acle")
        #expect(
            county.wardProblem("Nelson").hasPrefix(
                "ward name \"Nelson\" is shared by 2 wards of Norfolk: Nelson (Great Yarmouth, E05005795), "
                    + "Nelson (Norwich, E05012908); give its code, or its district in brackets"))
        // A district's own wards stay the district's.
        let norwich = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "Norwich")
        #expect(norwich.wards.map(\.name) == ["Bowthorpe", "Nelson", "St. Mary's"])
        #expect(norwich.ward(named: "Nelson")?.code == "E05012908")
    }

    @Test("a shire county is compared with shire counties only: its region's where they are 5 or more, else England's")
    func shireCountiesCompared() throws {
        let data = Dataset()
        data.add(Area(code: "E92000001", name: "England", level: .country))
        data.add(Area(code: "E12000004", name: "East Midlands", level: .region, parent: "E92000001"))
        data.add(Area(code: "E12000005", name: "West Midlands", level: .region, parent: "E92000001"))
        data.add(
            Indicator(id: "claimant-rate", name: "Claimant rate", unit: "%", polarity: .lowerIsBetter, source: "t"))
        // Staffordshire alone in its region beside the West Midlands metropolitan county; 4 East Midlands counties.
        let counties: [(String, String, Double)] = [
            ("E10000028", "E12000005", 7), ("E11000005", "E12000005", 100), ("E10000007", "E12000004", 4),
            ("E10000018", "E12000004", 5), ("E10000019", "E12000004", 6), ("E10000024", "E12000004", 3),
        ]
        for (code, region, rate) in counties {
            data.add(Area(code: code, name: code, level: .county, parent: region))
            try data.add(Observation(indicator: "claimant-rate", area: code, period: "2024", value: rate, source: "t"))
        }
        let analysis = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "E10000028")
        let staffordshire = try #require(analysis.result(indicator: "claimant-rate", area: "E10000028"))
        #expect(staffordshire.siblings == "5 shire counties of England")
        // 7, 4, 5, 6, 3: mean 5, standard deviation √2; the metropolitan county's 100 is not among them.
        #expect(abs(staffordshire.zScore! - 2 / 2.0.squareRoot()) < 1e-12)
        let derbyshire = try #require(analysis.result(indicator: "claimant-rate", area: "E10000007"))
        #expect(derbyshire.siblings == "5 shire counties of England")
    }
}
