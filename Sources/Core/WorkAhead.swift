import Dispatch
import Foundation
import Synchronization

/// Work on a list done on other threads, a few items ahead of the caller, who takes each item's result in the list's
/// order: files read, or authorities profiled, on every processor at once, while whatever the caller does with each
/// result (adding it to one dataset, writing it out, reporting the first error) happens in order, as if the items
/// were worked on one after another.
///
/// At most `ahead` items are worked on and not yet taken, so the results held at once stay few however long the list.
public final class WorkAhead<Output>: @unchecked Sendable {
    private let count: Int
    private let ahead: Int
    private let work: @Sendable (Int) throws -> Output
    private let slots: [Slot]
    private let stopped = Atomic<Bool>(false)
    /// The items started so far, `0..<started`.
    private var started = 0
    /// The items whose results the caller has had, `0..<taken`.
    private var taken = 0

    /// Where a thread leaves an item's result; `ready` is signalled once `result` is set.
    private final class Slot: @unchecked Sendable {
        let ready = DispatchSemaphore(value: 0)
        var result: Result<Output, any Error>?
    }

    /// Work on items `0..<count`, `work(k)` run for item `k` on another thread, up to `ahead` items (by default two
    /// per processor) ahead of the caller. `work` must only read what the items share.
    public init(
        count: Int, ahead: Int = 2 * ProcessInfo.processInfo.activeProcessorCount,
        _ work: @escaping @Sendable (Int) throws -> Output
    ) {
        self.count = count
        self.ahead = max(1, ahead)
        self.work = work
        slots = (0..<count).map { _ in Slot() }
    }

    /// Gives each item's result to `take` in order, starting the next item as each is taken.
    /// - Throws: the first error in order, from an item's `work` or from `take`; the items started and not taken are
    ///   waited for, and no more are started.
    /// - Complexity: O(*n*) calls of `take`, in the number of items.
    public func forEach(_ take: (Int, Output) throws -> Void) throws {
        defer { stop() }
        while started < min(ahead, count) { start() }
        for index in 0..<count {
            slots[index].ready.wait()
            taken = index + 1
            let result = slots[index].result!
            slots[index].result = nil
            let output = try result.get()
            if started < count { start() }
            try take(index, output)
        }
    }

    /// Starts the next item on a thread of the system's pool.
    private func start() {
        let index = started
        started += 1
        DispatchQueue.global(qos: .userInitiated).async {
            let slot = self.slots[index]
            slot.result =
                self.stopped.load(ordering: .relaxed) ? .failure(CancellationError()) : Result { try self.work(index) }
            slot.ready.signal()
        }
    }

    /// Tells the threads not to start on further items, and waits for those started and not taken.
    private func stop() {
        stopped.store(true, ordering: .relaxed)
        for index in taken..<started { slots[index].ready.wait() }
    }
}
