import Catalogue
import Core
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import TestSupport
import Testing

@testable import Recommender
@testable import WebApp
@testable import Workspace

extension Browser {
    /// Sends a multipart form as this browser: its token, `fields`, then `files`.
    mutating func sendMultipart(
        _ client: some TestClientProtocol, _ uri: String, fields: [(String, String)],
        files: [(field: String, name: String, bytes: String)]
    ) async throws -> TestResponse {
        let boundary = "svtk-test-boundary"
        var body = ""
        for (name, value) in [("csrf", csrf)] + fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for file in files {
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\(file.bytes)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var headers = self.headers
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let response = try await client.execute(
            uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        read(response)
        return response
    }
}

/// The demo contract's tender, as its guide reads: the measures' references and the first with an open proxy.
private func guide() throws -> OfferGuide {
    let archive = try WorkspaceArchive.read(
        try Data(contentsOf: URL(fileURLWithPath: repository + "/Datasets/contracts/demo_workspace.json")))
    let contract = archive.contracts[0].profile
    let measures = archive.snapshots[0].recommendation.measures.map { "\($0.framework):\($0.ref)" }
    return try OfferGuide(
        measures: measures, contract: contract, catalogue: demoBorough.catalogue, policy: demoBorough.policy)
}

/// A clock set by hand: the time stays where it is put, so a test passes a deadline by moving it, not by waiting.
final class HandSetClock: Sendable {
    private let time: Mutex<Date>

    init(_ start: Date) { time = Mutex(start) }

    /// The workspace's clock reading this one.
    var clock: WorkspaceClock { WorkspaceClock { self.time.withLock { $0 } } }

    /// The time now.
    var now: Date { time.withLock { $0 } }

    /// Moves the time on by `seconds`.
    func advance(by seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

@Suite("Tenders online: publish, sealed offers, scoring, award, returns with evidence")
struct TenderTests {
    @Test("the value and flags shown while typing are those the evaluation scores, for every measure and quantity")
    func guideMatchesEvaluation() throws {
        let guide = try guide()
        let archive = try WorkspaceArchive.read(
            try Data(contentsOf: URL(fileURLWithPath: repository + "/Datasets/contracts/demo_workspace.json")))
        for line in guide.lines {
            let quantities = [line.tokenFloor.map { $0 / 2 }, line.target, line.plausibleMaximum.map { $0 * 3 }, 7]
                .compactMap { $0 }.filter { $0 > 0 }
            for quantity in quantities {
                let path = NSTemporaryDirectory() + "/svtk-guide-\(UUID().uuidString).csv"
                try "supplier,measure,quantity,qualitative_mark\nA,\(line.ref),\(quantity.written(.asGiven)),5\n"
                    .write(toFile: path, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(atPath: path) }
                let scored = try BidEvaluation(
                    offersFile: path, contract: archive.contracts[0].profile, catalogue: demoBorough.catalogue,
                    policy: demoBorough.policy
                ).offers[0].commitments[0]
                #expect(scored.sleva == line.value(of: quantity), "\(line.ref) \(quantity)")
                #expect((scored.flag != nil) == (line.flag(for: quantity) != nil), "\(line.ref) \(quantity)")
            }
        }
    }

    @Test("a plausible maximum and a token floor are the policy's multiples of the target, worked by hand")
    func guideByHand() throws {
        let rules = demoBorough.policy.rules
        for line in try guide().lines {
            guard let target = line.target, target > 0, line.notScored == nil else { continue }
            #expect(line.tokenFloor == rules.tokenShare * target)
            #expect(line.plausibleMaximum! >= rules.implausibleFactor * target)
            if let proxy = line.proxyValue, let maximum = line.plausibleMaximum {
                #expect(line.value(of: maximum * 2) == (maximum * proxy * line.years).rounded())
            }
        }
    }

    @Test("quarters' returns are due from the award, 30 days after each quarter ends, until returned")
    func returnsDue() {
        let award = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00 UTC
        let calendar = Calendar(identifier: .gregorian)
        let plan = { (returned: [Int]) in
            DeliveryPlan(
                commitments: [], commitmentsCSV: [],
                returns: returned.map { .init(quarter: $0, measure: "J2", delivered: "1", evidence: "register") },
                quarters: 8, awardedAt: award)
        }
        let sevenMonths = calendar.date(byAdding: .month, value: 7, to: award)!
        let due = plan([]).due(at: sevenMonths, dueDays: 30)
        #expect(due.map(\.quarter) == [1, 2])
        #expect(
            due[0].by
                == calendar.date(byAdding: .day, value: 30, to: calendar.date(byAdding: .month, value: 3, to: award)!))
        #expect(plan([1]).due(at: sevenMonths, dueDays: 30).map(\.quarter) == [2])
        #expect(plan([]).due(at: award, dueDays: 30).isEmpty)
    }

    @Test(
        "published; two sealed offers; the deadline; scored, awarded; a return filed with evidence",
        arguments: TestStore.available)
    func tenderToReturn(store: TestStore) async throws {
        let workspace = try await workspaceWithAccounts(store)
        _ = try await workspace.addAccount(
            name: "supplier-two", displayName: "Second Supplier Ltd", role: .supplier, password: testPassword,
            limits: demoBorough.catalogue.workspaceLimits)
        // Whole seconds, as the deadline box gives them, so the deadline is exactly an hour after publishing.
        let time = HandSetClock(Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
        let server = try await WorkspaceServer(
            borough: demoBorough, workspace: workspace, secret: testSecret, clock: time.clock)
        let lines = try guide().lines.filter { $0.proxyValue != nil && $0.notScored == nil && $0.target != nil }
        let (first, second) = (lines[0], lines[1])
        try await Application(router: server.router()).test(.router) { client in
            var (commissioner, _) = try await signIn(client, as: "commissioner")
            var (one, _) = try await signIn(client, as: "supplier")
            var (two, _) = try await signIn(client, as: "supplier-two")
            var (manager, _) = try await signIn(client, as: "contract_manager")
            #expect(try await one.send(client, .get, "/tenders/1").status == .notFound)
            _ = try await commissioner.send(client, .get, "/contracts/1/tender")
            let deadline = time.now.addingTimeInterval(3_600)
            let published = try await commissioner.send(
                client, .post, "/contracts/1/tender", [("deadline", Deadline.boxValue(deadline))])
            #expect(published.status == .seeOther)

            // Each supplier sees the tender with the value of a unit and the needs, and submits its own offer.
            let page = text(try await one.send(client, .get, "/tenders/1"))
            #expect(page.contains("Open: offers may be saved and submitted until"))
            #expect(page.contains("data-proxy=\"\(first.proxyValue!.written(.asGiven))\""))
            let q1 = first.target!.rounded(.up)
            var saved = try await one.send(
                client, .post, "/tenders/1",
                [
                    ("version", "0"), ("action", "submit"), ("q-\(first.ref)", q1.written(.asGiven)),
                    ("statement", "Local apprentices from the delivery wards"),
                ])
            #expect(saved.status == .seeOther)
            saved = try await two.send(
                client, .post, "/tenders/1",
                [("version", "0"), ("action", "save"), ("q-\(second.ref)", "twelve")])
            #expect(saved.status == .badRequest && text(saved).contains("is not a number"))
            saved = try await two.send(
                client, .post, "/tenders/1",
                [
                    ("version", "0"), ("action", "submit"), ("q-\(first.ref)", "1"), ("q-\(second.ref)", "3"),
                    ("statement", "Work placements"),
                ])
            #expect(saved.status == .seeOther)
            let own = text(try await two.send(client, .get, "/tenders/1"))
            #expect(own.contains("value=\"3\"") && !own.contains("Local apprentices"))
            let ownCSV = text(try await two.send(client, .get, "/tenders/1/offer.csv"))
            #expect(ownCSV.contains("Second Supplier Ltd,\(second.ref),") && !ownCSV.contains("Local apprentices"))

            // A viewer reads the published tender as bidders see it: no offer, no form.
            var (viewer, _) = try await signIn(client, as: "viewer")
            let read = text(try await viewer.send(client, .get, "/tenders/1"))
            #expect(
                read.contains("Local needs it answers") && !read.contains("name=\"q-") && !read.contains("Your offer"))
            #expect(try await viewer.send(client, .post, "/tenders/1", [("version", "0")]).status == .forbidden)

            // Sealed: the commissioner sees two offers submitted, not their content, nor does the audit trail.
            let sealed = text(try await commissioner.send(client, .get, "/contracts/1/tender"))
            #expect(sealed.contains("2 offers submitted") && sealed.contains("Second Supplier Ltd"))
            #expect(!sealed.contains("Local apprentices") && !sealed.contains("Work placements"))
            let trail = text(try await commissioner.send(client, .get, "/contracts/1/audit.csv"))
            #expect(trail.contains("offer saved") && !trail.contains("apprentices") && !trail.contains("=3"))
            await #expect(throws: ToolkitError.self) { try await workspace.openedOffers(for: 1, at: time.now) }
            let early = try await commissioner.send(
                client, .post, "/contracts/1/tender/scores", [("version", "1"), ("mark-supplier", "5")])
            #expect(early.status == .conflict)

            // A second before the deadline offers are still taken; at it, no longer.
            time.advance(by: 3_599)
            let lastSecond = try await two.send(
                client, .post, "/tenders/1",
                [
                    ("version", "1"), ("action", "submit"), ("q-\(first.ref)", "1"), ("q-\(second.ref)", "3"),
                    ("statement", "Work placements"),
                ])
            #expect(lastSecond.status == .seeOther)
            time.advance(by: 1)
            let late = try await one.send(
                client, .post, "/tenders/1", [("version", "1"), ("action", "submit"), ("q-\(first.ref)", "1")])
            #expect(late.status == .conflict)

            // Opened: marks, scores by the same evaluation, the award, the bidders' scores.
            let opened = text(try await commissioner.send(client, .get, "/contracts/1/tender"))
            #expect(opened.contains("Local apprentices") && opened.contains("Mark for Second Supplier Ltd"))
            let scored = try await commissioner.send(
                client, .post, "/contracts/1/tender/scores",
                [("version", "1"), ("mark-supplier", "8"), ("mark-supplier-two", "4")])
            #expect(scored.status == .seeOther)
            let tender = try await workspace.requireTender(1)
            let evaluation = try #require(try await workspace.evaluation(of: tender)).evaluation
            let supplierOne = try #require(evaluation.offers.first { $0.supplier == "supplier" })
            #expect(supplierOne.sleva == first.value(of: q1))
            #expect(supplierOne.sleva == (q1 * first.proxyValue! * first.years).rounded())
            #expect(supplierOne.qualitativeMark == 8)
            let scoresBefore = try await one.send(client, .get, "/tenders/1/scores.csv")
            #expect(scoresBefore.status == .notFound)
            let awarded = try await commissioner.send(client, .post, "/contracts/1/tender/award", [("version", "2")])
            #expect(awarded.status == .seeOther)
            var loser = evaluation.offers.first { $0.rank == 2 }!.supplier == "supplier" ? one : two
            let result = text(try await loser.send(client, .get, "/tenders/1"))
            #expect(result.contains("Your offer ranked 2 of 2") && result.contains("The winning offer"))
            #expect(text(try await loser.send(client, .get, "/tenders/1/scores.csv")).contains("winning offer,1,"))

            // The contract manager returns quarter 1 against the winning offer, with an evidence file.
            let winner = evaluation.offers.first { $0.rank == 1 }!
            let winningLine = winner.commitments[0]
            let ref = String(winningLine.measure.split(separator: ":").last!)
            let returnsPage = text(try await manager.send(client, .get, "/contracts/1/returns"))
            #expect(returnsPage.contains("Enter a quarter's return") && returnsPage.contains("delivered-\(ref)"))
            let entered = try await manager.sendMultipart(
                client, "/contracts/1/returns/entry",
                fields: [("quarter", "1"), ("delivered-\(ref)", "1"), ("note-\(ref)", "register of starters")],
                files: [("evidence-\(ref)", "register.pdf", "%PDF-1.4 starters")])
            #expect(entered.status == .seeOther)
            let monitored = text(try await manager.send(client, .get, "/contracts/1/returns"))
            #expect(monitored.contains("register.pdf") && monitored.contains("Quarter 1 of 8"))
            let files = try await workspace.evidenceList(for: 1)
            #expect(files.count == 1 && files[0].bytes == 17)
            let download = try await manager.send(client, .get, "/contracts/1/evidence/\(files[0].id!)")
            #expect(text(download) == "%PDF-1.4 starters")
            #expect(download.headers[.contentType] == "application/octet-stream")
            #expect(try await one.send(client, .get, "/contracts/1/evidence/\(files[0].id!)").status == .forbidden)
            #expect(try await manager.send(client, .get, "/contracts/2/evidence/\(files[0].id!)").status == .forbidden)
            #expect(
                try await commissioner.send(client, .get, "/contracts/2/evidence/\(files[0].id!)").status == .notFound)

            // An archive carries the tender, both offers and the evidence into another store, unchanged.
            let archive = try await workspace.export()
            #expect(archive.tenders?.count == 1 && archive.supplierOffers?.count == 2)
            #expect(archive.evidenceFiles?.first?.content == Data("%PDF-1.4 starters".utf8))
            let moved = try await TestStore.sqlite.workspace()
            try await moved.importArchive(archive)
            #expect(try await moved.export().json() == archive.json())
        }
    }

    @Test("a contract manager is reminded of returns due and overdue, on the contracts list and the contract's returns")
    func reminders() async throws {
        let workspace = try await workspaceWithAccounts(.sqlite)
        let calendar = Calendar(identifier: .gregorian)
        let now = Date()
        let published = calendar.date(byAdding: .month, value: -8, to: now)!
        let guide = try guide()
        let contract = try await workspace.contract(1)
        let snapshot = try #require(try await workspace.latestSnapshot(of: 1))
        var tender = try await workspace.publish(
            Tender(
                contractId: 1, snapshotId: snapshot.id, recommendation: snapshot.recommendation, guide: guide,
                method: "as the policy says", deadline: published.addingTimeInterval(86_400), publishedAt: published,
                publishedBy: "commissioner"))
        let line = guide.lines.first { $0.proxyValue != nil && $0.notScored == nil }!
        let offer = SupplierOffer(
            contractId: 1, supplier: "supplier", supplierName: "Supplier",
            lines: [.init(measure: line.measure, quantity: 2)],
            statement: "")
        _ = try await workspace.save(offer, submit: true, readVersion: 0, at: published.addingTimeInterval(60))
        tender.marks = ["supplier": 5]
        let evaluation = try OnlineOffers.evaluated(
            try await workspace.openedOffers(for: 1), tender: tender, contract: contract, borough: demoBorough, at: now)
        tender = try await workspace.change(tender, what: "scored", evaluation: evaluation, readVersion: 1)
        tender.awardedAt = calendar.date(byAdding: .month, value: -7, to: now)!
        _ = try await workspace.change(tender, what: "awarded", readVersion: 2)

        let server = try await WorkspaceServer(borough: demoBorough, workspace: workspace, secret: testSecret)
        try await Application(router: server.router()).test(.router) { client in
            var (manager, _) = try await signIn(client, as: "contract_manager")
            let list = text(try await manager.send(client, .get, "/contracts"))
            #expect(list.contains("<b>Overdue:</b> <a href=\"/contracts/1/returns\">Highways resurfacing works</a>"))
            #expect(list.contains("quarter 1's return") && list.contains("quarter 2's return"))
            #expect(!list.contains("quarter 3's return"))
            let returns = text(try await manager.send(client, .get, "/contracts/1/returns"))
            #expect(returns.contains("<b>Overdue:</b> quarter 1's return"))
            #expect(returns.contains("name=\"delivered-\(line.ref)\""))

            // A negative figure is refused beside its box; a file named in any script downloads under an ASCII name.
            let negative = try await manager.sendMultipart(
                client, "/contracts/1/returns/entry", fields: [("quarter", "1"), ("delivered-\(line.ref)", "-3")],
                files: [])
            #expect(negative.status == .badRequest && text(negative).contains("is not a quantity that can be returned"))
            let entered = try await manager.sendMultipart(
                client, "/contracts/1/returns/entry", fields: [("quarter", "1"), ("delivered-\(line.ref)", "2")],
                files: [("evidence-\(line.ref)", "Registre d’été.pdf", "register")])
            #expect(entered.status == .seeOther)
            let file = try #require(try await workspace.evidenceList(for: 1).first)
            #expect(file.fileName == "Registre d’été.pdf")
            let download = try await manager.send(client, .get, "/contracts/1/evidence/\(file.id!)")
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"Registre dt.pdf\"")
            let after = text(try await manager.send(client, .get, "/contracts/1/returns"))
            #expect(!after.contains("<b>Overdue:</b> quarter 1's return"))
        }
    }

    @Test(
        "two first saves of one supplier's offer at once: one is kept, the other refused as a conflict",
        arguments: TestStore.available)
    func racingSaves(store: TestStore) async throws {
        let workspace = try await workspaceWithAccounts(store)
        let snapshot = try #require(try await workspace.latestSnapshot(of: 1))
        let guide = try guide()
        _ = try await workspace.publish(
            Tender(
                contractId: 1, snapshotId: snapshot.id, recommendation: snapshot.recommendation, guide: guide,
                method: "as the policy says", deadline: Date().addingTimeInterval(3_600), publishedAt: Date(),
                publishedBy: "commissioner"))
        let offer = SupplierOffer(
            contractId: 1, supplier: "supplier", supplierName: "Supplier",
            lines: [.init(measure: guide.lines[0].measure, quantity: 1)], statement: "")
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { (try? await workspace.save(offer, submit: true, readVersion: 0)) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await workspace.offer(for: 1, supplier: "supplier")?.version == 1)
    }
}
