import Catalogue
import Core
import Foundation
import TestSupport
import Testing

@testable import Workspace

/// The toolkit's own policy, as `svtk serve` and `svtk users` read it.
private func policy() throws -> WorkspaceLimits { try WorkspaceLimits(folder: repository + "/Datasets/policy") }

@Suite("Passwords and sign-in attempts")
struct AccountRulesTests {
    @Test("a password holding a control character is refused, a NUL byte above all: bcrypt would stop reading at it")
    func controlCharacters() throws {
        let limits = try policy()
        #expect(Workspace.passwordProblem("correct horse battery staple", limits: limits) == nil)
        for password in [
            "a\u{0}bcdefghijkl", "correct horse\tbattery", "correct horse battery\n", "\u{1B}correct horse battery",
            "correct\u{7F}horse battery", "correct horse\u{85}battery",
        ] {
            let problem = Workspace.passwordProblem(password, limits: limits)
            #expect(problem?.contains("control character") == true, "\(password.debugDescription)")
        }
        #expect(Workspace.passwordProblem("short", limits: limits)?.contains("at least 12 characters") == true)
    }

    @Test(
        "an account is not added, nor a password reset, with a NUL byte; a password with one never signs in",
        arguments: TestStore.available)
    func passwordsWithNul(store: TestStore) async throws {
        let workspace = try await store.workspace()
        let limits = try policy()
        let nul = "a\u{0}bcdefghijkl"
        let refused = ToolkitError(.badInput, try #require(Workspace.passwordProblem(nul, limits: limits)))
        await #expect(throws: refused) {
            try await workspace.addAccount(name: "asha", role: .commissioner, password: nul, limits: limits)
        }
        #expect(try await workspace.accounts().isEmpty)
        _ = try await workspace.addAccount(
            name: "asha", role: .commissioner, password: "correct horse battery staple", limits: limits)
        await #expect(throws: refused) { try await workspace.resetPassword("asha", to: nul, limits: limits) }
        for password in ["a", "correct horse battery staple\u{0}anything"] {
            await #expect(throws: ToolkitError.signInRefused) {
                try await workspace.signIn(name: "asha", password: password, limits: limits)
            }
        }
        let right = try await workspace.signIn(name: "asha", password: "correct horse battery staple", limits: limits)
        #expect(right.signedIn.account.name == "asha")
    }

    @Test(
        "forty sign-ins for one name at once: only the policy's number have their password checked, the rest refused",
        arguments: TestStore.available)
    func attemptsAtOnce(store: TestStore) async throws {
        let workspace = try await store.workspace()
        let limits = try policy()
        _ = try await workspace.addAccount(
            name: "asha", role: .commissioner, password: "correct horse battery staple", limits: limits)
        let outcomes = await withTaskGroup(of: ToolkitError?.self) { group in
            for attempt in 0..<40 {
                group.addTask {
                    do {
                        _ = try await workspace.signIn(name: "asha", password: "wrong guess \(attempt)", limits: limits)
                        return nil
                    } catch {
                        return error as? ToolkitError
                    }
                }
            }
            return await group.reduce(into: [ToolkitError?]()) { $0.append($1) }
        }
        let throttled = ToolkitError.tooManySignIns(minutes: limits.signInWindowMinutes)
        let checked = outcomes.filter { $0 == ToolkitError.signInRefused }.count
        let refused = outcomes.filter { $0 == throttled }.count
        #expect(checked == limits.signInFailuresMaximum && refused == 40 - limits.signInFailuresMaximum)
        // The right password, sent after them, waits for the window like any other.
        await #expect(throws: throttled) {
            try await workspace.signIn(name: "asha", password: "correct horse battery staple", limits: limits)
        }
    }
}
