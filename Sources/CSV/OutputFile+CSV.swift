import CLibCSV
import Core

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension OutputFile {
    /// Writes rows of delimited text to `path` atomically through a ``CSVWriter``; with `byteOrderMark`, the file
    /// starts with UTF-8's byte-order mark, without which Excel on Windows reads "£" as "Â£".
    /// - Throws: a `cannotWrite` error naming the path when any step fails; the target is then unchanged.
    public static func writeCSV(
        to path: String, formulaGuard: Bool = true, byteOrderMark: Bool = false,
        _ rows: (CSVWriter) -> Void
    ) throws {
        try write(to: path) { stream in
            if byteOrderMark { fputs("\u{FEFF}", stream) }
            let writer = CSVWriter(stream: stream, formulaGuard: formulaGuard)
            rows(writer)
            writer.flush()
            return true
        }
    }
}

/// Standard output, checked: data a command printed is flushed and any write error is reported.
public enum StandardOutput {
    /// Flushes standard output.
    /// - Throws: a `cannotWrite` error when anything written to it was lost (a closed descriptor, a full disk).
    public static func finish() throws {
        let stream = svtk_standard_output()
        if fflush(stream) != 0 || ferror(stream) != 0 {
            throw ToolkitError.systemCallFailed("standard output", "cannot write")
        }
    }
}
