import Formatting
import Foundation

/// Where a report came from: when it was made, by which toolkit, from which files (the ``SourceRegister``: what
/// each is, its publisher and licence, the periods and areas its figures cover, its size and SHA-256, and warnings
/// where an edition is superseded), with which catalogue and policy, and the price year of its money values.
/// Shown on every page and in every file written beside it.
public struct Provenance: Codable, Sendable {
    /// When, as `2026-11-27 07:30 UTC`.
    public var generated: String
    /// The toolkit and its version (`svtk 0.11.0 (commit 1a2b3c4)`).
    public var toolkit: String
    /// Every input file (data, action plan, boundaries, contract), in the order given.
    public var files: [SourceRegister.Entry]
    /// Catalogue part → the folder it was read from (`catalogues`, `taxonomy`, `cpv`, `policy`).
    public var catalogue: [String: String]
    /// The price year of money values (`2024-25 prices`).
    public var prices: String

    /// A provenance from its parts, as they are shown.
    public init(
        generated: String, toolkit: String, files: [SourceRegister.Entry], catalogue: [String: String],
        prices: String
    ) {
        self.generated = generated
        self.toolkit = toolkit
        self.files = files
        self.catalogue = catalogue
        self.prices = prices
    }

    /// One line for the top or foot of a page.
    public var line: String { "Made \(generated) by \(toolkit) from \(files.count) input file(s); money in \(prices)." }

    /// The provenance as a table for the CSV and Excel files: what, and its value.
    public var table: Table {
        let header = [
            "item", "value", "what", "publisher", "licence", "periods", "covers", "size_bytes", "sha256", "warnings",
        ]
        func item(_ name: String, _ value: String) -> [String] {
            [name, value] + Array(repeating: "", count: header.count - 2)
        }
        return Table(
            "provenance", header,
            [item("generated", generated), item("toolkit", toolkit), item("prices", prices)]
                + files.map { f in
                    [
                        "file", f.path, f.what, f.publisher?.publisher ?? "", f.publisher?.licence ?? "", f.periods,
                        f.coverage, String(f.bytes), f.sha256, f.warnings.joined(separator: "; "),
                    ]
                }
                + catalogue.keys.sorted().map { item("catalogue: \($0)", catalogue[$0]!) }
                + register.attributions.map { item("attribution", $0) }
        )
    }

    /// The input files as a register.
    var register: SourceRegister { SourceRegister(entries: files) }

    /// The section of a page.
    public var html: String {
        "<p>\(HTML.escape(line))</p>\n" + register.html
            + HTML.table(
                caption: "Catalogue and policy", header: ["Part", "Read from"],
                rows: catalogue.keys.sorted().map { [$0, catalogue[$0]!] })
    }

    /// The section as Markdown lines.
    var markdown: [String] {
        [
            "## Provenance", "", line, "",
            "| File | What | Publisher and licence | Periods | Covers | SHA-256 | Warnings |",
            "|---|---|---|---|---|---|---|",
        ]
            + files.map { f in
                "| "
                    + [f.path, f.what, f.terms, f.periods, f.coverage, f.sha256, f.warnings.joined(separator: "; ")]
                    .joined(separator: " | ") + " |"
            }
            + ["", "| Part | Read from |", "|---|---|"]
            + catalogue.keys.sorted().map { "| \($0) | \(catalogue[$0]!) |" }
            + (register.attributions.isEmpty ? [] : ["", "Attribution:", ""] + register.attributions.map { "- \($0)" })
    }
}
