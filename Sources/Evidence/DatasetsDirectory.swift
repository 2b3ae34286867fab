import Core
import Foundation

/// Where the toolkit's shipped data (`Datasets/`: catalogues, taxonomy, policy, demo borough) lives.
///
/// Looked for in this order, the first folder holding `catalogues/units.csv` winning:
/// 1. the folder the program was given (``chosen``; svtk sets it from its `--datasets` option);
/// 2. `SVTK_DATASETS` in the environment;
/// 3. `Datasets` beside the program, then `../share/svtk` from it (where `make install` puts the data);
/// 4. `Datasets` in a folder above the program (a build inside a source checkout, e.g. `.build/release/svtk`).
///
/// Nothing depends on where the toolkit was built, so the program can be copied or installed anywhere.
public enum DatasetsDirectory {
    /// The folder the program was told to use; it wins over every other place. Set once, before anything is read.
    nonisolated(unsafe) public static var chosen: String?

    /// The error when the data folder cannot be found: every place looked, with why it was not used, and how
    /// to point the toolkit at the data.
    /// The error names the `datasets` setting when the folder given as ``chosen`` was the one looked in.
    static func notFound(looked: [String], given: Bool = false) -> ToolkitError {
        var error = ToolkitError(
            .notFound,
            "the toolkit's Datasets folder (catalogues/, taxonomy/, policy/) was not found; looked in:\n"
                + looked.map { "  - \($0)" }.joined(separator: "\n")
                + "\nGive the folder (the datasets setting, or SVTK_DATASETS=DIR), or install it with "
                + "`make install PREFIX=DIR` (the data go to DIR/share/svtk)")
        error.setting = given ? "datasets" : nil
        return error
    }

    /// The data folder.
    /// - Throws: a `notFound` ``ToolkitError`` naming every place looked when none holds the data, or when the
    ///   folder given by ``chosen`` or `SVTK_DATASETS` does not.
    public static func path() throws -> String {
        var looked: [String] = []
        if let chosen {
            if holdsData(chosen) { return chosen }
            throw notFound(looked: ["\(chosen) (the folder given): no catalogues/units.csv there"], given: true)
        }
        if let variable = ProcessInfo.processInfo.environment["SVTK_DATASETS"] {
            if holdsData(variable) { return variable }
            throw notFound(looked: ["\(variable) (SVTK_DATASETS): no catalogues/units.csv there"])
        }
        for candidate in candidates() {
            if holdsData(candidate) { return candidate }
            looked.append(candidate)
        }
        throw notFound(looked: looked)
    }

    /// The places beside and above the running program, in the order they are tried.
    static func candidates() -> [String] {
        guard let program = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return [] }
        let folder = program.deletingLastPathComponent()
        var places = [
            folder.appendingPathComponent("Datasets").path,
            folder.deletingLastPathComponent().appendingPathComponent("share/svtk").path,
        ]
        var above = folder.deletingLastPathComponent()
        while above.path != "/" && !above.path.isEmpty {
            places.append(above.appendingPathComponent("Datasets").path)
            above.deleteLastPathComponent()
        }
        return places
    }

    private static func holdsData(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/catalogues/units.csv")
    }
}
