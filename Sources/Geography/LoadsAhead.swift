import Dispatch
import Foundation
import Synchronization

/// Work on a list of files done on other threads, a few files ahead of the caller, who takes each file's result in
/// the list's order: the files are read at once on every processor, while whatever the caller does with them (adding
/// them to one dataset, reporting the first error) happens in order, as if they were read one after another.
///
/// At most `ahead` files are read and not yet taken, so the results held at once stay few however long the list.
final class LoadsAhead<Loaded>: @unchecked Sendable {
    private let count: Int
    private let ahead: Int
    private let load: @Sendable (Int) throws -> Loaded
    private let slots: [Slot]
    private let stopped = Atomic<Bool>(false)
    /// The files started so far, `0..<started`.
    private var started = 0
    /// The files whose results the caller has had, `0..<taken`.
    private var taken = 0

    /// Where a thread leaves a file's result; `ready` is signalled once `result` is set.
    private final class Slot: @unchecked Sendable {
        let ready = DispatchSemaphore(value: 0)
        var result: Result<Loaded, any Error>?
    }

    /// Work on files `0..<count`, `load(k)` run for file `k` on another thread, up to `ahead` files (by default two
    /// per processor) ahead of the caller.
    init(
        count: Int, ahead: Int = 2 * ProcessInfo.processInfo.activeProcessorCount,
        _ load: @escaping @Sendable (Int) throws -> Loaded
    ) {
        self.count = count
        self.ahead = max(1, ahead)
        self.load = load
        slots = (0..<count).map { _ in Slot() }
    }

    /// Gives each file's result to `take` in order, starting the next file as each is taken.
    /// - Throws: the first error in order, from a file's `load` or from `take`; the files started and not taken are
    ///   waited for, and no more are started.
    /// - Complexity: O(*n*) calls of `take`, in the number of files.
    func forEach(_ take: (Int, Loaded) throws -> Void) throws {
        defer { stop() }
        while started < min(ahead, count) { start() }
        for index in 0..<count {
            slots[index].ready.wait()
            taken = index + 1
            let result = slots[index].result!
            slots[index].result = nil
            let loaded = try result.get()
            if started < count { start() }
            try take(index, loaded)
        }
    }

    /// Starts the next file on a thread of the system's pool.
    private func start() {
        let index = started
        started += 1
        DispatchQueue.global(qos: .userInitiated).async {
            let slot = self.slots[index]
            slot.result =
                self.stopped.load(ordering: .relaxed) ? .failure(CancellationError()) : Result { try self.load(index) }
            slot.ready.signal()
        }
    }

    /// Tells the threads not to read further files, and waits for those started and not taken.
    private func stop() {
        stopped.store(true, ordering: .relaxed)
        for index in taken..<started { slots[index].ready.wait() }
    }
}
