#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the toolkit's shipped data (`Datasets/`: catalogues, taxonomy, policy, demo borough) lives.
///
/// `SVTK_DATASETS` in the environment wins; otherwise the `Datasets` folder of the source tree the
/// toolkit was built from.
public enum DatasetsDirectory {
    public static var `default`: String {
        if let path = getenv("SVTK_DATASETS") { return String(cString: path) }
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        // …/Sources/Evidence/DatasetsDirectory.swift → …/Datasets
        components.removeLast(3)
        return components.joined(separator: "/") + "/Datasets"
    }
}
