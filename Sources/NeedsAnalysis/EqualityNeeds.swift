import Catalogue
import Core
import Evidence

/// An equality gap from an action plan, placed in the data: its places resolved to areas and the size of
/// the group there, where the loaded data give it.
public struct EqualityNeed: Codable, Sendable {
    /// The gap as the action plan records it.
    public var gap: EqualityGap
    /// The areas the gap is in; the borough when the plan says borough-wide.
    public var places: [Area]
    /// Figures giving the size of the group in each place.
    public var groupSizes: [GroupSize]
    /// Characteristics for which no figure is loaded.
    public var missing: [String]

    /// A loaded figure giving the size of a protected characteristic's group in one of the gap's places.
    public struct GroupSize: Codable, Sendable {
        /// The protected characteristic, as a canonical name (e.g. `disability`).
        public var characteristic: String
        /// The place the figure is for.
        public var area: Area
        /// The indicator id of the figure.
        public var indicator: String
        /// The indicator's name; its id when the dataset has no metadata for it.
        public var name: String
        /// The latest headline value for the place.
        public var value: Double
        /// The indicator's unit (e.g. `%`, `count`); empty when unknown.
        public var unit: String
        /// The period of the value, as the source writes it.
        public var period: String
        /// The taxonomy's reason the indicator gives the size of the group.
        public var reason: String
    }
}

extension NeedsAnalysis {
    /// Places each gap: ward codes or names are matched to the borough's wards (an unknown one is an error
    /// naming the plan's line); borough-wide gaps sit on the borough.
    /// - Throws: `ToolkitError` at the plan's file, line and column for a place that is neither a ward nor the borough.
    public func equalityNeeds(_ gaps: [EqualityGap]) throws -> [EqualityNeed] {
        try gaps.map { gap in
            let places =
                try gap.isBoroughWide
                ? [borough]
                : gap.places.map { place -> Area in
                    if let ward = ward(named: place) { return ward }
                    if place.caseInsensitiveCompare(borough.name) == .orderedSame || place == borough.code {
                        return borough
                    }
                    throw ToolkitError(
                        file: gap.file, line: gap.line, column: gap.placesColumn,
                        wardProblem(place) + " (in the action plan)")
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
