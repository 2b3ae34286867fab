import Dispatch
import Foundation

/// Pieces of work handed over one at a time, each done on another thread, whose results the caller takes in the
/// order the pieces were handed over: the streaming counterpart of ``WorkAhead``, for work whose pieces are not
/// known in advance (rows formatted while a file is still being read).
///
/// At most `ahead` pieces are started and not yet taken: handing over one more first takes the oldest's result,
/// waiting for it if need be, so the results held at once stay few however many pieces there are.
public final class WorkInOrder<Output>: @unchecked Sendable {
    private let ahead: Int
    /// The pieces started and not yet taken, oldest first.
    private var started: [Piece] = []

    /// Where a thread leaves a piece's result; `ready` is signalled once `output` is set.
    private final class Piece: @unchecked Sendable {
        let ready = DispatchSemaphore(value: 0)
        var output: Output?
    }

    /// Work in order, up to `ahead` pieces (by default two per processor) started and not yet taken.
    public init(ahead: Int = 2 * ProcessInfo.processInfo.activeProcessorCount) { self.ahead = max(1, ahead) }

    /// Starts `work` on a thread of the system's pool, first giving `take` the oldest pieces' results while `ahead`
    /// are started and not taken. `work` must only read what it captures.
    /// - Complexity: O(1) calls of `take`, amortised.
    public func start(_ work: @escaping @Sendable () -> Output, taking take: (Output) -> Void) {
        while started.count >= ahead { takeOldest(take) }
        let piece = Piece()
        DispatchQueue.global(qos: .userInitiated).async {
            piece.output = work()
            piece.ready.signal()
        }
        started.append(piece)
    }

    /// Gives `take` the result of every piece started and not yet taken, oldest first, waiting for each.
    public func finish(taking take: (Output) -> Void) {
        while !started.isEmpty { takeOldest(take) }
    }

    private func takeOldest(_ take: (Output) -> Void) {
        let piece = started.removeFirst()
        piece.ready.wait()
        take(piece.output!)
    }

    deinit {
        for piece in started { piece.ready.wait() }
    }
}
