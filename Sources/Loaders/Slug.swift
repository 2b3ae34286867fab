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
