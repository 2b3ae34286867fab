/// Units as a reader says them: singular for exactly one, money and shares written around the figure.
enum Units {
    /// The written figure with its unit (`£3,000`, `1 person (FTE)`, `2 businesses`, `90% of workforce`).
    static func quantity(_ figure: String, of value: Double, unit: String) -> String {
        switch unit {
        case "GBP": return "£" + figure
        case "commitment": return "a commitment"
        case _ where unit.hasPrefix("%"): return figure + unit
        default: return figure + " " + (value == 1 ? singular(unit) : unit)
        }
    }

    /// The singular of a plural unit: the last word of its noun, before any `of …` or `(…)`, made singular
    /// (`people (FTE)` → `person (FTE)`, `apprenticeship weeks` → `apprenticeship week`, `hours of
    /// volunteering` → `hour of volunteering`, `businesses` → `business`); a unit that is not a plural (`tCO2e`)
    /// is kept.
    static func singular(_ unit: String) -> String {
        let end = [" of ", " ("].compactMap { unit.range(of: $0)?.lowerBound }.min() ?? unit.endIndex
        let noun = unit[..<end]
        let last = noun.split(separator: " ").last.map(String.init) ?? ""
        return noun.dropLast(last.count) + singularWord(last) + unit[end...]
    }

    private static func singularWord(_ word: String) -> String {
        if word == "people" { return "person" }
        if word.hasSuffix("ies") { return word.dropLast(3) + "y" }
        if ["sses", "shes", "ches", "xes"].contains(where: word.hasSuffix) { return String(word.dropLast(2)) }
        if word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }
}
