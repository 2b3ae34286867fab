import CSV
import Catalogue
import Core
import Foundation
import Testing

/// The repository's Datasets folder.
let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Datasets").path

/// The shipped catalogue, loaded once.
let shipped: Catalogue = try! Catalogue.load(directory: datasets)

/// A copy of the shipped catalogues/ and taxonomy/ in a temporary folder, with one file edited.
func editedCatalogue(_ file: String, _ edit: (String) -> String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-catalogue-\(UUID().uuidString)")
        .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for part in ["catalogues", "taxonomy"] {
        try FileManager.default.copyItem(atPath: datasets + "/" + part, toPath: folder + "/" + part)
    }
    let path = folder + "/" + file
    try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    return folder
}

/// The ToolkitError loading a catalogue folder raises.
func loadError(_ folder: String) -> ToolkitError? {
    do { _ = try Catalogue.load(directory: folder) } catch let error as ToolkitError { return error } catch {
        return nil
    }
    return nil
}

/// The real public files, when ../shared/data is there.
enum SharedData {
    static let root = URL(fileURLWithPath: datasets).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data").path
    static let available = FileManager.default.fileExists(atPath: root + "/README.md")
}
