import Formatting
import Foundation

/// Where a report came from: when it was made, by which toolkit, from which files (with their sizes,
/// SHA-256 checksums and the periods their figures cover), with which catalogue and policy, and the price year
/// of its money values. Shown on every page and in every file written beside it.
public struct Provenance: Codable, Sendable {
    /// One input file.
    public struct File: Codable, Sendable {
        /// The file's path as given.
        public var path: String
        /// The file's size in bytes.
        public var bytes: Int64
        /// The SHA-256 checksum of the file's contents, in hexadecimal.
        public var sha256: String
        /// The periods its figures cover (`2015 to 2024`), or what the file is (`lookup`).
        public var periods: String

        /// An input file with its size, checksum and periods.
        public init(path: String, bytes: Int64, sha256: String, periods: String) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
            self.periods = periods
        }
    }

    /// When, as `2026-11-27 07:30 UTC`.
    public var generated: String
    /// The toolkit and its version (`svtk 0.11.0 (commit 1a2b3c4)`).
    public var toolkit: String
    /// Every input file (data, action plan, boundaries, contract), in the order given.
    public var files: [File]
    /// Catalogue part → the folder it was read from (`catalogues`, `taxonomy`, `cpv`, `policy`).
    public var catalogue: [String: String]
    /// The price year of money values (`2024-25 prices`).
    public var prices: String

    /// A provenance from its parts, as they are shown.
    public init(generated: String, toolkit: String, files: [File], catalogue: [String: String], prices: String) {
        self.generated = generated
        self.toolkit = toolkit
        self.files = files
        self.catalogue = catalogue
        self.prices = prices
    }

    /// One line for the top or foot of a page.
    public var line: String { "Made \(generated) by \(toolkit) from \(files.count) input file(s); money in \(prices)." }

    /// The rows of the file table: file, size, periods, SHA-256.
    var fileRows: [[String]] {
        files.map { [$0.path, "\(Double($0.bytes).written(.whole)) bytes", $0.periods, $0.sha256] }
    }

    /// The provenance as a table for the CSV and Excel files: what, and its value.
    public var table: (name: String, header: [String], rows: [[String]]) {
        (
            "provenance", ["item", "value", "size_bytes", "periods", "sha256"],
            [["generated", generated, "", "", ""], ["toolkit", toolkit, "", "", ""], ["prices", prices, "", "", ""]]
                + files.map { ["file", $0.path, String($0.bytes), $0.periods, $0.sha256] }
                + catalogue.keys.sorted().map { ["catalogue: \($0)", catalogue[$0]!, "", "", ""] }
        )
    }

    /// The section of a page.
    var html: String {
        "<p>\(HTML.escape(line))</p>\n"
            + HTML.table(
                caption: "Data files", header: ["File", "Size", "Periods", "SHA-256"], rows: fileRows, numeric: [1])
            + HTML.table(
                caption: "Catalogue and policy", header: ["Part", "Read from"],
                rows: catalogue.keys.sorted().map { [$0, catalogue[$0]!] })
    }

    /// The section as Markdown lines.
    var markdown: [String] {
        ["## Provenance", "", line, "", "| File | Size | Periods | SHA-256 |", "|---|---|---|---|"]
            + fileRows.map { "| " + $0.joined(separator: " | ") + " |" }
            + ["", "| Part | Read from |", "|---|---|"]
            + catalogue.keys.sorted().map { "| \($0) | \(catalogue[$0]!) |" }
    }
}
