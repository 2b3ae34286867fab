import CMalloc
import Foundation

/// The C library's memory pools (glibc's arenas) for a command that reads files: one per processor.
///
/// Files are read on several threads and each file's figures are then freed by the main thread, which adds them to
/// the dataset. glibc's default makes up to eight pools per processor, and memory freed into a reader's pool stays
/// there, so the peak grows with the threads. Measured on the Sheffield report from every national file: 95–96 MB
/// with the default, 90–94 MB with one pool per processor; one pool in all (89–91 MB) made the atlas's two threads
/// wait on each other, 1.5 s longer. The server keeps the default.
enum MallocArenas {
    /// Limits the process to one pool per processor; call before any thread but the main one allocates.
    static func limitToProcessors() {
        _ = mallopt(M_ARENA_MAX, Int32(ProcessInfo.processInfo.activeProcessorCount))
    }
}
