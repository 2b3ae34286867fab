/// Header names compared the way real exports vary them: case, spaces, underscores and punctuation ignored,
/// so `Lower CI 95.0 limit`, `Lower_CI_95.0_limit` and `lowerci950limit` are the same column.
enum HeaderName {
    static func key(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter {
            ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }))
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
