import CSV
import Catalogue
import Formatting
import Foundation
import NeedsAnalysis
import Recommender
import Testing

/// The rules behind a recommendation a commissioner signs off: subject matter, core, safeguarding, duration,
/// need as a ranking signal, the living wage, money values and wording.
@Suite("Recommendation rules")
struct RecommendationRulesTests {
    func caseContract(_ name: String) throws -> ContractProfile {
        try #require(ContractCase.all.first { $0.file.hasPrefix(name) }).contract
    }

    func exclusion(_ r: Recommendation, _ ref: String) -> ExcludedMeasure? { r.excluded.first { $0.ref == ref } }

    @Test("what the contract buys is its core, not social value")
    func core() throws {
        let retrofit = try recommend(try caseContract("04_"))
        #expect(exclusion(retrofit, "S14")?.code == "core")
        let vans = try recommend(try caseContract("01_"))
        #expect(exclusion(vans, "E3")?.code == "core" && exclusion(vans, "E2")?.code == "core")
        let agency = try recommend(try caseContract("13_"))
        #expect(exclusion(agency, "J1")?.code == "core")
    }

    @Test("homes improved for warmth are not connected to roads, bridges, lighting or a school build")
    func warmHomes() throws {
        for name in ["03_", "05_", "06_", "07_", "12_"] {
            let r = try recommend(try caseContract(name))
            #expect(!r.measures.contains { $0.ref == "S14" }, "\(name)")
            #expect(["not-connected", "too-short"].contains(exclusion(r, "S14")?.code ?? ""), "\(name)")
        }
    }

    @Test("a description's word refines a CPV subject but never adds one")
    func descriptionRefines() throws {
        var software = try caseContract("08_")
        software.description += " Used by social care and home care teams who travel between visits."
        let r = try recommend(software)
        #expect(!r.subjects.contains { $0.contains("Health and social care") })
        #expect(exclusion(r, "E2")?.code == "not-connected")
        var works = try caseContract("03_")
        works.cpv = ["45000000-7"]
        works.description = "Insulation and new heating for 300 council homes."
        let housing = try recommend(works)
        #expect(
            housing.subjects.contains {
                $0.hasPrefix("Housing construction and improvement") && $0.contains("\"homes\"")
            })
    }

    @Test("a passing mention does not refine: words naming the code's own subject more often keep it")
    func passingMention() throws {
        var nursing = try caseContract("08_")
        nursing.cpv = ["85323000-9"]
        nursing.description =
            "The public health nursing service: school nursing, infant feeding and perinatal mental health support."
        let kept = try recommend(nursing)
        #expect(kept.subjects.contains { $0.hasPrefix("Community and public health services") })
        #expect(!kept.subjects.contains { $0.hasPrefix("Counselling and psychological therapies") })
        nursing.description = "Talking therapies and counselling for adults with mild to moderate mental health needs."
        let refined = try recommend(nursing)
        #expect(refined.subjects.contains { $0.hasPrefix("Counselling and psychological therapies") })
        // A broad subject's general words do not outweigh a narrower one: homes built after a demolition are homes.
        var works = try caseContract("03_")
        works.cpv = ["45000000-7"]
        works.description = "Construction of 40 new council homes, including demolition of the existing garages."
        #expect(try recommend(works).subjects.contains { $0.hasPrefix("Housing construction and improvement") })
    }

    @Test("safeguarding: no target for people with convictions in children's homes")
    func safeguarding() throws {
        let r = try recommend(try caseContract("14_"))
        let j7 = try #require(exclusion(r, "J7"))
        #expect(j7.code == "safeguarding" || j7.code == "not-connected")
        #expect(r.measures.allSatisfy { $0.ref != "J7" })
        let meals = try recommend(try caseContract("09_"))
        if let j7 = meals.measures.first(where: { $0.ref == "J7" }) { #expect(!j7.caveats.isEmpty) }
    }

    @Test("no apprenticeship starts on a contract shorter than 12 months")
    func apprenticeships() throws {
        let bridge = try recommend(try caseContract("05_"))
        #expect(exclusion(bridge, "J9")?.code == "too-short" && exclusion(bridge, "J10")?.code == "too-short")
        #expect(exclusion(bridge, "J9")?.reason.contains("policy/targets.csv") == true)
    }

    @Test("short capital works get fewer, deliverable commitments")
    func shortWorks() throws {
        let r = try recommend(try caseContract("06_"))
        #expect(r.measures.count <= 3)
        #expect(r.warnings.contains { $0.contains("Short capital works") })
        #expect(exclusion(r, "J2")?.code == "too-short")
    }

    @Test("need ranks, never vetoes: a relevant measure is never left out for lack of local data")
    func needRanks() throws {
        for c in ContractCase.all {
            let r = try recommend(c.contract)
            #expect(!r.excluded.contains { $0.reason.contains("local need") }, "\(c.file)")
        }
        // Local spend is read against the borough's business base (ONS business demography: a labour-market need,
        // judged for the borough) and carries the council's standing priority at a quarter weight (3 × 0.25 = 0.75):
        // 3 + 0.30 (rounded) + 0.75 = 4.04, below jobs for the long-term unemployed, whose need in Rotherham East is
        // high (2.15).
        let highways = try recommend(try contract("highways_resurfacing"))
        let g1 = try #require(highways.measures.first { $0.ref == "G1" })
        let j2 = try #require(highways.measures.first { $0.ref == "J2" })
        #expect(j2.rank == 1 && j2.rank < g1.rank)
        #expect(g1.rankWorking.contains("+ 0.75 (council priority [policy/priorities.csv:2])"))
        #expect(
            g1.rankWorking.contains("Rotherham, Local business base and SMEs")
                && g1.rankWorking.contains("policy/priorities.csv:2"))
        // With no data on a need, the measure is unknown, shown as such, never left out.
        let vans = try recommend(try caseContract("01_"))
        let unknown = vans.measures.filter { $0.needStatus == "unknown" }
        #expect(unknown.allSatisfy { $0.rankWorking.contains("need unknown") })
    }

    @Test("targets are sized on what the supplier controls")
    func controlledValue() throws {
        let agency = try recommend(try caseContract("13_"))
        #expect(agency.targetBase == "the supplier's fee of £675,000 (of £4,500,000)")
        // G1: £675,000 × (1 − 85% labour share) × 20% = £20,250 of non-labour spend with local suppliers.
        #expect(agency.measures.first { $0.ref == "G1" }?.target.quantity == 20_250)
        var profile = try caseContract("13_")
        profile.supplierFee = nil
        #expect(try recommend(profile).targetBase == "£675,000: £4,500,000 less the 85% passed through")
    }

    @Test("a target too small to monitor is not recommended")
    func floors() throws {
        var profile = try contract("office_cleaning")
        profile.value = 150_000
        let r = try recommend(profile)
        let small = r.excluded.filter { $0.code == "below-floor" }
        #expect(!small.isEmpty)
        #expect(small.allSatisfy { $0.reason.contains("policy/floors.csv:") })
    }

    @Test("a council is only a conduit: aspirations only")
    func conduit() throws {
        let r = try recommend(try caseContract("18_"))
        #expect(r.rules.commitments == .aspirations && r.measures.count <= 3)
        #expect(r.rules.notes.contains { $0.contains("conduit") })
    }

    @Test("services to people are co-produced")
    func coProduction() throws {
        #expect(try recommend(try caseContract("15_")).rules.notes.contains { $0.contains("co-produce") })
        #expect(!(try recommend(try caseContract("05_")).rules.notes.contains { $0.contains("co-produce") }))
    }

    @Test("the London Living Wage applies in London boroughs")
    func london() {
        #expect(policy.livingWage(authority: "E09000007").name == "London Living Wage")
        #expect(policy.livingWage(authority: "E09000007").hourlyRate == 14.80)
        #expect(policy.livingWage(authority: "E08000018").name == "Real Living Wage")
    }

    @Test("another borough's output marks the policy pack as a default, not its own")
    func policyPack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID())").path
        try FileManager.default.copyItem(atPath: repository + "/Datasets/policy", toPath: folder)
        try
            ("parameter,value\nauthority_code,E06000009\nauthority_name,Blackpool\n"
            + "title,Blackpool's social value policy\n")
            .write(toFile: folder + "/pack.csv", atomically: true, encoding: .utf8)
        let other = Recommender(
            catalogue: catalogue, policy: try Policy(folder: folder), analysis: recommender.analysis, equalityGaps: [])
        #expect(
            try other.recommend(try contract("highways_resurfacing")).policy.hasPrefix(
                "DEFAULT POLICY PACK: Blackpool's social value policy"))
        #expect(try recommend(try contract("highways_resurfacing")).policy.hasPrefix("Rotherham Social Value Policy"))
    }

    @Test("an equality action limited to two wards does not raise measures borough-wide")
    func actionPlaces() throws {
        let care = try recommend(try contract("home_care"))
        #expect(!care.measures.contains { $0.equalityGaps.contains { $0.action.hasPrefix("Translated information") } })
        // The carers' action is about home care: it never reaches a bridge.
        let bridge = try recommend(try caseContract("05_"))
        #expect(!bridge.measures.contains { $0.equalityGaps.contains { $0.characteristic == "carers" } })
    }

    @Test("quantities read as a cabinet member reads them")
    func wording() {
        #expect(1.0.written(.quantity("people")) == "1 person")
        #expect(5.0.written(.quantity("people (FTE)")) == "5 people (FTE)")
        #expect(1.0.written(.quantity("hours")) == "1 hour")
        #expect(3000.0.written(.quantity("GBP")) == "£3,000")
        #expect(90.0.written(.quantity("% of workforce")) == "90% of workforce")
        #expect(1.0.written(.quantity("opportunities")) == "1 opportunity")
    }

    @Test("a ward name matches with or without its bracketed authority, '&' or 'and', punctuation or spacing")
    func wardNames() {
        #expect(recommender.analysis.ward(named: "Wath (Rotherham)")?.name == "Wath")
        #expect(recommender.analysis.ward(named: "wath")?.code == "E05013016")
        #expect(recommender.analysis.ward(named: "Anston and Woodsetts")?.name == "Anston & Woodsetts")
        #expect(recommender.analysis.ward(named: " anston  &woodsetts ")?.name == "Anston & Woodsetts")
        #expect(recommender.analysis.ward(named: "Anston-Woodsetts") == nil)
        #expect(recommender.analysis.ward(named: "Anston & Woodsett") == nil)
    }

    @Test("a ward in the most deprived 30% of England is a need even where the borough is as deprived")
    func nationalAnchor() throws {
        // Wath: income decile 3.12 (national), average among Rotherham's wards (z 0.7).
        let wath = recommender.analysis.profile(for: "E05013016")
        let income = try #require(wath.domains.first { $0.domain.id == "income-poverty" })
        let national = try #require(income.nationalScore)
        let local = try #require(income.localScore)
        #expect(national > local)
        #expect(income.level == .aboveAverage || income.level == .high)
        // (5.5 − 3.12) ÷ 2.5 = 0.95 for the IMD decile.
        let imd = try #require(
            income.evidence.first { $0.result.indicator == "iod-ward:index-of-multiple-deprivation:average-decile" })
        let signal = try #require(imd.result.nationalSignal)
        #expect(abs(signal - (5.5 - imd.result.value) / 2.5) < 1e-12)
    }
}
