import Foundation
import Recommender
import Testing

/// A commissioner's test set: 18 realistic contracts (`Contracts/*.json`), each with what a commissioner expects,
/// written from the commissioning toolkit's rules before the toolkit was run on them: the commitments rule, how the
/// living wage is treated, the measures that must and must not be recommended, and the standard conditions.
struct ContractCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Expectation: Decodable, Sendable {
        var commitments: String
        var livingWage: String
        var recommend: [String]
        var notRecommend: [String]
        var conditions: [String]?
    }
    var file: String = ""
    var why: String
    var contract: ContractProfile
    var expect: Expectation

    enum CodingKeys: String, CodingKey { case why, contract, expect }

    var testDescription: String { file }

    static let all: [ContractCase] = {
        let folder = repository + "/Tests/RecommenderTests/Contracts"
        return (try! FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".json") }.sorted()
            .map { name in
                var c = try! JSONDecoder().decode(
                    ContractCase.self, from: FileManager.default.contents(atPath: folder + "/" + name)!)
                c.file = name
                return c
            }
    }()
}

@Suite("A commissioner's contract set")
struct ContractSetTests {
    @Test("the set spans goods, services and works, £25k to £40m, 6 to 120 months")
    func spread() {
        let cases = ContractCase.all
        #expect(cases.count >= 16)
        #expect(Set(cases.map(\.contract.category.rawValue)) == ["goods", "services", "works"])
        #expect(cases.map(\.contract.value).min()! <= 60_000 && cases.map(\.contract.value).max()! >= 30_000_000)
        #expect(cases.map(\.contract.durationMonths).min()! <= 6 && cases.map(\.contract.durationMonths).max()! >= 90)
    }

    @Test("each contract meets the commissioner's expectations", arguments: ContractCase.all)
    func meets(_ c: ContractCase) throws {
        let r = try recommend(c.contract)
        let refs = r.measures.map(\.ref)
        #expect(r.rules.commitments.rawValue == c.expect.commitments)
        let terms = r.rules.realLivingWage.treatment
        let treatment = terms == .questions ? "undecided" : terms.rawValue
        #expect(treatment == c.expect.livingWage)
        for ref in c.expect.recommend {
            #expect(
                refs.contains(ref),
                "\(ref) missing: \(r.excluded.first { $0.ref == ref }.map { "\($0.code): \($0.reason)" } ?? "")")
        }
        for ref in c.expect.notRecommend { #expect(!refs.contains(ref), "\(ref) should not be recommended") }
        for ref in c.expect.conditions ?? [] {
            #expect(r.conditions.contains { $0.ref == ref }, "\(ref) is not a condition")
        }
        // Never a scored living wage, never a measure without a reason code when left out.
        #expect(!refs.contains("J18"))
        #expect(r.excluded.allSatisfy { ExclusionCode(rawValue: $0.code) != nil })
        if r.rules.commitments == .aspirations { #expect(r.measures.count <= 3) }
    }
}
