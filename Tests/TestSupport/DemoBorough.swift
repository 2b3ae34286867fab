import Catalogue
import Evidence
import Foundation
import Geography
import Loaders
import NeedsAnalysis

/// The demo borough as the tests read it, loaded once per test process: the shipped catalogue, the demo data
/// files (the action plan apart), their needs analysis and the action plan's gaps.
public enum DemoBorough {
    /// The repository's folder.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The shipped catalogue (`Datasets/`).
    public static let catalogue: Catalogue = loaded("the shipped catalogue") {
        try Catalogue.load(directory: repository + "/Datasets")
    }

    /// The demo data files, sorted, without the equality action plan.
    public static let dataFiles: [String] = loaded("the demo folder") {
        let folder = repository + "/Datasets/demo"
        return try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".csv") && !$0.contains("equality") }.sorted().map { folder + "/" + $0 }
    }

    /// The demo's illustrative Equality Analysis action plan.
    public static let actionPlan = repository + "/Datasets/demo/equality_action_plan_illustrative.csv"

    // nonisolated(unsafe): the analysis is read-only once made (its profile cache locks itself).
    /// The demo borough's needs analysis from `dataFiles`.
    nonisolated(unsafe) public static let analysis: NeedsAnalysis = loaded("the demo analysis") {
        try NeedsAnalysis(
            dataset: DatasetBuilder(files: dataFiles).dataset, taxonomy: catalogue.taxonomy, bands: catalogue.needBands,
            borough: nil)
    }

    /// The action plan's equality gaps.
    public static let gaps: [EqualityGap] = loaded("the demo action plan") {
        try EqualityActionPlanLoader.load(actionPlan, characteristics: catalogue.taxonomy.characteristics)
    }

    /// A shipped file the tests cannot do without: its error, with what it is, stops the run.
    public static func loaded<T>(_ what: String, _ body: () throws -> T) -> T {
        do { return try body() } catch { fatalError("the tests cannot load \(what): \(error)") }
    }
}
