import CSV
import Core
import Foundation
import Recommender
import Synchronization
import TestSupport
import Testing

@testable import Workspace

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The demo workspace archive shipped in Datasets/contracts (made by scripts/make-demo-workspace.sh).
func demoArchive() throws -> WorkspaceArchive {
    try WorkspaceArchive.read(
        Data(contentsOf: URL(fileURLWithPath: repository + "/Datasets/contracts/demo_workspace.json")))
}

func profile(_ title: String = "Highways resurfacing works") throws -> ContractProfile {
    var profile = try ContractProfile.load(repository + "/Datasets/contracts/highways_resurfacing.json")
    profile.title = title
    return profile
}

@Suite("The workspace")
struct WorkspaceTests {
    @Test(
        "a contract is saved as version 1; each edit adds a version and keeps the last in its history",
        arguments: TestStore.available)
    func edits(store: TestStore) async throws {
        let workspace = try await store.workspace()
        let saved = try await workspace.addContract(try profile())
        #expect(saved.id == 1 && saved.version == 1)
        let edited = try await workspace.updateContract(
            1, profile: try profile("Highways resurfacing, lot 2"), readVersion: 1)
        #expect(edited.version == 2 && edited.title == "Highways resurfacing, lot 2")
        let history = try await workspace.revisions(of: 1)
        #expect(history.map(\.version) == [1, 2])
        #expect(history.map(\.profile.title) == ["Highways resurfacing works", "Highways resurfacing, lot 2"])
    }

    @Test(
        "a contract and its first recommendation are saved in one transaction: both, or neither",
        arguments: TestStore.available)
    func contractWithRecommendation(store: TestStore) async throws {
        let workspace = try await store.workspace()
        let recommendation = try demoArchive().snapshots[0].recommendation
        let saved = try await workspace.addContract(try profile()) { contract in
            RecommendationSnapshot(
                contractId: contract.id!, contractVersion: contract.version, createdAt: Date(), inputs: [],
                catalogue: "", policy: "", toolkit: "svtk test", recommendation: recommendation)
        }
        #expect(try await workspace.latestSnapshot(of: saved.id!)?.contractVersion == 1)
        // A recommendation that cannot be saved (it names no contract there is) takes the contract with it.
        await #expect(throws: (any Error).self) {
            _ = try await workspace.addContract(try profile("Second")) { contract in
                RecommendationSnapshot(
                    contractId: 999_999, contractVersion: contract.version, createdAt: Date(), inputs: [],
                    catalogue: "", policy: "", toolkit: "svtk test", recommendation: recommendation)
            }
        }
        #expect(try await workspace.contracts().map(\.title) == ["Highways resurfacing works"])
    }

    @Test(
        "an edit from a stale page is refused with both versions, and changes nothing", arguments: TestStore.available)
    func editConflict(store: TestStore) async throws {
        let workspace = try await store.workspace()
        _ = try await workspace.addContract(try profile())
        _ = try await workspace.updateContract(1, profile: try profile("first tab"), readVersion: 1)
        await #expect(throws: ToolkitError.conflict(what: "contract 1", read: 1, now: 2)) {
            try await workspace.updateContract(1, profile: try profile("second tab"), readVersion: 1)
        }
        #expect(try await workspace.contract(1).title == "first tab")
        await #expect(throws: ToolkitError.missingFromWorkspace("contract 7")) { try await workspace.contract(7) }
    }

    @Test(
        "a decision carries a version: a second tab's decision on the same measure is refused",
        arguments: TestStore.available)
    func decisionConflict(store: TestStore) async throws {
        let workspace = try await store.workspace()
        _ = try await workspace.addContract(try profile())
        let first = try await workspace.decide(
            CommissionerDecision(measure: "J2", action: .drop, reason: "a"), contract: 1, readVersion: 0)
        #expect(first.version == 1)
        await #expect(throws: ToolkitError.conflict(what: "the decision on J2", read: 0, now: 1)) {
            try await workspace.decide(
                CommissionerDecision(measure: "J2", action: .accept, reason: ""), contract: 1, readVersion: 0)
        }
        let second = try await workspace.decide(
            CommissionerDecision(measure: "J2", action: .change, target: 2, reason: "b"),
            contract: 1, readVersion: 1)
        #expect(second.version == 2 && second.target == 2)
        #expect(try await workspace.decisions(for: 1).count == 1)
    }

    @Test("concurrent decisions on different measures are all kept", arguments: TestStore.available)
    func noLostWrites(store: TestStore) async throws {
        let workspace = try await store.workspace()
        _ = try await workspace.addContract(try profile())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<50 {
                group.addTask {
                    _ = try await workspace.decide(
                        CommissionerDecision(measure: "M\(i)", action: .drop, reason: "r\(i)"), contract: 1,
                        readVersion: 0)
                }
            }
            try await group.waitForAll()
        }
        #expect(try await workspace.decisions(for: 1).count == 50)
    }

    @Test("the demo archive imports, and exports again byte for byte", arguments: TestStore.available)
    func roundTrip(store: TestStore) async throws {
        let archive = try demoArchive()
        #expect(archive.contracts.count == 1 && archive.snapshots.count == 1 && archive.decisions.count == 1)
        #expect(archive.offers.count == 1 && archive.returns.count == 1)
        let workspace = try await store.workspace()
        try await workspace.importArchive(archive)
        let exported = try await workspace.export().json()
        #expect(exported == (try archive.json()))
        #expect(
            try await workspace.latestSnapshot(of: 1)?.recommendation.contract.title == "Highways resurfacing works")
        let history = try await workspace.snapshotSummaries(of: 1)
        #expect(history.count == 1)
        #expect(history[0].measures == archive.snapshots[0].recommendation.measures.count)
        #expect(history[0].totalSleva == archive.snapshots[0].recommendation.totalSleva)
        #expect(history[0].inputs == archive.snapshots[0].inputs)
    }

    @Test("import refuses a workspace that holds contracts, unless replacing them", arguments: TestStore.available)
    func importOverData(store: TestStore) async throws {
        let workspace = try await store.workspace()
        _ = try await workspace.addContract(try profile("already here"))
        await #expect(throws: ToolkitError.self) { try await workspace.importArchive(try demoArchive()) }
        #expect(try await workspace.contracts().map(\.title) == ["already here"])
        try await workspace.importArchive(try demoArchive(), replacing: true)
        #expect(try await workspace.contracts().map(\.title) == ["Highways resurfacing works"])
    }

    @Test(
        "an archive that is not one, or whose rows do not fit together, is refused whole",
        arguments: TestStore.available)
    func badArchives(store: TestStore) async throws {
        #expect(throws: ToolkitError.badArchive(nil, "not an svtk workspace archive: not valid JSON")) {
            try WorkspaceArchive.read(Data("{".utf8))
        }
        var archive = try demoArchive()
        archive.format = "something-else"
        let wrongFormat = try archive.json()
        #expect(
            throws: ToolkitError.badArchive(
                nil, "not an svtk workspace archive: \"format\" is \"something-else\", not \"svtk-workspace\"")
        ) {
            try WorkspaceArchive.read(wrongFormat)
        }
        archive = try demoArchive()
        archive.decisions[0].contractId = 99
        let workspace = try await store.workspace()
        await #expect(throws: ToolkitError.self) { try await workspace.importArchive(archive) }
        #expect(try await workspace.contracts().isEmpty)
    }

    @Test("a workspace file keeps what was saved when opened again, and a file that is not one is named")
    func file() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-workspace-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do {
            let workspace = try Workspace(path: folder + "/w.sqlite")
            _ = try await workspace.addContract(try profile())
        }
        #expect(try await Workspace(path: folder + "/w.sqlite").contracts().count == 1)
        try Data("not a database, just text".utf8).write(to: URL(fileURLWithPath: folder + "/text.sqlite"))
        #expect(throws: ToolkitError.self) { try Workspace(path: folder + "/text.sqlite") }
    }

    @Test("a new workspace file opened by eight threads at once is made once: each opens it, and all read one save")
    func openedAtOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-at-once-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Ten new files, as the race of two openings is won or lost in a few milliseconds.
        for file in 1...10 {
            let path = folder + "/w\(file).sqlite"
            let opened = Mutex<(workspaces: [Workspace], errors: [String])>(([], []))
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do {
                    let workspace = try Workspace(path: path)
                    opened.withLock { $0.workspaces.append(workspace) }
                } catch {
                    opened.withLock { $0.errors.append("\(error)") }
                }
            }
            let (workspaces, errors) = opened.withLock { $0 }
            try #require(errors.isEmpty, "file \(file): \(errors)")
            _ = try await workspaces[0].addContract(try profile())
            for workspace in workspaces { #expect(try await workspace.contracts().count == 1) }
        }
    }

    @Test("a damaged workspace is refused when opened, before any migration, saying what to do")
    func damaged() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-damaged-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/w.sqlite"
        do {
            let workspace = try Workspace(path: path)
            for n in 1...40 { _ = try await workspace.addContract(try profile("Contract \(n)")) }
        }
        // Overwrite the middle half of the file (pages of contract rows and their index, past the header) with noise.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.count > 3 * 4096)
        for i in (bytes.count / 4)..<(3 * bytes.count / 4) { bytes[i] = UInt8(truncatingIfNeeded: i * 7919) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: ToolkitError.self) { try Workspace(path: path) }
        // Found by SQLite's quick check, or already by SQLite reading the schema where the noise reaches it.
        #expect(error?.message.contains("the file is damaged (SQLite") == true)
        #expect(error?.message.contains("restore it from a backup") == true)
    }
}
