import Catalogue
import Core
import Foundation
import Recommender
import TestSupport
import Testing

@testable import Workspace

@Suite("The audit trail")
struct AuditTrailTests {
    @Test(
        "every change is kept with who made it, when, and what it changed from and to", arguments: TestStore.available)
    func changes(store: TestStore) async throws {
        let workspace = try await store.workspace()
        let recommendation = try demoArchive().snapshots[0].recommendation
        let day = Date(timeIntervalSince1970: 1_800_000_000)
        try await AuditEntry.$actor.withValue("asha") {
            _ = try await workspace.addContract(try profile(), at: day) { contract in
                RecommendationSnapshot(
                    contractId: contract.id!, contractVersion: 1, createdAt: day, inputs: [], catalogue: "",
                    policy: "", toolkit: "svtk test", recommendation: recommendation)
            }
            _ = try await workspace.updateContract(1, profile: try profile("Lot 2"), readVersion: 1, at: day)
        }
        try await AuditEntry.$actor.withValue("ben") {
            _ = try await workspace.decide(
                CommissionerDecision(measure: "J2", action: .drop, reason: "no apprentices"), contract: 1,
                readVersion: 0, at: day)
            _ = try await workspace.decide(
                CommissionerDecision(measure: "J2", action: .change, target: 2, reason: "two"), contract: 1,
                readVersion: 1, at: day)
        }
        let trail = try await workspace.auditTrail(of: 1)
        #expect(trail.map(\.action) == [.contractAdded, .recommended, .contractEdited, .decided, .decided])
        #expect(trail.map(\.actor) == ["asha", "asha", "asha", "ben", "ben"])
        #expect(trail.allSatisfy { $0.at == day && $0.contractId == 1 })
        #expect(trail[2].subject == "version 2")
        #expect(trail[2].before?.contains("\"title\":\"Highways resurfacing works\"") == true)
        #expect(trail[2].after?.contains("\"title\":\"Lot 2\"") == true)
        #expect(trail[3].before == nil && trail[3].after?.contains("\"action\":\"drop\"") == true)
        #expect(trail[4].before?.contains("\"action\":\"drop\"") == true)
        #expect(
            trail[4].after?.contains("\"action\":\"change\"") == true
                && trail[4].after?.contains("\"target\":2") == true)
        // A refused change leaves no entry: the entry is in the change's own transaction.
        await #expect(throws: ToolkitError.self) {
            try await workspace.decide(
                CommissionerDecision(measure: "J2", action: .accept, reason: ""), contract: 1, readVersion: 0)
        }
        #expect(try await workspace.auditTrail(of: 1).count == 5)
    }

    @Test(
        "accounts' changes are kept without their passwords; an import leaves an entry per contract",
        arguments: TestStore.available)
    func accountsAndImports(store: TestStore) async throws {
        let workspace = try await store.workspace()
        try await workspace.importArchive(try demoArchive())
        let limits = try WorkspaceLimits(folder: repository + "/Datasets/policy")
        _ = try await workspace.addAccount(
            name: "asha", role: .viewer, password: "correct horse battery staple", limits: limits)
        try await workspace.resetPassword("asha", to: "another long enough password", limits: limits)
        try await workspace.setDisabled("asha", true)
        let trail = try await workspace.auditTrail()
        #expect(trail.map(\.action) == [.archiveImported, .accountAdded, .accountChanged, .accountChanged])
        #expect(trail[0].contractId == 1)
        #expect(trail[0].after == #"{"decisions":1,"offers":1,"recommendations":1,"returns":1,"revisions":1}"#)
        #expect(
            trail[3].before?.contains("\"disabled\":false") == true
                && trail[3].after?.contains("\"disabled\":true") == true)
        let hash = try #require(try await workspace.store.account(named: "asha")).passwordHash
        #expect(!trail.contains { ($0.before ?? "").contains(hash) || ($0.after ?? "").contains(hash) })
        #expect(!trail.contains { ($0.after ?? "").contains("passwordHash") })
        let csv = String(decoding: AuditEntry.csv(trail, byteOrderMark: false), as: UTF8.self)
        #expect(csv.hasPrefix("id,at,actor,contract,action,subject,before,after\n1,"))
        #expect(csv.split(separator: "\n").count == 5)
    }
}

@Suite("Accounts in archives")
struct ArchivedAccountsTests {
    @Test(
        "asked for, an archive carries accounts and assignments, which sign in with the same passwords anywhere",
        arguments: TestStore.available)
    func accountsTravel(store: TestStore) async throws {
        let limits = try WorkspaceLimits(folder: repository + "/Datasets/policy")
        let source = try Workspace()
        try await source.importArchive(try demoArchive())
        _ = try await source.addAccount(
            name: "asha", role: .contractManager, password: "correct horse battery staple", limits: limits)
        try await source.assign(contract: 1, to: "asha")
        #expect(try await source.export().accounts == nil)  // not unless asked for: the demo archive's bytes hold
        let archive = try await source.export(withAccounts: true)
        #expect(archive.accounts?.map(\.account.name) == ["asha"] && archive.accounts?[0].assignedContracts == [1])
        let target = try await store.workspace()
        try await target.importArchive(try WorkspaceArchive.read(try archive.json()))
        let signedIn = try await target.signIn(name: "asha", password: "correct horse battery staple", limits: limits)
        #expect(signedIn.signedIn.account.role == .contractManager && signedIn.signedIn.assignedContracts == [1])
        #expect(try await target.export(withAccounts: true).json() == (try archive.json()))
        // Into a workspace with accounts of its own: refused unless replacing, and then theirs replace its own.
        let other = try await store.workspace()
        _ = try await other.addAccount(name: "ben", role: .viewer, password: "another long password", limits: limits)
        await #expect(throws: ToolkitError.workspaceHasAccounts) { try await other.importArchive(archive) }
        #expect(try await other.contracts().isEmpty)
        try await other.importArchive(archive, replacing: true)
        #expect(try await other.accounts().map(\.name) == ["asha"])
        _ = try await other.addAccount(name: "cara", role: .viewer, password: "a third long password", limits: limits)
    }
}
