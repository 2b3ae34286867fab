import Foundation
import Workspace

/// Published tenders kept decoded for reuse: a tender is read whole (its recommendation is tens of kilobytes of
/// JSON) once per version, and afterwards only its version is read to check it is still the one kept, so every
/// server over a shared workspace serves the version the database holds. At most `capacity` tenders are kept; when
/// full, the cache starts again empty. Safe to use from any thread.
final class TenderCache: @unchecked Sendable {
    // @unchecked: the dictionary is only touched under the lock.
    private var tenders: [Int64: Tender] = [:]
    private let lock = NSLock()
    private let capacity: Int

    init(capacity: Int = 512) { self.capacity = capacity }

    /// The contract's tender as the workspace holds it now, or nil when it has none.
    /// - Throws: the workspace's errors.
    func tender(for contract: Int64, in workspace: Workspace) async throws -> Tender? {
        guard let version = try await workspace.tenderVersion(for: contract) else { return nil }
        if let kept = lock.withLock({ tenders[contract] }), kept.version == version { return kept }
        guard let tender = try await workspace.tender(for: contract) else { return nil }
        lock.withLock {
            if tenders.count >= capacity { tenders.removeAll(keepingCapacity: true) }
            tenders[contract] = tender
        }
        return tender
    }
}
