import CSV
import Evidence
import Foundation
import Loaders
import TestSupport
import Testing

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
