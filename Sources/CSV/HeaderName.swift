/// Header names compared the way real exports vary them: case, spaces, underscores and punctuation ignored,
/// so `Lower CI 95.0 limit`, `Lower_CI_95.0_limit` and `lowerci950limit` are the same column.
public enum HeaderName {
    /// The name with case, spaces and punctuation taken out (`Lower CI 95.0 limit` → `lowerci950limit`).
    public static func key(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.lowercased().unicodeScalars.filter {
                    ("a"..."z").contains($0) || ("0"..."9").contains($0)
                }))
    }

    /// The name's words in lower case, split at anything but a letter or digit (`Income_Rank (where…)` →
    /// `income`, `rank`, `where`, …), for reading a column's meaning however it is spelt.
    public static func words(_ name: String) -> [String] {
        name.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The first pair of columns (0-based) whose names are the same once compared this way, if any; unnamed
    /// columns are not compared.
    public static func duplicate(in header: [String]) -> (first: Int, second: Int)? {
        var seen: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = key(name)
            guard !key.isEmpty else { continue }
            if let first = seen.updateValue(i, forKey: key) { return (first, i) }
        }
        return nil
    }

    /// Positions of each header key.
    public static func index(_ header: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[key(name)] == nil { index[key(name)] = i }
        return index
    }
}
