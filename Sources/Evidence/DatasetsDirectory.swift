import Foundation

/// Where the toolkit's shipped data (`Datasets/`: catalogues, taxonomy, policy, demo borough) lives.
///
/// Looked for in this order, the first folder holding `catalogues/units.csv` winning:
/// 1. the folder the program chose (``chosen``, from `svtk --datasets DIR`);
/// 2. `SVTK_DATASETS` in the environment;
/// 3. `Datasets` beside the program, then `../share/svtk` from it (where `make install` puts the data);
/// 4. `Datasets` in a folder above the program (a build inside a source checkout, e.g. `.build/release/svtk`).
///
/// Nothing depends on where the toolkit was built, so the program can be copied or installed anywhere.
public enum DatasetsDirectory {
    /// The folder the program was told to use; it wins over every other place. Set once, before anything is read.
    nonisolated(unsafe) public static var chosen: String?

    /// The data folder could not be found; says where it was looked for and how to point the toolkit at it.
    public struct NotFound: Error, CustomStringConvertible {
        /// Each place looked, with why it was not used.
        public let looked: [String]

        /// Every place looked and how to point the toolkit at the data, for the user.
        public var description: String {
            "the toolkit's Datasets folder (catalogues/, taxonomy/, policy/) was not found; looked in:\n"
                + looked.map { "  - \($0)" }.joined(separator: "\n")
                + "\nPoint svtk at it with --datasets DIR or SVTK_DATASETS=DIR, or install it with "
                + "`make install PREFIX=DIR` (the data go to DIR/share/svtk)"
        }
    }

    /// The data folder.
    /// - Throws: ``NotFound`` naming every place looked when none holds the data, or when the folder given
    ///   by ``chosen`` or `SVTK_DATASETS` does not.
    public static func path() throws -> String {
        var looked: [String] = []
        if let chosen {
            if holdsData(chosen) { return chosen }
            throw NotFound(looked: ["\(chosen) (given with --datasets): no catalogues/units.csv there"])
        }
        if let variable = ProcessInfo.processInfo.environment["SVTK_DATASETS"] {
            if holdsData(variable) { return variable }
            throw NotFound(looked: ["\(variable) (SVTK_DATASETS): no catalogues/units.csv there"])
        }
        for candidate in candidates() {
            if holdsData(candidate) { return candidate }
            looked.append(candidate)
        }
        throw NotFound(looked: looked)
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
