/// How much of the CPV vocabulary reaches a reviewed subject finer than its division, for the divisions councils buy
/// in (`taxonomy/coverage_divisions.csv`): a code is covered when the rule filing it has a prefix of three digits or
/// more and names a subject that is not a division's catch-all.
public struct SubjectCoverage: Sendable {
    /// One division's count of codes and of codes covered.
    public struct Division: Sendable {
        /// The two digits, e.g. `45`.
        public var division: String
        /// The division's CPV description.
        public var name: String
        /// The codes of the vocabulary in the division.
        public var codes: Int
        /// The codes that reach a subject finer than the division.
        public var covered: Int
        /// The codes filed only under a division-level rule or a catch-all, at most five, to review next.
        public var examplesNotCovered: [String]
    }

    /// The divisions, in the file's order.
    public let divisions: [Division]

    /// The share of all the divisions' codes covered, 0 to 1.
    public var share: Double {
        let codes = divisions.map(\.codes).reduce(0, +)
        return codes == 0 ? 0 : Double(divisions.map(\.covered).reduce(0, +)) / Double(codes)
    }

    /// Counts, for each division of the list, the vocabulary's codes and those covered.
    ///
    /// - Complexity: O(*c* × *r*) for *c* codes and *r* CPV subject rules.
    public init(catalogue: Catalogue) {
        let taxonomy = catalogue.taxonomy
        let byDivision = Dictionary(grouping: catalogue.cpv.codes.values) { String($0.code.prefix(2)) }
        divisions = taxonomy.coverageDivisions.map { division in
            let codes = (byDivision[division] ?? []).sorted { $0.code < $1.code }
            let missed = codes.filter { code in
                guard let found = taxonomy.subject(for: code) else { return true }
                return found.rule.prefix.count < 3 || found.subject.fallback
            }
            let name = catalogue.cpv.codes[division + "000000"]?.description ?? ""
            return Division(
                division: division, name: name, codes: codes.count, covered: codes.count - missed.count,
                examplesNotCovered: missed.prefix(5).map { "\($0.full) \($0.description)" })
        }
    }
}
