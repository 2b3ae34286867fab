import Evidence
import Foundation
import Loaders
import Testing

/// The real public files in `../shared/data` beside the repository (or `SVTK_SHARED_DATA`).
enum SharedData {
    static let root: String = {
        if let path = ProcessInfo.processInfo.environment["SVTK_SHARED_DATA"] { return path }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/data").path
    }()
    static let available = FileManager.default.fileExists(atPath: root + "/README.md")
    static let skipMessage: Comment = "../shared/data is absent: the real-file tests are skipped"

    static func path(_ relative: String) -> String { root + "/" + relative }
}

/// Loads files into a dataset and returns it with each file's result.
func load(_ paths: String...) throws -> (Dataset, [FileLoader.Result]) {
    let data = Dataset()
    let results = try paths.map { try FileLoader.load($0, into: data) }
    return (data, results)
}
