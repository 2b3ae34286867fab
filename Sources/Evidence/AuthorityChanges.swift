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
    private let bySuccessor: [String: String]

    /// The changes, each predecessor once.
    public init(_ changes: [Change] = []) {
        byPredecessor = Dictionary(changes.map { ($0.predecessor.code, $0) }, uniquingKeysWith: { first, _ in first })
        bySuccessor = Dictionary(
            changes.map { ($0.successor.code, $0.successor.name) }, uniquingKeysWith: { a, _ in a })
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

    /// True when an area code is a replaced authority's.
    ///
    /// - Complexity: O(1).
    public func isReplaced(_ code: String) -> Bool { byPredecessor[code] != nil }

    /// The name of today's authority with this code, when it replaced others (`Cumberland` for `E06000063`).
    public func successorName(_ code: String) -> String? { bySuccessor[code] }

    /// Puts one lookup row's codes in today's authorities: a replaced authority's code becomes its successor's,
    /// and the row's counties are emptied (each successor is a unitary authority, in no county). Returns true when
    /// a code was replaced (the row's names are then the successors', ``successorName(_:)``).
    ///
    /// - Complexity: O(*n*) in the row's code cells, one hash lookup each.
    @discardableResult
    public func update(codes: inout [String]) -> Bool {
        var replaced = false
        for i in codes.indices {
            guard let change = byPredecessor[codes[i]] else { continue }
            codes[i] = change.successor.code
            replaced = true
        }
        guard replaced else { return false }
        for i in codes.indices where AreaLevel(code: codes[i]) == .county { codes[i] = "" }
        return true
    }
}
