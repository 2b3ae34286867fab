import Core

/// What the toolkit knows of each kind of file it reads: what it is, who publishes it, under which licence and
/// with which attribution (`policy/sources.csv`), and its editions, which of them a newer one supersedes and when a
/// period is old enough to have been superseded (`policy/editions.csv`).
public struct PublishedSources: Sendable {
    /// Who publishes a kind of file, and on what terms.
    public struct Publisher: Codable, Sendable, Equatable {
        /// What such a file holds, in a commissioner's words.
        public var what: String
        /// The publisher's name.
        public var publisher: String
        /// The licence the figures are published under.
        public var licence: String
        /// The attribution the licence asks for; empty when none is (the council's own file).
        public var attribution: String
        /// Where to download it; empty for a local file.
        public var url: String
    }

    /// An edition of a kind of file.
    public struct Edition: Sendable {
        /// The edition, as the figures' period (`2019`), or `*` for a rule about any period.
        public var edition: String
        /// When it was published (`2025-10-30`), where known.
        public var published: String
        /// The edition that supersedes it, if any.
        var supersededBy: String?
        /// For `*`: a latest period more than this many years old has probably been superseded.
        var staleAfterYears: Int?
        /// The number of areas the edition ranks (33,755 LSOAs for IoD2025), where it ranks areas.
        public var rankedAreas: Int?
    }

    private let publishers: [String: Publisher]
    private let editions: [String: [Edition]]

    /// Nothing known: every file is reported as read, without publisher or warnings.
    public init() {
        publishers = [:]
        editions = [:]
    }

    /// Reads the two files of a policy folder.
    /// - Throws: `ToolkitError` at the file, line and column of a missing column, an empty format, description,
    ///   publisher or licence, or a number of years or of ranked areas that is not a whole number above 0.
    public init(folder: String) throws {
        var publishers: [String: Publisher] = [:]
        try DataTable(
            path: folder + "/sources.csv", required: ["format", "what", "publisher", "licence", "attribution", "url"]
        ).forEachRow { row in
            publishers[try row.required("format")] = Publisher(
                what: try row.required("what"), publisher: try row.required("publisher"),
                licence: try row.required("licence"), attribution: row["attribution"], url: row["url"])
        }
        var editions: [String: [Edition]] = [:]
        try DataTable(
            path: folder + "/editions.csv",
            required: [
                "format", "edition", "published", "superseded_by", "stale_after_years", "ranked_areas", "source",
            ]
        ).forEachRow { row in
            let years = row["stale_after_years"]
            guard years.isEmpty || (Int(years) ?? 0) > 0 else {
                throw row.error(
                    "stale_after_years", "\(years): give a whole number of years above 0, or leave it empty")
            }
            let ranked = row["ranked_areas"]
            guard ranked.isEmpty || (Int(ranked) ?? 0) > 0 else {
                throw row.error("ranked_areas", "\(ranked): give a whole number of areas above 0, or leave it empty")
            }
            editions[try row.required("format"), default: []].append(
                Edition(
                    edition: try row.required("edition"), published: row["published"],
                    supersededBy: row["superseded_by"].isEmpty ? nil : row["superseded_by"],
                    staleAfterYears: Int(years), rankedAreas: Int(ranked)))
        }
        self.publishers = publishers
        self.editions = editions
    }

    /// Who publishes a kind of file (a loader's format), where known.
    public func publisher(of format: String) -> Publisher? { publishers[format] }

    /// Each edition of a kind of file that ranks areas → how many it ranks (`2025` → 33,755 for IoD2025's LSOAs).
    public func rankedAreas(of format: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for edition in editions[format] ?? [] { counts[edition.edition] = edition.rankedAreas }
        return counts
    }

    /// The edition of a kind of file that a period is, where the period is a known edition (`2019` of the IoD).
    public func edition(_ period: String, of format: String) -> Edition? {
        editions[format]?.first { $0.edition == period }
    }

    /// What a reader should know about a file's editions: each period that is an edition a newer one supersedes
    /// (saying whether the newer is among the files read), and a latest period older than the kind's rule allows.
    /// - Parameters:
    ///   - periods: the periods of the file's figures.
    ///   - present: the editions of the same kind among every file read.
    ///   - year: this year, to judge a period's age.
    public func warnings(format: String, periods: [String], present: Set<String>, year: Int) -> [String] {
        var warnings: [String] = []
        for period in Set(periods).sorted() {
            guard let edition = edition(period, of: format), let newer = edition.supersededBy else { continue }
            let published = self.edition(newer, of: format).map { " (published \($0.published))" } ?? ""
            warnings.append(
                "edition \(period) is superseded by \(newer)\(published): "
                    + (present.contains(newer)
                        ? "\(newer) is among the files and drives need; \(period) is kept to show the change"
                        : "download \(newer) and give it with this file"))
        }
        let rule = editions[format]?.first { $0.edition == "*" }
        if let years = rule?.staleAfterYears, let latest = periods.compactMap(Self.lastYear).max(),
            latest < year - years
        {
            warnings.append(
                "the latest period ends in \(latest), more than \(years) years ago: newer figures have probably "
                    + "been published")
        }
        return warnings
    }

    /// The year a period ends in: `2017` for `2017`, `2017/18` → 2018, `2015 - 17` → 2017; `nil` without a year.
    static func lastYear(_ period: String) -> Int? {
        let digits = period.split { !$0.isNumber }.map(String.init)
        guard let first = digits.firstIndex(where: { $0.count == 4 }), let year = Int(digits[first]) else {
            return nil
        }
        guard first + 1 < digits.count, let end = Int(digits[first + 1]) else { return year }
        switch digits[first + 1].count {
        case 2: return year / 100 * 100 + end
        case 4: return end
        default: return year
        }
    }
}
