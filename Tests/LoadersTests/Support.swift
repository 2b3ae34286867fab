import CSV
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

/// A fixture under Tests/LoadersTests/Fixtures.
func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
}

/// The repository's Datasets folder.
let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Datasets").path

/// Loads files into a dataset and returns it with each file's result.
func load(_ paths: String..., metadata: String? = nil) throws -> (Dataset, [FileLoader.Result]) {
    let data = Dataset()
    let results = try paths.map { try FileLoader.load($0, options: LoadOptions(metadata: metadata), into: data) }
    return (data, results)
}

extension Dataset {
    /// The one observation matching the filters.
    func figure(_ indicator: String, _ area: String, period: String? = nil, sex: String? = nil) -> Observation? {
        let matches = observations.filter {
            $0.indicator == indicator && $0.area == area && (period == nil || $0.period == period)
                && (sex == nil || $0.breakdown.sex == sex)
        }
        return matches.count == 1 ? matches[0] : nil
    }
}

/// The InputError a throwing call raises, or nil.
func inputError(_ body: () throws -> Void) -> InputError? {
    do { try body() } catch let error as InputError { return error } catch { return nil }
    return nil
}
