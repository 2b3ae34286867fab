import Catalogue
import Recommender
import Testing

@Suite("The commissioner's decisions on measures")
struct CommissionerDecisionTests {
    @Test("a dropped measure moves to the excluded list with the reason, and the rest are ranked again")
    func drop() throws {
        let r = try recommend(try contract("highways_resurfacing"))
        let dropped = r.measures[1]
        let decided = r.applying([
            CommissionerDecision(measure: dropped.ref, action: .drop, reason: "in the framework agreement")
        ])
        #expect(decided.measures.count == r.measures.count - 1)
        #expect(decided.measures.map(\.rank) == Array(1...decided.measures.count))
        #expect(!decided.measures.contains { $0.ref == dropped.ref })
        #expect(decided.excluded[0].ref == dropped.ref)
        #expect(decided.excluded[0].code == "commissioner")
        #expect(decided.excluded[0].reason == "dropped by the commissioner: in the framework agreement")
        #expect(abs(decided.totalSleva - (r.totalSleva - (dropped.sleva ?? 0))) < 1e-6)
    }

    @Test("a changed target is valued as the recommendation was: J2 from 1 FTE (£20,421) to 3 FTE is £61,262")
    func change() throws {
        let r = try recommend(try contract("highways_resurfacing"))
        let j2 = try #require(r.measures.first { $0.ref == "J2" })
        #expect(j2.target.quantity == 1)
        #expect(try #require(j2.sleva).rounded() == 20_421)
        let decided = r.applying([
            CommissionerDecision(measure: "J2", action: .change, target: 3, reason: "three long-term vacancies")
        ])
        let changed = try #require(decided.measures.first { $0.ref == "J2" })
        #expect(changed.target.quantity == 3)
        #expect(changed.sleva == 61_262)  // 3 × £20,420.6 = £61,261.8
        #expect(changed.slevaWorking == "3 hires (FTE) × £20,420.6 = £61,262, the commissioner's target")
        #expect(
            changed.target.working.hasPrefix("set by the commissioner to 3 hires (FTE) (recommended 1 hire (FTE): "))
        #expect(changed.target.working.hasSuffix(": three long-term vacancies"))
        #expect(decided.totalSleva == r.totalSleva - 20_421 + 61_262)
        #expect(decided.measures.count == r.measures.count)
    }

    @Test("acceptance and decisions on measures no longer recommended change nothing")
    func acceptAndStale() throws {
        let r = try recommend(try contract("highways_resurfacing"))
        let decided = r.applying([
            CommissionerDecision(measure: r.measures[0].ref, action: .accept, reason: ""),
            CommissionerDecision(measure: "NOT-A-MEASURE", action: .drop, reason: "gone"),
        ])
        #expect(decided.measures.map(\.ref) == r.measures.map(\.ref))
        #expect(decided.excluded.count == r.excluded.count)
        #expect(decided.totalSleva == r.totalSleva)
    }

    @Test("a drop or change needs a reason; a change needs a finite target from 0; a reason has a length limit")
    func problems() {
        let limits = catalogue.contractLimits
        #expect(CommissionerDecision(measure: "J2", action: .accept, reason: "").problem(limits: limits) == nil)
        #expect(
            CommissionerDecision(measure: "J2", action: .drop, reason: "  ").problem(limits: limits)
                == "give the reason for the decision; it goes into the tender pack")
        #expect(
            CommissionerDecision(measure: "J2", action: .change, reason: "more").problem(limits: limits)
                == "give the target you want instead")
        #expect(
            CommissionerDecision(measure: "J2", action: .change, target: -1, reason: "more").problem(limits: limits)?
                .hasPrefix("a target is a number from 0 to under") == true)
        #expect(
            CommissionerDecision(measure: "J2", action: .change, target: .infinity, reason: "more").problem(
                limits: limits) != nil)
        #expect(
            CommissionerDecision(measure: "J2", action: .drop, reason: String(repeating: "x", count: 2_001)).problem(
                limits: limits)
                == "a reason is at most 2,000 characters (policy/contract_limits.csv)")
        #expect(
            CommissionerDecision(measure: "J2", action: .drop, reason: String(repeating: "x", count: 2_000)).problem(
                limits: limits) == nil)
    }
}
