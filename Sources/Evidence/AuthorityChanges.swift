/// Local authorities replaced by others (the 2023 reorganisations: Cumbria's six districts into Cumberland and
/// Westmorland and Furness, North Yorkshire's seven and Somerset's four each into one unitary authority), so
/// that lookups published before a change place their wards and small areas in today's authority
/// (`geography/authority_changes.csv`).
public struct AuthorityChanges: Sendable {
    /// One authority's replacement.
    public struct Change: Sendable, Equatable {
        /// The authority that was replaced (`E07000028`, Carlisle).
        public var predecessor: Area
        /// The authority that replaced it (`E06000063`, Cumberland).
        public var successor: Area
        /// The day the successor took over, as published (`2023-04-01`).
        public var since: String

        /// A replacement of one authority by another on a day.
        public init(predecessor: Area, successor: Area, since: String) {
            self.predecessor = predecessor
            self.successor = successor
            self.since = since
        }

        /// `Carlisle (E07000028) became part of Cumberland (E06000063) on 2023-04-01`.
        public var description: String {
            "\(predecessor.name) (\(predecessor.code)) became part of \(successor.name) (\(successor.code)) on \(since)"
        }
    }

    private let byPredecessor: [String: Change]

    /// The changes, each predecessor once.
    public init(_ changes: [Change] = []) {
        byPredecessor = Dictionary(changes.map { ($0.predecessor.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// True when no authority has been replaced.
    public var isEmpty: Bool { byPredecessor.isEmpty }

    /// Every change, by predecessor code.
    public var all: [Change] { byPredecessor.values.sorted { $0.predecessor.code < $1.predecessor.code } }

    /// The change that replaced the authority with this code, if any.
    public func change(of code: String) -> Change? { byPredecessor[code] }

    /// The change that replaced an authority named by its code or name (ignoring case), if any.
    public func change(named wanted: String) -> Change? {
        let wanted = wanted.lowercased()
        return all.first { $0.predecessor.code.lowercased() == wanted || $0.predecessor.name.lowercased() == wanted }
    }

    /// Puts one lookup row's areas in today's authorities: a replaced authority's code and name become its
    /// successor's, and the row's counties are emptied (each successor is a unitary authority, in no county).
    /// `codes` and `names` are the row's code cells and their names, in the same order.
    ///
    /// - Complexity: O(*n*) in the row's code cells, one hash lookup each.
    public func update(codes: inout [String], names: inout [String?]) {
        var replaced = false
        for i in codes.indices {
            guard let change = byPredecessor[codes[i]] else { continue }
            codes[i] = change.successor.code
            if names[i] != nil { names[i] = change.successor.name }
            replaced = true
        }
        guard replaced else { return }
        for i in codes.indices where AreaLevel(code: codes[i]) == .county {
            codes[i] = ""
            names[i] = names[i] == nil ? nil : ""
        }
    }
}
