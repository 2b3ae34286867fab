import Evidence
import Loaders

/// Loads files into a dataset and returns it with each file's result.
func load(_ paths: String...) throws -> (Dataset, [FileLoader.Result]) {
    let data = Dataset()
    let results = try paths.map { try FileLoader.load($0, into: data) }
    return (data, results)
}
