import Core
import Foundation
import TestSupport
import Testing

@testable import Workspace

/// Two workspaces over one store, as two servers over one workspace: a file (SQLite) or a database (PostgreSQL).
func sharedWorkspaces(_ store: TestStore) async throws -> [Workspace] {
    var location = ""
    switch store {
    case .sqlite:
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-two-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        location = folder + "/w.sqlite"
    case .postgres:
        location = try await TestStore.newDatabase()
    }
    return [try await Workspace.open(location), try await Workspace.open(location)]
}

@Suite("Returns entered at the same time")
struct ReturnsTests {
    @Test(
        "eight quarters' returns merged at once through two servers over one workspace are all kept, in eight saves",
        arguments: TestStore.available)
    func eightAtOnce(store: TestStore) async throws {
        let servers = try await sharedWorkspaces(store)
        _ = try await servers[0].addContract(try profile())
        var template = try demoArchive().returns[0]
        (template.id, template.contractId) = (nil, 1)
        template.returns = Data("quarter,measure,delivered\n".utf8)
        let first = template
        try await withThrowingTaskGroup(of: Void.self) { group in
            for quarter in 1...8 {
                group.addTask {
                    _ = try await servers[quarter % 2].saveReturns(for: 1, evidence: []) { latest in
                        var merged = latest ?? first
                        merged.id = nil
                        merged.returns += Data("\(quarter),J2,1\n".utf8)
                        return merged
                    }
                }
            }
            try await group.waitForAll()
        }
        let kept = try #require(try await servers[1].latestReturns(for: 1))
        let rows = String(decoding: kept.returns, as: UTF8.self).split(separator: "\n").dropFirst()
        #expect(rows.map(String.init).sorted() == (1...8).map { "\($0),J2,1" })
        #expect(try await servers[0].auditTrail(of: 1).filter { $0.action == .returnsUploaded }.count == 8)
    }

    @Test("a merge that throws saves nothing, its evidence neither", arguments: TestStore.available)
    func mergeRefused(store: TestStore) async throws {
        let workspace = try await store.workspace()
        _ = try await workspace.addContract(try profile())
        let evidence = EvidenceFile(
            contractId: 1, quarter: 1, measure: "J2", fileName: "register.pdf", content: Data("register".utf8),
            uploadedBy: "manager", uploadedAt: Date())
        await #expect(throws: ToolkitError.self) {
            try await workspace.saveReturns(for: 1, evidence: [evidence]) { _ in
                throw ToolkitError(.conflict, "refused")
            }
        }
        #expect(try await workspace.latestReturns(for: 1) == nil)
        #expect(try await workspace.evidenceList(for: 1).isEmpty)
    }
}
