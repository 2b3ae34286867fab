import CSV
import Catalogue
import Evidence

/// An equality gap from an action plan, placed in the data: its places resolved to areas and the size of
/// the group there, where the loaded data give it.
public struct EqualityNeed: Codable, Sendable {
    public var gap: EqualityGap
    /// The areas the gap is in; the borough when the plan says borough-wide.
    public var places: [Area]
    /// Figures giving the size of the group in each place.
    public var groupSizes: [GroupSize]
    /// Characteristics for which no figure is loaded.
    public var missing: [String]

    public struct GroupSize: Codable, Sendable {
        public var characteristic: String
        public var area: Area
        public var indicator: String
        public var name: String
        public var value: Double
        public var unit: String
        public var period: String
        public var reason: String
    }
}

extension NeedsAnalysis {
    /// Places each gap: ward codes or names are matched to the borough's wards (an unknown one is an error
    /// naming the plan's line); borough-wide gaps sit on the borough.
    public func equalityNeeds(_ gaps: [EqualityGap]) throws -> [EqualityNeed] {
        try gaps.map { gap in
            let places =
                try gap.isBoroughWide
                ? [borough]
                : gap.places.map { place -> Area in
                    if let ward = wards.first(where: {
                        $0.code == place || $0.name.caseInsensitiveCompare(place) == .orderedSame
                    }) {
                        return ward
                    }
                    if place.caseInsensitiveCompare(borough.name) == .orderedSame || place == borough.code {
                        return borough
                    }
                    throw InputError(
                        file: gap.file, line: gap.line, column: gap.placesColumn,
                        "unknown ward \(InputError.quoted(place)) in the action plan: not one of \(borough.name)'s "
                            + "\(wards.count) wards (\(wards.map(\.name).joined(separator: ", ")))")
                }
            var sizes: [EqualityNeed.GroupSize] = []
            var missing: [String] = []
            for characteristic in gap.characteristics {
                let links = taxonomy.characteristicIndicators[characteristic] ?? []
                var found = false
                for area in places {
                    for link in links {
                        for indicator in indicatorIDs where link.matches(indicator) {
                            guard let o = latest(indicator, area.code), let value = o.value else { continue }
                            found = true
                            let meta = dataset.indicators[indicator]
                            sizes.append(
                                .init(
                                    characteristic: characteristic, area: area, indicator: indicator,
                                    name: meta?.name ?? indicator, value: value, unit: meta?.unit ?? "",
                                    period: o.period, reason: link.reason))
                        }
                    }
                }
                if !found { missing.append(characteristic) }
            }
            return EqualityNeed(gap: gap, places: places, groupSizes: sizes, missing: missing)
        }
    }
}
