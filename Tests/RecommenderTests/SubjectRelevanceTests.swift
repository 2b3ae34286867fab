import Catalogue
import Recommender
import Testing

/// Relevance decides what is asked and need only orders it; targets are sized on what the contract handles; the
/// answer asks for what it needs rather than reading figures out of prose.
@Suite("Subjects, quantities and questions")
struct SubjectRelevanceTests {
    /// A refresh of staff laptops with take-back of the old ones and a service desk: goods and services in one.
    func laptopRefresh(collected: Double?) -> ContractProfile {
        ContractProfile(
            title: "Laptop refresh",
            description: "Refresh of staff laptops with take-back of the old devices and a service desk.",
            cpv: ["30213100-6", "72253000-3"], category: .goods, value: 900_000, durationMonths: 36,
            areas: ["borough"], quantities: collected.map { ["devicesCollected": $0] })
    }

    @Test("natural measures of the subject come first and are never cut for weak need or a minimum score")
    func naturalFirst() throws {
        let r = try recommend(laptopRefresh(collected: 1200))
        let strong = r.measures.filter { $0.relevance == "strong" }
        #expect(strong.map(\.ref).contains("S12") && strong.map(\.ref).contains("E6"))
        // Every natural measure precedes every generic one.
        let lastStrong = try #require(strong.last?.rank)
        #expect(r.measures.filter { $0.relevance != "strong" }.allSatisfy { $0.rank > lastStrong })
        #expect(!r.excluded.contains { $0.code == ExclusionCode.weakConnection.rawValue && $0.ref == "S12" })
    }

    @Test("a target is sized on what the contract handles: 1,200 devices taken back × 10% = 120 devices given")
    func quantityTarget() throws {
        let r = try recommend(laptopRefresh(collected: 1200))
        let s12 = try #require(r.measures.first { $0.ref == "S12" })
        #expect(s12.target.quantity == 120)
        #expect(s12.target.working.hasPrefix("1,200 old IT devices taken back × 10% = 120 ("))
        #expect(!r.questions.contains { $0.topic == "ask-quantity:devicesCollected" })
    }

    @Test("without the quantity the description mentions, the answer asks for it and labels the fallback")
    func asksForQuantity() throws {
        let r = try recommend(laptopRefresh(collected: nil))
        let asked = try #require(r.questions.first { $0.topic == "ask-quantity:devicesCollected" })
        #expect(asked.text.contains("The description mentions \"take back\""))
        #expect(asked.text.contains("quantities.devicesCollected"))
        let s12 = try #require(r.measures.first { $0.ref == "S12" })
        // The fallback: £0.9m × 5 devices per £1m = 4.5, rounded to 5.
        #expect(s12.target.quantity == 5)
        #expect(s12.target.working.hasPrefix("fallback, as the contract's old IT devices taken back are not given"))
    }

    @Test("goods with a service desk: the service part supports service measures, and its workforce is asked for")
    func mixedContract() throws {
        let r = try recommend(laptopRefresh(collected: 1200))
        #expect(r.subjects.count == 2)
        #expect(r.questions.contains { $0.topic == "ask-workforce" })
        // J1 (local people employed) is connected through the service desk (services), not the laptops (goods):
        // it is sized, and left out only because the estimated workforce (5% labour share) rounds to nothing.
        let j1 = try #require(r.excluded.first { $0.ref == "J1" })
        #expect(j1.code == ExclusionCode.nothingToDeliver.rawValue)
    }

    @Test("money passing through is asked about until the supplier's fee or the share passed through is given")
    func passThrough() throws {
        var agency = ContractProfile(
            title: "Temporary staff", description: "Managed service for temporary agency workers.",
            cpv: ["79620000-6"], category: .services, value: 5_000_000, durationMonths: 36, areas: ["borough"])
        let asked = try recommend(agency)
        #expect(asked.questions.map(\.topic) == ["ask-pass-through"])
        #expect(asked.questions[0].text.hasPrefix("Agency and temporary staff usually passes much of its value"))
        agency.supplierFee = 400_000
        #expect(try recommend(agency).questions.isEmpty)
        var heating = ContractProfile(
            title: "Heat network", description: "Operation of the heat network, paid by a unitary charge.",
            cpv: ["50720000-8"], category: .services, value: 8_000_000, durationMonths: 120, areas: ["borough"])
        #expect(try recommend(heating).questions.contains { $0.text.contains("\"unitary charge\"") })
        heating.passThroughShare = 0.6
        #expect(try recommend(heating).questions.isEmpty)
    }

    @Test("a seed quick win under the floor is asked as an aspiration, not dropped: £150,000 × 0.1% × 0.75 = £113")
    func quickWin() throws {
        let repairs = ContractProfile(
            title: "Footway repairs", description: "Footway and kerb repairs over a year.", cpv: ["45233142-6"],
            category: .works, value: 150_000, durationMonths: 12, areas: ["borough"])
        let r = try recommend(repairs)
        let s3 = try #require(r.measures.first { $0.ref == "S3" })
        #expect(r.rules.commitments == .formal && s3.commitment == .aspirations)
        #expect(s3.target.quantity == 113 && s3.sleva == nil)
        #expect(s3.target.working.hasPrefix("a quick win asked as a non-binding aspiration, not valued"))
    }

    @Test("only aspirations, and why: under the threshold, or the council a conduit")
    func aspirationsWhy() throws {
        let small = try recommend(try contract("small_it_purchase"))
        #expect(small.rules.aspirationsReason?.hasPrefix("the value, £60,000, does not exceed £100,000") == true)
        var conduit = try contract("office_cleaning")
        conduit.councilIsConduit = true
        #expect(try recommend(conduit).rules.aspirationsReason?.hasPrefix("the council only passes the funds") == true)
        #expect(try recommend(try contract("office_cleaning")).rules.aspirationsReason == nil)
    }
}
