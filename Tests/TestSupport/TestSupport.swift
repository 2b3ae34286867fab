import CSV
import Core
import Evidence
import Foundation
import Testing

/// The real public files in `../shared/data` beside the repository (or `SVTK_SHARED_DATA`).
public enum SharedData {
    /// The folder of the real files.
    public static let root: String = {
        if let path = ProcessInfo.processInfo.environment["SVTK_SHARED_DATA"] { return path }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/data").path
    }()
    /// True when the folder is there (its README.md is found).
    public static let available = FileManager.default.fileExists(atPath: root + "/README.md")
    /// What a skipped real-file test says.
    public static let skipMessage: Comment = "../shared/data is absent: the real-file tests are skipped"

    /// A path under the shared data folder.
    public static func path(_ relative: String) -> String { root + "/" + relative }
}

/// Writes text to a new file in a fresh temporary folder and returns its path.
public func temporaryFile(_ text: String, name: String = "table.csv") throws -> String {
    try temporaryFile(Array(text.utf8), name: name)
}

/// Writes bytes to a new file in a fresh temporary folder and returns its path.
public func temporaryFile(_ bytes: [UInt8], name: String = "table.csv") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

/// The ToolkitError a throwing call raises, or nil.
public func inputError(_ body: () throws -> Void) -> ToolkitError? {
    do { try body() } catch let error as ToolkitError { return error } catch { return nil }
    return nil
}

extension Dataset {
    /// The one observation matching the filters, or nil when none or several match.
    public func figure(_ indicator: String, _ area: String, period: String? = nil, sex: String? = nil) -> Observation? {
        let matches = observations.filter {
            $0.indicator == indicator && $0.area == area && (period == nil || $0.period == period)
                && (sex == nil || $0.breakdown.sex == sex)
        }
        return matches.count == 1 ? matches[0] : nil
    }
}
