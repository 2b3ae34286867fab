import CSV
import Catalogue
import Evidence
import Foundation
import Loaders
import Testing

@Suite("The shipped catalogues")
struct ShippedCatalogueTests {
    @Test("three frameworks of the required size and shape")
    func frameworks() {
        #expect(shipped.frameworks.map(\.id) == ["open", "council", "government"])
        let open = shipped.measures(in: "open")
        #expect((50...90).contains(open.count))
        #expect(Set(open.map(\.theme)) == ["Jobs", "Growth", "Social", "Environment", "Innovation"])
        let council = shipped.measures(in: "council")
        #expect(council.count == 36)
        #expect(Set(council.map(\.theme)).count == 5)
        #expect(council.allSatisfy { $0.status == "reconstructed" && $0.basedOn != nil })
        // The six outcomes of the council's Social Value Policy are all covered.
        #expect(Set(council.map(\.outcome)).count == 6)
        #expect(shipped.measure("PPN06/20-T3")?.status == "unverified")
    }

    @Test("council measures inherit wording, unit and proxy from their open base")
    func inheritance() throws {
        let rj2 = try #require(shipped.measure("council:RJ2"))
        let j2 = try #require(shipped.measure("open:J2"))
        #expect(rj2.title == j2.title && rj2.unit == j2.unit && rj2.proxy == j2.proxy)
        #expect(shipped.measures(forDomain: "worklessness", framework: "council").contains { $0.measure.ref == "RJ2" })
    }

    @Test("proxy values are computed from the open figures, with the working shown")
    func proxies() throws {
        // GMCA Unit Cost Database: £14,044 increased earnings + £566 NHS savings (2012/13 prices), re-based with HM
        // Treasury's
        // GDP deflators: × 100 ÷ 71.5454 (2024-25 = 100) = £20,420.60.
        let jobs = try #require(shipped.proxies["job_long_term_unemployed"])
        #expect(jobs.sourceValue == 14610 && jobs.sourcePriceYear == "2012/13")
        #expect(jobs.value == 20420.6)
        #expect(
            jobs.working
                == "14,044 + 566 = 14,610 (2012/13 prices) × 100 ÷ 71.5454 (GDP deflators 2024-25 ÷ 2012-13) = "
                + "20,420.6 (2024-25 prices)"
        )
        // (£12.60 Real Living Wage − £11.44 National Living Wage) × 37.5 hours × 52 weeks = £2,262, already in
        // 2024-25 prices.
        let wage = try #require(shipped.proxies["real_living_wage_uplift"])
        #expect(abs(wage.value - 2262) < 1e-9)
        #expect(wage.priceYear == "2024-25")
        // The carbon value is in 2022 prices, taken as 2022-23: £273.06 × 100 ÷ 91.2996 = £299.08.
        #expect(shipped.proxy(for: shipped.measure("open:E1")!)?.value == 299.08)
        #expect(shipped.priceBase.priceYear == "2024-25")
        #expect(PriceBase.financialYear("2024") == "2024-25" && PriceBase.financialYear("2012/13") == "2012-13")
        // No open figure values a local hire as such: no proxy, none invented.
        #expect(shipped.measure("open:J1")?.proxy == nil)
    }

    @Test("the taxonomy check passes on the shipped files and the demo data")
    func check() throws {
        let data = Dataset()
        for file in [
            "fingertips_rotherham.csv", "census2021_ts045_lsoa_rotherham.csv", "iod2019_domains_rotherham.csv",
        ] {
            _ = try FileLoader.load(datasets + "/demo/" + file, into: data)
        }
        let check = TaxonomyCheck(catalogue: shipped, indicators: Array(data.indicators.values))
        #expect(check.errors == [])
        #expect(check.passed)
    }

    @Test(
        "every indicator in the real files is linked or marked unlinked",
        .enabled(if: SharedData.available, "../shared/data is absent"))
    func realIndicators() throws {
        let data = IndicatorSet()
        for folder in ["fingertips", "census", "deprivation", "economy"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: SharedData.root + "/" + folder)
            where name.hasSuffix(".csv") {
                _ = try FileLoader.load(SharedData.root + "/" + folder + "/" + name, into: data)
            }
        }
        _ = try FileLoader.load(
            SharedData.root + "/fingertips/metadata/FingertipsNext__DataCreator_indicators.csv", into: data)
        let check = TaxonomyCheck(catalogue: shipped, indicators: Array(data.indicators.values))
        #expect(check.errors == [])
        #expect(check.proposals.isEmpty)
    }

    @Test("an indicator the taxonomy does not cover gets a proposed domain, and is reported")
    func proposal() {
        let indicator = Indicator(id: "claimant-rate", name: "Claimant count as % of residents", source: "ward profile")
        #expect(shipped.taxonomy.links(for: indicator.id).isEmpty)
        #expect(shipped.taxonomy.proposedDomain(for: indicator)?.domain.id == "worklessness")
        let check = TaxonomyCheck(catalogue: shipped, indicators: [indicator])
        #expect(!check.passed)
        #expect(check.errors.contains { $0.contains("claimant-rate") && $0.contains("proposed: worklessness") })
    }

    @Test("the most specific indicator link wins")
    func specificity() {
        let employed = shipped.taxonomy.links(
            for: "census2021:economic-activity-status-last-week-3-categories:employed:percent")
        #expect(employed.map(\.domain) == ["worklessness"])
        #expect(employed.first?.polarity == .higherIsBetter)
        let count = shipped.taxonomy.links(for: "census2021:economic-activity-status-last-week-3-categories:employed")
        #expect(count.count == 1 && count[0].domain == nil)  // counts are context: marked unlinked
    }
}

@Suite("Relevance to the subject matter says what the commissioning toolkit says")
struct RelevanceTests {
    func relevance(_ ref: String, cpv: [String], _ category: ContractCategory) throws -> Relevance {
        let codes = try cpv.map { try shipped.cpv.lookup($0).get() }
        return shipped.relevance(of: try #require(shipped.measure("open:" + ref)), cpv: codes, category: category)
    }

    @Test("low-emission vehicles are relevant to a transport contract")
    func transport() throws {
        #expect(try relevance("E3", cpv: ["60112000"], .services).strength == .strong)  // public road transport
        #expect(try relevance("E3", cpv: ["34144511"], .goods).strength == .strong)  // refuse-collection vehicles
        #expect(try relevance("E2", cpv: ["60112000"], .services).strength == .strong)
    }

    @Test("jobs for long-term unemployed people and apprenticeships fit construction works")
    func construction() throws {
        #expect(try relevance("J2", cpv: ["45233142-6"], .works).strength == .strong)
        #expect(try relevance("J9", cpv: ["45233142-6"], .works).strength == .strong)
        #expect(
            try relevance("J9", cpv: ["45233142-6"], .works).reason.contains("Highways, footways and traffic works"))
    }

    @Test(
        "local SME supply-chain spend is broadly relevant",
        arguments: [
            ("30213100", ContractCategory.goods), ("85312000", .services), ("45233142", .works), ("48000000", .goods),
        ])
    func localSMEs(cpv: String, category: ContractCategory) throws {
        #expect(try relevance("G2", cpv: [cpv], category).strength >= .possible)
    }

    @Test("the Real Living Wage is relevant to cleaning of council buildings")
    func livingWage() throws {
        let r = try relevance("J18", cpv: ["90910000"], .services)
        #expect(r.strength == .strong)
        #expect(r.subject == "facilities-cleaning")  // 909… overrides the division 90 (waste): the specific code wins
    }

    @Test("software licences get no construction-site measures")
    func software() throws {
        for ref in ["E8", "S8", "J11", "J2", "J13"] {
            #expect(try relevance(ref, cpv: ["48000000"], .goods).strength == .none, "\(ref)")
        }
    }

    @Test("a measure with no reviewed rule is not connected, with the reason")
    func notConnected() throws {
        let r = try relevance("E15", cpv: ["45233142"], .works)  // local food for road repairs
        #expect(r.strength == .none)
        #expect(r.reason.contains("not connected"))
    }
}

@Suite("CPV vocabulary")
struct CPVTests {
    @Test("codes with and without check digits; a wrong check digit is refused")
    func lookup() throws {
        #expect(try shipped.cpv.lookup("45233142-6").get().description == "Road-repair works")
        #expect(try shipped.cpv.lookup("45233142").get().full == "45233142-6")
        #expect(shipped.cpv.lookup("45233142-5") == .failure(.checkDigit("45233142-5", expected: "45233142-6")))
        #expect(shipped.cpv.lookup("99999999") == .failure(.unknown("99999999")))
        #expect(shipped.cpv.lookup("4523") == .failure(.malformed("4523")))
    }

    @Test("search by words, broadest first; the chain above a code")
    func search() throws {
        let hits = shipped.cpv.search("refuse vehicles")
        #expect(hits.contains { $0.code == "34144511" })
        let code = try shipped.cpv.lookup("45233142").get()
        #expect(shipped.cpv.ancestors(of: code).first?.code == "45000000")
        #expect(shipped.cpv.divisions.count == 45)
    }
}

@Suite("Indicator patterns")
struct PatternTests {
    func link(_ pattern: String) -> IndicatorLink {
        IndicatorLink(pattern: pattern, domain: nil, polarity: nil, reason: "", location: "")
    }

    @Test("* stands for any text, anywhere in the pattern")
    func glob() {
        #expect(link("iod:income:*").matches("iod:income:rank"))
        #expect(!link("iod:income:*").matches("iod:incomes"))
        let bad = link("census2021:general-health:*bad-health:percent")
        #expect(bad.matches("census2021:general-health:very-bad-health:percent"))
        #expect(bad.matches("census2021:general-health:bad-health:percent"))
        #expect(!bad.matches("census2021:general-health:bad-health"))
        #expect(!link("a*b*c").matches("ab"))
        #expect(link("a*b*c").matches("a1b2c"))
        #expect(link("41001").matches("41001") && !link("41001").matches("410011"))
    }

    @Test("census tables beyond the shipped files are linked: unemployment, disability, qualifications")
    func censusLinks() {
        let unemployed = shipped.taxonomy.links(
            for:
                "census2021:economic-activity-status:"
                + "economically-active-excluding-full-time-students-unemployed:percent"
        )
        #expect(unemployed.map(\.domain) == ["worklessness"])
        #expect(
            shipped.taxonomy.links(for: "census2021:disability:disabled-under-the-equality-act:percent").first?.polarity
                == .lowerIsBetter)
        // A count is context, not a need: only its share is linked.
        #expect(
            shipped.taxonomy.links(for: "census2021:disability:disabled-under-the-equality-act").allSatisfy {
                $0.domain == nil
            })
    }
}
