import Catalogue
import Foundation
import Geography
import Loaders
import NeedsAnalysis
import Recommender

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let catalogue: Catalogue = try! Catalogue.load(directory: repository + "/Datasets")
let policy: Policy = try! Policy.load(for: catalogue)

nonisolated(unsafe) let recommender: Recommender = {
    let folder = repository + "/Datasets/demo"
    let files = (try! FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".csv") && !$0.contains("equality") }
        .sorted().map { folder + "/" + $0 }
    let analysis = try! NeedsAnalysis(dataset: DatasetBuilder(files: files).dataset, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: nil)
    let gaps = try! EqualityActionPlanLoader.load(folder + "/equality_action_plan_illustrative.csv",
                                                  characteristics: catalogue.taxonomy.characteristics)
    return Recommender(catalogue: catalogue, policy: policy, analysis: analysis, equalityGaps: gaps)
}()

func contract(_ name: String) throws -> ContractProfile {
    try ContractProfile.load(repository + "/Datasets/contracts/\(name).json")
}

func recommend(_ profile: ContractProfile) throws -> Recommendation { try recommender.recommend(profile) }

/// Writes text to a new temporary file and returns its path.
func temporaryFile(_ text: String, suffix: String = ".csv") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-\(UUID())\(suffix)").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
