import CSV
import Catalogue
import Core
import Evidence
import Formatting
import Foundation

/// What an answer rests on: every file read, with what it is, its publisher, edition and periods, the areas it
/// covers, its licence and attribution, its size and SHA-256, and a warning where an edition it holds is superseded
/// by one the toolkit knows of, or its latest period is old enough to have been.
public struct SourceRegister: Codable, Sendable {
    /// One file read.
    public struct Entry: Codable, Sendable {
        /// The file's path as given.
        public var path: String
        /// What kind of file it was read as (a loader's format).
        public var format: String
        /// Its publisher, licence and attribution, where the toolkit knows the kind of file.
        public var publisher: PublishedSources.Publisher?
        /// The periods its figures cover (`2025`, `2015 to 2024`), or `—` for a lookup.
        public var periods: String
        /// The areas it covers, by kind (`1 local authority, 25 wards, 170 LSOAs`).
        public var coverage: String
        /// Its size in bytes.
        public var bytes: Int64
        /// The SHA-256 checksum of its contents, in hexadecimal.
        public var sha256: String
        /// Superseded editions and old periods.
        public var warnings: [String]

        /// An entry from its parts, as they are shown.
        public init(
            path: String, format: String, publisher: PublishedSources.Publisher? = nil, periods: String,
            coverage: String = "", bytes: Int64, sha256: String, warnings: [String] = []
        ) {
            self.path = path
            self.format = format
            self.publisher = publisher
            self.periods = periods
            self.coverage = coverage
            self.bytes = bytes
            self.sha256 = sha256
            self.warnings = warnings
        }

        /// What the file is: its publisher's description of the kind, else the loader's format.
        public var what: String { publisher?.what ?? format }

        /// Who publishes it and under which licence, or that the toolkit does not know.
        public var terms: String { publisher.map { "\($0.publisher); \($0.licence)" } ?? "not known to the toolkit" }
    }

    /// The kind of a ward boundaries file, as the register names it.
    public static let boundaries = "ward boundaries (GeoJSON)"
    /// The kind of a contract profile, as the register names it.
    public static let contract = "contract profile"

    /// What reading one file gave: its kind, the periods of its figures and the areas it holds by kind.
    public struct Read: Sendable {
        /// The file's path as given.
        public var path: String
        /// The loader's format.
        public var format: String
        /// The periods of its figures.
        public var periods: Set<String>
        /// How many areas of each kind it holds.
        public var areas: [AreaLevel: Int]
        /// What else a reader should know of it (a third party's aggregate, left out of analyses).
        public var notes: [String]

        /// What one file gave.
        public init(
            path: String, format: String, periods: Set<String>, areas: [AreaLevel: Int], notes: [String] = []
        ) {
            self.path = path
            self.format = format
            self.periods = periods
            self.areas = areas
            self.notes = notes
        }
    }

    /// Every file, in the order read.
    public var entries: [Entry]

    /// A register of entries already described.
    public init(entries: [Entry]) { self.entries = entries }

    /// The register of the files read, their kinds described by `known`.
    /// - Parameter year: this year, to judge whether a latest period is old.
    /// - Throws: `ToolkitError` naming a file that cannot be read for its checksum.
    public init(_ reads: [Read], known: PublishedSources, year: Int) throws {
        var present: [String: Set<String>] = [:]  // format → the periods among its files
        for read in reads { present[read.format, default: []].formUnion(read.periods) }
        let paths = reads.map(\.path)
        var checksums: [String] = []
        try WorkAhead(count: paths.count) { try SHA256.hex(ofFile: paths[$0]) }.forEach { checksums.append($1) }
        entries = zip(reads, checksums).map { read, checksum in
            var info = stat()
            return Entry(
                path: read.path, format: read.format, publisher: known.publisher(of: read.format),
                periods: Self.span(read.periods), coverage: Self.coverage(read.areas),
                bytes: stat(read.path, &info) == 0 ? Int64(info.st_size) : 0,
                sha256: checksum,
                warnings: read.notes
                    + known.warnings(
                        format: read.format, periods: Array(read.periods), present: present[read.format] ?? [],
                        year: year))
        }
    }

    /// The periods as a span: `2025`, `2015 to 2024`, or `—` when the file has none (a lookup).
    static func span(_ periods: Set<String>) -> String {
        guard let first = periods.min(), let last = periods.max() else { return "—" }
        return first == last ? first : "\(first) to \(last)"
    }

    /// The areas by kind, largest kind first: `1 local authority, 25 wards, 170 LSOAs`; `—` for none.
    static func coverage(_ areas: [AreaLevel: Int]) -> String {
        let parts = AreaLevel.allCases.reversed().compactMap { level -> String? in
            guard let count = areas[level], count > 0 else { return nil }
            let name = count == 1 && level != .unknown ? level.rawValue : level.plural
            return "\(Double(count).written(.whole)) \(name)"
        }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }

    /// The attribution lines the licences ask for, each once, in the order of the files.
    var attributions: [String] {
        var seen: Set<String> = []
        return entries.compactMap(\.publisher?.attribution).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// How many files carry a warning.
    public var warned: Int { entries.filter { !$0.warnings.isEmpty }.count }

    /// The register for a terminal: a block per file, then the attribution lines.
    public var text: String {
        var lines: [String] = []
        for entry in entries {
            lines.append(entry.path)
            lines.append("  what       \(entry.what) (\(entry.format))")
            if let publisher = entry.publisher {
                lines.append(
                    "  publisher  \(publisher.publisher)" + (publisher.url.isEmpty ? "" : ", \(publisher.url)"))
                lines.append("  licence    \(publisher.licence)")
            } else {
                lines.append("  publisher  not known to the toolkit (policy/sources.csv): check its terms of use")
            }
            lines.append("  periods    \(entry.periods)")
            lines.append("  covers     \(entry.coverage)")
            lines.append("  size       \(Double(entry.bytes).written(.whole)) bytes, SHA-256 \(entry.sha256)")
            lines += entry.warnings.map { "  WARNING    \($0)" }
        }
        lines.append("")
        lines.append("Attribution:")
        lines += attributions.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }

    /// The register as a table of a page, then the attribution lines.
    var html: String {
        HTML.table(
            caption: "Data files: what each is, its publisher and licence, the periods and areas it covers",
            header: ["File", "What", "Publisher and licence", "Periods", "Covers", "Size", "SHA-256", "Warnings"],
            rows: entries.map { e in
                [
                    e.path, e.what, e.terms, e.periods, e.coverage, "\(Double(e.bytes).written(.whole)) bytes",
                    e.sha256, e.warnings.joined(separator: "; "),
                ]
            }, numeric: [5])
            + (attributions.isEmpty
                ? ""
                : "<p class=\"attribution\">" + attributions.map(HTML.escape).joined(separator: "<br>") + "</p>\n")
    }
}
