import Core
import Foundation
import Synchronization
import Testing

@Suite("Work done ahead on other threads, taken in order")
struct WorkAheadTests {
    /// What the work did: how many items ran at once at most, and which were started.
    final class Record: Sendable {
        let running = Mutex((now: 0, most: 0))
        let started = Mutex<[Int]>([])

        func begin(_ index: Int) {
            started.withLock { $0.append(index) }
            running.withLock { $0 = ($0.now + 1, max($0.most, $0.now + 1)) }
        }

        func end() { running.withLock { $0.now -= 1 } }
    }

    struct Refused: Error, Equatable { let index: Int }

    @Test("each item's result is taken in the list's order though later items finish first, at most `ahead` at once")
    func order() throws {
        let record = Record()
        var taken: [Int] = []
        try WorkAhead(count: 12, ahead: 3) { index in
            record.begin(index)
            defer { record.end() }
            usleep(UInt32((12 - index) * 2_000))  // the earlier the item, the slower
            return index * 10
        }
        .forEach { index, result in
            #expect(result == index * 10)
            taken.append(index)
        }
        #expect(taken == Array(0..<12))
        #expect(record.running.withLock { $0.most } <= 3)
        #expect(record.started.withLock { $0.sorted() } == Array(0..<12))
    }

    @Test("the first failure in order is thrown though a later item failed first, and no item far beyond it is started")
    func firstFailureInOrder() {
        let record = Record()
        var taken: [Int] = []
        #expect(throws: Refused(index: 4)) {
            try WorkAhead(count: 40, ahead: 2) { index in
                record.begin(index)
                defer { record.end() }
                if index == 5 { throw Refused(index: 5) }
                if index == 4 {
                    usleep(20_000)
                    throw Refused(index: 4)
                }
                return index
            }
            .forEach { index, _ in taken.append(index) }
        }
        #expect(taken == [0, 1, 2, 3])
        #expect(record.started.withLock { $0.max() ?? 0 } <= 5)
        #expect(record.running.withLock { $0.now } == 0, "every item started was waited for")
    }

    @Test("a failure while taking a result stops the reading, and the items started are waited for")
    func failureWhileTaking() {
        let record = Record()
        #expect(throws: Refused(index: 1)) {
            try WorkAhead(count: 30, ahead: 4) { index in
                record.begin(index)
                defer { record.end() }
                usleep(5_000)
                return index
            }
            .forEach { index, _ in if index == 1 { throw Refused(index: 1) } }
        }
        #expect(record.started.withLock { $0.max() ?? 0 } <= 5)
        #expect(record.running.withLock { $0.now } == 0)
    }
}
