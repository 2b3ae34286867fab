import Catalogue
import Evidence
import Foundation
import Geography
import Loaders
import NeedsAnalysis

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let catalogue: Catalogue = try! Catalogue.load(directory: repository + "/Datasets")

/// The demo borough's data files.
var demoFiles: [String] {
    let folder = repository + "/Datasets/demo"
    return (try! FileManager.default.contentsOfDirectory(atPath: folder)).filter {
        $0.hasSuffix(".csv") && !$0.contains("equality")
    }
    .sorted().map { folder + "/" + $0 }
}

/// The demo borough analysed (built once).
nonisolated(unsafe) let demo: NeedsAnalysis = {
    let built = try! DatasetBuilder(files: demoFiles)
    return try! NeedsAnalysis(
        dataset: built.dataset, taxonomy: catalogue.taxonomy, bands: catalogue.needBands, borough: "Rotherham")
}()

/// A dataset of wards of one authority with given values of indicators.
func wards(_ values: [String: [Double]], polarity: [String: Polarity]) throws -> Dataset {
    let data = Dataset()
    data.add(Area(code: "E08000099", name: "Testborough", level: .localAuthority))
    let count = values.values.first!.count
    for i in 0..<count {
        data.add(Area(code: String(format: "E050999%02d", i), name: "Ward \(i)", level: .ward, parent: "E08000099"))
    }
    for (id, series) in values {
        data.add(Indicator(id: id, name: id, unit: "%", polarity: polarity[id]!, source: "test"))
        for (i, value) in series.enumerated() {
            try data.add(
                Observation(
                    indicator: id, area: String(format: "E050999%02d", i), period: "2024", value: value, source: "test")
            )
        }
    }
    return data
}
