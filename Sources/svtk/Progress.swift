import Foundation

/// A progress line on stderr for inputs over 8 MB, only when stderr is a terminal.
enum Progress {
    static let threshold: Int64 = 8 << 20

    static func reporter(for path: String) -> (@Sendable (Int64, Int64) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        let name = URL(fileURLWithPath: path).lastPathComponent
        return { read, total in
            guard total > threshold else { return }
            let percent = total > 0 ? Int(read * 100 / total) : 100
            let line = "\r\(name): \(percent)% (\(read >> 20) of \(total >> 20) MB)"
            FileHandle.standardError.write(Data((read >= total ? line + "\n" : line).utf8))
        }
    }
}

extension Progress {
    /// A counter line on stderr (`[12/331] Sheffield`), only when stderr is a terminal; nil otherwise.
    static func counter(total: Int) -> ((Int, String) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        return { done, name in
            let line = "\r\u{1B}[K[\(done)/\(total)] \(name)"
            FileHandle.standardError.write(Data((done >= total ? line + "\n" : line).utf8))
        }
    }
}

/// Writes a line to stderr.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
