import Evidence
import Formatting

/// How each ward's deprivation moved between two editions of the Indices of Deprivation (IoD2019 and IoD2025):
/// its population-weighted average decile in each, for the index and every domain.
///
/// MHCLG's caution applies: ranks and deciles are relative (a ward can move because others did) and the newer
/// edition changed its data, methods and LSOAs, so a move is a change of position, not a measured change.
public struct EditionChange: Sendable {
    /// A ward's average decile on one domain in both editions.
    public struct Move: Sendable, Equatable {
        /// The ward's code.
        public var ward: String
        /// The domain's id (`index-of-multiple-deprivation`, `income`, …).
        public var domain: String
        /// The domain's name as the files give it.
        public var domainName: String
        /// The average decile in the older edition (1 = most deprived).
        public var from: Double
        /// The average decile in the newer edition.
        public var to: Double
        /// The change in average decile: positive is relatively less deprived.
        public var change: Double { to - from }
    }

    /// The older edition (`2019`).
    public let older: String
    /// The newer edition (`2025`), the one that drives need.
    public let newer: String
    /// Every ward's moves, by ward code and then domain id.
    public let moves: [Move]

    /// The moves between the oldest and newest editions of the ward deciles in `data`; `nil` with fewer than two
    /// editions.
    ///
    /// - Complexity: O(*n*) in the number of figures.
    public init?(_ data: Dataset) {
        var deciles: [String: [String: [String: Double]]] = [:]  // edition → domain → ward → decile
        var names: [String: String] = [:]
        var domains: [String: String?] = [:]  // indicator id → its domain when a ward's average decile
        let table = data.observations
        for position in table.indices {
            let id = table.indicatorID(at: position)
            if domains[id] == nil {
                let parts = id.split(separator: ":")
                domains[id] =
                    parts.count == 3 && parts[0] == "iod-ward" && parts[2] == "average-decile"
                    ? String(parts[1]) : .some(nil)
            }
            guard let domain = domains[id]!, let value = table.value(at: position) else { continue }
            deciles[table.period(at: position), default: [:]][domain, default: [:]][table.areaCode(at: position)] =
                value
            if names[domain] == nil {
                names[domain] = data.indicators[id].map { String($0.name.split(separator: ":")[0]) } ?? domain
            }
        }
        let editions = deciles.keys.sorted()
        guard editions.count >= 2, let older = editions.first, let newer = editions.last else { return nil }
        self.older = older
        self.newer = newer
        var moves: [Move] = []
        for (domain, wards) in deciles[newer]! {
            for (ward, to) in wards {
                guard let from = deciles[older]![domain]?[ward] else { continue }
                moves.append(Move(ward: ward, domain: domain, domainName: names[domain]!, from: from, to: to))
            }
        }
        self.moves = moves.sorted { ($0.ward, $0.domain) < ($1.ward, $1.domain) }
    }

    /// MHCLG's caution, for whoever reads the moves.
    public var caution: String {
        "A move is a change of position among England's neighbourhoods, not a measured change: ranks are relative, "
            + "and IoD\(newer) changed its data, methods and LSOAs (MHCLG). IoD\(newer) is the edition that "
            + "drives need."
    }

    /// A ward's moves, the overall index first, then the domains by id.
    public func moves(of ward: String) -> [Move] {
        moves.filter { $0.ward == ward }.sorted {
            ($0.domain == DeprivationRollUp.multipleDeprivation ? 0 : 1, $0.domain)
                < ($1.domain == DeprivationRollUp.multipleDeprivation ? 0 : 1, $1.domain)
        }
    }

    /// The ward's move on a domain (the overall index by default), if both editions have it.
    public func move(of ward: String, domain: String = DeprivationRollUp.multipleDeprivation) -> Move? {
        moves.first { $0.ward == ward && $0.domain == domain }
    }

    /// A move in words: `moved from the most deprived 10% (IoD2019 average decile 1.4) to the 10–20% (IoD2025,
    /// 2.1)`, or `stayed in …` when the rounded decile is the same.
    public func sentence(_ move: Move) -> String {
        let (from, to) = (Self.band(move.from), Self.band(move.to))
        let figures =
            "IoD\(older) average decile \(move.from.written(.shortScore)), "
            + "IoD\(newer) \(move.to.written(.shortScore))"
        return from == to ? "stayed in \(to) (\(figures))" : "moved from \(from) to \(to) (\(figures))"
    }

    /// The national tenth an average decile rounds to: `the most deprived 10%`, `the 10–20% most deprived`, …,
    /// `the least deprived 10%`.
    public static func band(_ decile: Double) -> String {
        let tenth = min(10, max(1, Int(decile.rounded())))
        switch tenth {
        case 1: return "the most deprived 10%"
        case 10: return "the least deprived 10%"
        default: return "the \((tenth - 1) * 10)–\(tenth * 10)% most deprived"
        }
    }

    /// The moves as ward figures, `iod-ward:<domain>:average-decile-change` in the newer edition's period, for
    /// tables and files.
    public func dataset() throws -> Dataset {
        let out = Dataset()
        for domain in Set(moves.map(\.domain)).sorted() {
            let name = moves.first { $0.domain == domain }!.domainName
            out.add(
                Indicator(
                    id: "iod-ward:\(domain):average-decile-change",
                    name: "\(name): change in average decile since IoD\(older) (positive = relatively less deprived; "
                        + "ranks are relative and methods changed)",
                    unit: "decile", polarity: .higherIsBetter, source: "MHCLG IoD\(older) and IoD\(newer)"))
        }
        for move in moves {
            try out.add(
                Observation(
                    indicator: "iod-ward:\(move.domain):average-decile-change", area: move.ward, period: newer,
                    value: move.change, source: DeprivationRollUp.source))
        }
        return out
    }
}
