import Foundation

/// How many threads read a large table: the caller's alone, or the caller's handing on rows that helper threads
/// have tokenized ahead, segment by segment.
///
/// Either way the rows arrive in file order on the caller's thread, with the same line numbers, notes and errors:
/// a segment that a helper cannot settle alone (a quoted line break across its end, the file's first non-ASCII
/// text, any error) is read again in order by the caller, from its start to the end of the file.
public struct ReadingThreads: Sendable, Equatable {
    /// The helper threads tokenizing ahead; 0 reads on the caller's thread alone.
    public let helpers: Int
    /// The number of segments tokenized and not yet handed on, at most.
    public let segmentsAhead: Int
    /// The size of a segment, in bytes; a segment ends at the line break nearest after it.
    public let segmentBytes: Int

    /// Read on the caller's thread alone.
    public static let one = ReadingThreads(helpers: 0, segmentsAhead: 0, segmentBytes: 1 << 20)

    /// One helper per processor beyond the caller's, four segments of 1 MB ahead per helper (some 12 MB of memory
    /// each); the caller's thread alone on one processor. Each segment costs a parser, a search for its bounds and a
    /// hand-over between threads, and the caller's pace varies from row to row: on a 250 MB Fingertips export,
    /// segments of 1 MB, four ahead, took `svtk inspect` from about 1.57 s to 1.40 s (medians of six runs) against
    /// segments of 256 KB, two ahead.
    public static var automatic: ReadingThreads {
        let helpers = ProcessInfo.processInfo.activeProcessorCount - 1
        return ReadingThreads(helpers: helpers, segmentsAhead: 4 * helpers, segmentBytes: 1 << 20)
    }

    /// `helpers` threads tokenizing segments of `segmentBytes`, up to `segmentsAhead` ahead of the caller.
    public init(helpers: Int, segmentsAhead: Int, segmentBytes: Int) {
        self.helpers = max(0, helpers)
        self.segmentsAhead = max(self.helpers, segmentsAhead)
        self.segmentBytes = max(1, segmentBytes)
    }

    /// True when a file of `size` bytes is worth splitting: helpers are allowed and it has four segments or more.
    func splits(_ size: Int64) -> Bool { helpers > 0 && size >= 4 * Int64(segmentBytes) }
}
