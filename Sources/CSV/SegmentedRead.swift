import Core
import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One segment of a file as a helper thread tokenized it.
final class TokenizedSegment {
    /// The rows and blank lines, numbered from line 1 at `start`.
    let rows: RowBlock
    /// The line breaks in the segment.
    let lineBreaks: Int
    /// True when the rows can be handed on as they are: the segment parsed without error, met no text whose
    /// encoding the rows before it decide, and ended between records (or at the end of the file).
    let isSettled: Bool
    /// True when the segment held Windows-1252 text, transcoded.
    let transcoded: Bool

    init(rows: RowBlock, lineBreaks: Int, isSettled: Bool, transcoded: Bool) {
        self.rows = rows
        self.lineBreaks = lineBreaks
        self.isSettled = isSettled
        self.transcoded = transcoded
    }
}

/// A read of a file in segments: helper threads tokenize up to ``ReadingThreads/segmentsAhead`` segments ahead
/// while the caller hands on the rows of the earliest, in order.
///
/// Segment *k* nominally covers bytes *kB*..<(*k*+1)*B*; it starts just after the first line break at or after
/// byte *kB* − 1, so that neighbours agree on their boundary without talking. A boundary inside a quoted field is
/// caught because the segment before it does not end between records; the caller then reads on itself.
final class SegmentedRead: @unchecked Sendable {
    private let blocks: FileBlocks
    private let descriptor: Int32
    private let delimiter: UInt8
    private let encoding: TextEncoding?
    private let segmentBytes: Int64
    let segmentCount: Int
    private let stopped = Atomic<Bool>(false)
    private let slots: [Slot]
    /// One serial queue per helper thread; segment *k* goes to queue *k* mod the number of helpers.
    private let helpers: [DispatchQueue]
    /// Blocks whose rows were handed on, ready for another segment.
    private let spareBlocks = Mutex<[RowBlock]>([])

    /// Where a helper leaves a segment; `ready` is signalled once `segment` is set.
    private final class Slot {
        let ready = DispatchSemaphore(value: 0)
        var segment: TokenizedSegment?
    }

    init(
        blocks: FileBlocks, descriptor: Int32, delimiter: UInt8, encoding: TextEncoding?, threads: ReadingThreads
    ) {
        self.blocks = blocks
        self.descriptor = descriptor
        self.delimiter = delimiter
        self.encoding = encoding
        segmentBytes = Int64(threads.segmentBytes)
        helpers = (0..<max(1, threads.helpers)).map {
            DispatchQueue(label: "svtk.csv.helper.\($0)", qos: .userInitiated)
        }
        segmentCount = Int((blocks.size + self.segmentBytes - 1) / self.segmentBytes)
        slots = (0..<segmentCount).map { _ in Slot() }
    }

    /// Starts tokenizing segment `index` on a helper thread.
    func start(_ index: Int) {
        helpers[index % helpers.count].async {
            let slot = self.slots[index]
            slot.segment = self.stopped.load(ordering: .relaxed) ? nil : self.tokenize(index)
            slot.ready.signal()
        }
    }

    /// Waits for segment `index` and takes it; `nil` when the read was stopped or the segment could not be read.
    func take(_ index: Int) -> TokenizedSegment? {
        slots[index].ready.wait()
        defer { slots[index].segment = nil }
        return slots[index].segment
    }

    /// Takes back a segment's block once its rows are handed on, to reuse its buffers.
    func recycle(_ segment: TokenizedSegment) {
        segment.rows.reset()
        spareBlocks.withLock { $0.append(segment.rows) }
    }

    /// Tells helpers not to start on further segments, and waits for those started in `started` and not taken.
    func stop(waitingFor started: Range<Int>) {
        stopped.store(true, ordering: .relaxed)
        for index in started { slots[index].ready.wait() }
    }

    /// The nominal first byte of segment `index`.
    func nominalStart(_ index: Int) -> Int64 { Int64(index) * segmentBytes }

    /// Tokenizes one segment; `nil` when its bytes cannot be read or its bounds are not found near it (the caller
    /// then reads on itself, and reports any error).
    private func tokenize(_ index: Int) -> TokenizedSegment? {
        guard let start = try? recordStart(atOrAfter: nominalStart(index), within: segmentBytes),
            let end = try? recordStart(atOrAfter: nominalStart(index + 1), within: segmentBytes)
        else { return nil }
        let rows = spareBlocks.withLock { $0.popLast() } ?? RowBlock()
        guard start < end else {
            return TokenizedSegment(rows: rows, lineBreaks: 0, isSettled: true, transcoded: false)
        }
        let parser = RowParser(
            file: blocks.path, delimiter: delimiter, encoding: encoding, decidesEncoding: false,
            keepingRowsIn: rows.buffer, onRow: { rows.noteRow($0) }, onBlankLine: { rows.noteBlankLine($0) })
        let buffer = rows.textBuffer(count: Int(end - start))
        guard (try? readFully(buffer, at: start)) == true else { return nil }
        var bytes = UnsafeRawBufferPointer(buffer)
        if start == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeRawBufferPointer(rebasing: bytes[3...])
        }
        parser.feed(bytes)
        if end == blocks.size { parser.finish() }
        return TokenizedSegment(
            rows: rows, lineBreaks: parser.line - 1,
            isSettled: end == blocks.size ? !parser.hasFailed : parser.isBetweenRecords,
            transcoded: parser.transcoded)
    }

    /// The first byte of a record at or after `offset`: just after the first line break at or after `offset` − 1,
    /// or the end of the file; `nil` when no line break comes within `limit` bytes (a line longer than that, or
    /// a file whose lines end in CR alone), so that no helper scans far beyond its segment.
    /// - Throws: `ToolkitError` naming the file when it cannot be read.
    func recordStart(atOrAfter offset: Int64, within limit: Int64 = .max) throws -> Int64? {
        guard offset > 0 else { return 0 }
        guard offset < blocks.size else { return blocks.size }
        // A page at a time: the line break is most often within a few hundred bytes.
        let window = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 16)
        defer { window.deallocate() }
        var position = offset - 1
        while position < blocks.size {
            guard position - offset < limit else { return nil }
            let n = try blocks.read(descriptor, into: window, at: position)
            guard n > 0 else { break }
            if let found = memchr(window.baseAddress!, 0x0A, n) {
                return position + Int64(window.baseAddress!.distance(to: found)) + 1
            }
            position += Int64(n)
        }
        return blocks.size
    }

    /// Fills the buffer from `offset`; false when the file ends first.
    private func readFully(_ buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Bool {
        var filled = 0
        while filled < buffer.count {
            let n = try blocks.read(
                descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), at: offset + Int64(filled)
            )
            guard n > 0 else { return false }
            filled += n
        }
        return true
    }
}
