import Core
import Foundation
import Synchronization
import Testing

@Suite("Work handed over piece by piece, taken in order")
struct WorkInOrderTests {
    @Test("results are taken in the order handed over though later pieces finish first, at most `ahead` untaken")
    func order() {
        let running = Mutex((now: 0, most: 0))
        var taken: [Int] = []
        let work = WorkInOrder<Int>(ahead: 3)
        for piece in 0..<12 {
            work.start(
                {
                    running.withLock { $0 = ($0.now + 1, max($0.most, $0.now + 1)) }
                    defer { running.withLock { $0.now -= 1 } }
                    usleep(UInt32((12 - piece) * 2_000))  // the earlier the piece, the slower
                    return piece * 10
                },
                taking: { taken.append($0) })
            #expect(taken.count >= piece + 1 - 3, "no more than 3 pieces started and not taken")
        }
        #expect(taken.count == 9)
        work.finish { taken.append($0) }
        #expect(taken == (0..<12).map { $0 * 10 })
        #expect(running.withLock { $0.most } <= 3)
    }

    @Test("finishing with nothing started takes nothing")
    func nothingStarted() {
        var taken: [Int] = []
        WorkInOrder<Int>().finish { taken.append($0) }
        #expect(taken.isEmpty)
    }
}
