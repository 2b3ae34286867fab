import ArgumentParser
import CSV
import Evidence
import Reports

/// Runs a command body, turning an input error into `file:line:column: message` on stderr and exit code 1,
/// and an output error into `path: message` and exit code 73.
func reportingInputErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as InputError {
        printError("error: \(error.onCommandLine)")
        throw ExitCode(1)
    } catch let error as DatasetsDirectory.NotFound {
        printError("error: \(error)")
        throw ExitCode(1)
    } catch let error as OutputError {
        printError("error: \(error)")
        throw ExitCode(73)
    }
}

extension InputError {
    /// The error as the command line says it: a problem with a setting names its option (`--authority: …`).
    var onCommandLine: String { setting.map { "--\($0): \(message)" } ?? description }
}
