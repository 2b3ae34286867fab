/// Header names compared the way real exports vary them: case, spaces, underscores and punctuation ignored,
/// so `Lower CI 95.0 limit`, `Lower_CI_95.0_limit` and `lowerci950limit` are the same column.
enum HeaderName {
    static func key(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.lowercased().unicodeScalars.filter {
                    ("a"..."z").contains($0) || ("0"..."9").contains($0)
                }))
    }

    /// The first pair of columns (0-based) whose names are the same once compared this way, if any; unnamed
    /// columns are not compared.
    static func duplicate(in header: [String]) -> (first: Int, second: Int)? {
        var seen: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = key(name)
            guard !key.isEmpty else { continue }
            if let first = seen.updateValue(i, forKey: key) { return (first, i) }
        }
        return nil
    }

    /// Positions of each header key.
    static func index(_ header: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[key(name)] == nil { index[key(name)] = i }
        return index
    }
}

/// A lower-case, hyphenated identifier made from a name: `Number of cars or vans` → `number-of-cars-or-vans`.
func slug(_ text: String) -> String {
    var out = ""
    var pendingHyphen = false
    for scalar in text.lowercased().unicodeScalars {
        if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
            if pendingHyphen && !out.isEmpty { out.append("-") }
            pendingHyphen = false
            out.unicodeScalars.append(scalar)
        } else {
            pendingHyphen = true
        }
    }
    return out
}
