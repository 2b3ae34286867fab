import Evidence

/// How much of their wards the LSOAs with figures cover: a roll-up averages or sums a ward over the LSOAs it has
/// figures for, so a file cut short, or missing some LSOAs, would give wards (and their authority) figures from part
/// of their area without a word. Compared here with the lookup, which places every LSOA of the authorities touched.
struct LookupCoverage {
    /// LSOAs the lookup places in the authorities touched that have no figures.
    let missing: [String]
    /// Wards of those authorities with figures from part of their LSOAs only.
    let partial: [String]
    /// Wards of those authorities with no LSOA with figures, left out.
    let leftOut: [String]

    /// The coverage of `lookup`'s wards by the LSOAs in `covered`.
    /// - Complexity: O(*n*) in the lookup's LSOAs.
    init(of covered: Set<String>, lookup: WardLookup) {
        let wardsCovered = Set(covered.flatMap { lookup.shares[$0]?.map(\.ward) ?? [] })
        let authorities = Set(wardsCovered.compactMap { lookup.wards[$0]?.parent })
        let wards = Set(lookup.wards.values.filter { $0.parent.map(authorities.contains) ?? false }.map(\.code))
        var missing: [String] = []
        var partial: Set<String> = []
        for (lsoa, shares) in lookup.shares where !covered.contains(lsoa) {
            let inWards = shares.map(\.ward).filter(wards.contains)
            guard !inWards.isEmpty else { continue }
            missing.append(lsoa)
            partial.formUnion(inWards.filter(wardsCovered.contains))
        }
        self.missing = missing.sorted()
        self.partial = partial.sorted()
        leftOut = wards.subtracting(wardsCovered).sorted()
    }

    /// A note on the wards short of LSOAs, or `nil` when every ward is whole.
    func note(naming names: (String) -> String) -> String? {
        guard let first = missing.first else { return nil }
        var note =
            "\(missing.count) LSOA(s) the lookup places in the authorities' wards have no figures (e.g. \(first))"
        if !partial.isEmpty {
            note += ": \(partial.count) ward(s) from part of their LSOAs (e.g. \(names(partial[0])))"
        }
        if !leftOut.isEmpty {
            note += (partial.isEmpty ? ": " : ", ") + "\(leftOut.count) ward(s) left out (e.g. \(names(leftOut[0])))"
        }
        return note
    }
}
