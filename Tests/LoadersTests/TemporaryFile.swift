import Foundation

/// Writes text to a fresh temporary file and returns its path.
func temporaryFile(_ text: String, name: String = "table.csv") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}
