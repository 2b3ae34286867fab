import CSV
import Catalogue
import Core
import Evidence
import Foundation
import Geography
import Loaders
import NeedsAnalysis
import Testing

@Suite("Needs analysis on the demo borough")
struct DemoNeedsTests {
    @Test("the most deprived wards by the deprivation roll-up rank highest on the matching domains")
    func deprivedWards() throws {
        let view = demo.boroughView()
        #expect(view.wardProfiles.count == 25)
        func top(_ domain: String, _ n: Int) -> [String] {
            view.wardProfiles.compactMap { p in
                p.domains.first { $0.domain.id == domain }?.score.map { (p.area.name, $0) }
            }
            .sorted { $0.1 > $1.1 }.prefix(n).map(\.0)
        }
        // Rotherham East and Dalton & Thrybergh are the two most deprived wards on the IMD roll-up.
        #expect(top("income-poverty", 2).contains("Rotherham East"))
        #expect(top("income-poverty", 3).contains("Dalton & Thrybergh"))
        #expect(top("worklessness", 3).contains("Rotherham East"))
        let east = demo.profile(for: "E05013010")
        #expect(east.domains.first { $0.domain.id == "income-poverty" }?.level == .high)
        // The least deprived ward (Sitwell) shows below-average income need.
        #expect((demo.profile(for: "E05013012").domains.first { $0.domain.id == "income-poverty" }?.score ?? 0) < 0)
    }

    @Test("a ward with no data for a domain says so, and never scores 0")
    func noData() {
        let digital = demo.profile(for: "E05013010").domains.first { $0.domain.id == "digital-exclusion" }!
        #expect(digital.score == nil)
        #expect(digital.level == .noData)
        #expect(digital.note == "no data for digital exclusion in Rotherham East")
        let profile = demo.profile(for: "E05013010")
        #expect(profile.scored.allSatisfy { $0.score != nil })
    }

    @Test("significance from confidence intervals matches Fingertips' own judgement on every row")
    func significanceAgreesWithFingertips() throws {
        let data = Dataset()
        _ = try FileLoader.load(repository + "/Datasets/demo/fingertips_rotherham.csv", into: data)
        var compared = 0
        for o in data.observations where o.area == "E08000018" {
            guard let verdict = o.comparedToEngland, ["Higher", "Lower", "Similar"].contains(verdict),
                let england = data.observations.first(where: {
                    $0.area == "E92000001" && $0.indicator == o.indicator
                        && $0.period == o.period && $0.breakdown == o.breakdown
                })?.value
            else { continue }
            let ours = Significance.judge(lower: o.lower95, upper: o.upper95, reference: england, polarity: .neither)
            #expect(ours.rawValue == verdict.lowercased(), "\(o.indicator) \(o.period)")
            compared += 1
        }
        #expect(compared >= 5)
    }

    @Test("Rotherham's male suicide rate is significantly worse than England, checked by hand")
    func suicide() throws {
        // 23.99 per 100,000 (95% CI 18.90 to 30.02) against England's 14.69: the whole interval is above.
        let r = try #require(demo.result(indicator: "41001", area: "E08000018"))
        #expect(r.polarity == .lowerIsBetter)
        #expect(r.england?.significance95 == .worse)
        #expect(abs(r.england!.difference - (23.989435314868 - 14.690279082344)) < 1e-9)
        #expect(r.signal == 1)
    }
}

@Suite("Comparisons, polarity and significance on constructed figures")
struct ComparisonTests {
    @Test("polarity is respected: a high employment rate is good, a high claimant rate bad")
    func polarity() throws {
        let data = try wards(
            ["claimant-rate": [2, 4, 6, 8, 10], "employment-rate": [80, 75, 70, 65, 60]],
            polarity: ["claimant-rate": .lowerIsBetter, "employment-rate": .higherIsBetter])
        let analysis = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "E08000099")
        // Claimant rates 2..10: mean 6, population sd √8 = 2.828; the ward at 10% is (10 − 6) / 2.828 = 1.414 worse.
        let claimant = try #require(analysis.result(indicator: "claimant-rate", area: "E05099904"))
        #expect(abs(claimant.zScore! - 1.4142135623730951) < 1e-12)
        #expect(claimant.rank == 1 && claimant.quintile == 1)
        // Employment rates 80..60: the ward at 60% is (70 − 60) / 7.071 = 1.414 worse; the ward at 80% 1.414 better.
        let low = try #require(analysis.result(indicator: "employment-rate", area: "E05099904"))
        #expect(abs(low.zScore! - 1.4142135623730951) < 1e-12)
        let high = try #require(analysis.result(indicator: "employment-rate", area: "E05099900"))
        #expect(abs(high.zScore! + 1.4142135623730951) < 1e-12)
        #expect(high.rank == 5 && high.quintile == 5)
    }

    @Test(
        "significance cases checked by hand",
        arguments: [
            // (lower, upper, reference, polarity, expected)
            (18.9, 30.0, 14.7, Polarity.lowerIsBetter, Significance.worse),  // interval wholly above; lower is better
            (18.9, 30.0, 14.7, .higherIsBetter, .better),
            (18.9, 30.0, 22.0, .lowerIsBetter, .similar),  // reference inside the interval
            (5.0, 7.0, 9.0, .lowerIsBetter, .better),  // wholly below
            (5.0, 7.0, 9.0, .neither, .lower),
            (5.0, 7.0, 7.0, .neither, .similar),  // touching the limit is not significant
        ])
    func significance(lower: Double, upper: Double, reference: Double, polarity: Polarity, expected: Significance) {
        #expect(Significance.judge(lower: lower, upper: upper, reference: reference, polarity: polarity) == expected)
    }

    @Test("no interval means not compared, and the signal falls back to the relative difference")
    func noInterval() throws {
        let data = try wards(["claimant-rate": [5, 6]], polarity: ["claimant-rate": .lowerIsBetter])
        data.add(Area(code: "E92000001", name: "England", level: .country))
        try data.add(
            Observation(indicator: "claimant-rate", area: "E92000001", period: "2024", value: 5, source: "test"))
        let analysis = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "E08000099")
        let r = try #require(analysis.result(indicator: "claimant-rate", area: "E05099901"))
        #expect(r.england?.significance95 == .notCompared)
        #expect(r.zScore == nil)  // 2 wards: too few for a z-score
        #expect(abs(r.signal! - 1) < 1e-12)  // 6 vs 5 is 20% worse: a full signal of 1
        #expect(r.signalBasis.contains("+20%"))
    }

    @Test("an area by name: the borough's ward before a region of that name; the borough and its ward alike, an error")
    func areaByName() throws {
        let data = try wards(["claimant-rate": [5, 6]], polarity: ["claimant-rate": .lowerIsBetter])
        data.add(Area(code: "E12000001", name: "North East", level: .region))
        data.add(Area(code: "E05099902", name: "North East", level: .ward, parent: "E08000099"))
        data.add(Area(code: "E05099903", name: "Testborough", level: .ward, parent: "E08000099"))
        let analysis = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "E08000099")
        #expect(try analysis.area("north east", setting: "areas").code == "E05099902")
        #expect(try analysis.area("E12000001", setting: "areas").code == "E12000001")
        #expect {
            try analysis.area("Testborough", setting: "areas")
        } throws: { error in
            (error as? ToolkitError)?.message
                == "\"Testborough\" names Testborough (local authority, E08000099) and Testborough (ward, "
                + "E05099903): give the code of the one meant"
        }
    }

    @Test("the trend follows polarity across periods")
    func trend() throws {
        let data = try wards(["claimant-rate": [5, 6]], polarity: ["claimant-rate": .lowerIsBetter])
        try data.add(
            Observation(indicator: "claimant-rate", area: "E05099900", period: "2020", value: 8, source: "test"))
        let analysis = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "E08000099")
        let r = try #require(analysis.result(indicator: "claimant-rate", area: "E05099900"))
        #expect(r.period == "2024")
        #expect(r.trendPeriods == ["2020", "2024"])
        #expect(r.trend == "improving")  // 8 → 5, and lower is better
    }

    @Test("months named in periods order them within a year: Dec 2023 after March, Jan-24 after Dec-23")
    func monthPeriods() throws {
        let data = try wards(["claimant-rate": [5, 6]], polarity: ["claimant-rate": .lowerIsBetter])
        for (period, value) in [("Jan 2023", 9.0), ("Dec 2023", 4.0), ("March 2023", 7.0), ("Sept 2022", 8.0)] {
            try data.add(
                Observation(indicator: "claimant-rate", area: "E05099901", period: period, value: value, source: "t"))
        }
        let analysis = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "E08000099")
        let r = try #require(analysis.result(indicator: "claimant-rate", area: "E05099901"))
        #expect(r.period == "2024")
        #expect(r.trendPeriods == ["Sept 2022", "Jan 2023", "March 2023", "Dec 2023", "2024"])
        // Months with two-digit years, as spreadsheets write them: Jan-24 is the latest.
        for (period, value) in [("Nov-23", 9.0), ("Jan-24", 4.0), ("Dec-23", 7.0)] {
            try data.add(
                Observation(indicator: "claimant-rate", area: "E05099900", period: period, value: value, source: "t"))
        }
        let months = try NeedsAnalysis(
            dataset: data, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "E08000099")
        let latest = try #require(months.result(indicator: "claimant-rate", area: "E05099900"))
        #expect(latest.trendPeriods == ["Nov-23", "Dec-23", "2024", "Jan-24"])
    }

    @Test("the same figures in two files are counted once; the same file given twice is an error")
    func noDoubleCounting() throws {
        let file = repository + "/Datasets/demo/census2021_economic_activity_ward_rotherham.csv"
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-copy-\(UUID().uuidString).csv")
            .path
        try FileManager.default.copyItem(atPath: file, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let once = try DatasetBuilder(files: [file])
        let twice = try DatasetBuilder(files: [file, copy])
        #expect(twice.dataset.observations.count == once.dataset.observations.count)
        #expect(twice.dataset.duplicates == once.dataset.observations.count)
        #expect(twice.notes.contains { $0.contains("counted once") })
        #expect(throws: ToolkitError.self) { try DatasetBuilder(files: [file, file]) }
    }
}

@Suite("Equality gaps placed in the data")
struct EqualityNeedTests {
    @Test("places resolve to wards, borough-wide gaps to the borough, group sizes attach where loaded")
    func places() throws {
        let gaps = try EqualityActionPlanLoader.load(
            repository + "/Datasets/demo/equality_action_plan_illustrative.csv",
            characteristics: catalogue.taxonomy.characteristics)
        let needs = try demo.equalityNeeds(gaps)
        #expect(needs[0].places.map(\.code) == ["E08000018"])
        #expect(needs[2].places.map(\.name) == ["Rotherham East", "Boston Castle"])
        // The disability gap: no TS038 is loaded, but the health-and-disability deprivation share is.
        #expect(needs[0].groupSizes.contains { $0.indicator.hasPrefix("iod-ward:") } == false)
        #expect(needs[0].missing == ["disability"])
        let older = needs[4]
        #expect(
            older.groupSizes.contains {
                $0.area.name == "Maltby East" && $0.indicator == "census2021:age:aged-85-years-and-over:percent"
            })
    }

    @Test("an unknown ward in the plan is an error naming its line")
    func unknownWard() throws {
        let gap = EqualityGap(
            action: "x", characteristics: ["age"], serviceArea: "", places: ["Atlantis"], disadvantage: "",
            targetDate: "", status: "", owner: "", file: "plan.csv", line: 7, placesColumn: 4)
        do {
            _ = try demo.equalityNeeds([gap])
            Issue.record("expected an error")
        } catch let error as ToolkitError {
            #expect(error.file == "plan.csv")
            #expect(error.line == 7)
            #expect(error.column == 4)
            #expect(error.message.contains("Atlantis"))
        }
    }
}
