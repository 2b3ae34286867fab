import Catalogue
import Foundation
import Geography
import Loaders
import NeedsAnalysis
import Recommender
import TestSupport

let repository = DemoBorough.repository
let catalogue = DemoBorough.catalogue
let policy: Policy = DemoBorough.loaded("the shipped policy") { try Policy.load(for: catalogue) }

nonisolated(unsafe) let recommender = Recommender(
    catalogue: catalogue, policy: policy, analysis: DemoBorough.analysis, equalityGaps: DemoBorough.gaps)

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
