import ArgumentParser
import Core

/// The one place the command line turns the toolkit's errors into words on standard error and an exit code:
/// 1 for bad input (a file, a contract, a setting; something asked for that is not there), 73 when output
/// cannot be written. Wrong usage (64) is the argument parser's.
extension ToolkitError {
    /// The exit code for this kind of problem.
    var exitCode: ExitCode {
        switch kind {
        case .badInput, .notFound, .conflict: ExitCode(1)
        case .cannotWrite: ExitCode(73)
        }
    }

    /// The error as the command line says it: a problem with a setting names its option (`--authority: …`).
    var onCommandLine: String {
        guard let setting, file == nil else { return description }
        return "--\(setting): \(message)"
    }

    /// Prints the error and gives the exit code to end with.
    func reported() -> ExitCode {
        printError("error: \(onCommandLine)")
        return exitCode
    }
}
