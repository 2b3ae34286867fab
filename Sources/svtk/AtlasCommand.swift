import ArgumentParser
import CSV
import Catalogue
import Core
import Evidence
import Formatting
import Foundation
import Geography
import Loaders
import NeedsAnalysis
import Reports

struct AtlasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atlas",
        abstract: "Ward need profiles of every authority in national files, in one run.",
        discussion: """
            Reads national files once (IoD by LSOA, Census 2021 LSOA tables, ONS lookups, …), rolls deprivation and \
            census figures up to the wards of every authority, and writes each ward's need score and level by domain, \
            with its authority, so boroughs can be compared and a region can see every ward at once. Figures are \
            analysed at ward level and above (LSOA figures feed the roll-ups). A progress line shows on a terminal.

            Examples:
              svtk atlas --data Datasets/demo/*.csv
              svtk atlas --data Datasets/demo/*.csv --format json > atlas.json
            """)

    @Option(
        name: .customLong("data"), parsing: .upToNextOption,
        help: ArgumentHelp("Data files of any supported format, ONS lookups included.", valueName: "file"))
    var dataFiles: [String] = []

    @Option(help: "Output format: csv or json.")
    var format: RowFormat = .csv

    @OptionGroup var unofficial: UnofficialOption

    @OptionGroup var catalogueOptions: CatalogueOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if dataFiles.isEmpty {
            throw ValidationError("give the data with --data FILE... (e.g. --data Datasets/demo/*.csv)")
        }
    }

    /// One ward's score on one domain.
    struct Row: Codable {
        var authorityCode: String, authority: String, wardCode: String, ward: String
        var domain: String, score: Double?, localScore: Double?, nationalScore: Double?, level: NeedLevel,
            indicators: Int
    }

    func run() throws {
        let (analysis, authorities) = try nationalAnalysis(try catalogueOptions.load())
        let writer = Writer(format: format)
        let unscored = try write(analysis, authorities, to: writer)
        try writer.finish()
        if !unscored.isEmpty && !input.quiet { printError(Self.leftOut(unscored)) }
    }

    /// Writes every authority's ward scores in order, each authority's wards profiled on any processor, a few
    /// authorities ahead; returns the authorities none of whose wards has a score (nothing is written for them).
    private func write(_ analysis: NeedsAnalysis, _ authorities: [Area], to writer: Writer) throws -> [String] {
        let progress = input.quiet ? nil : Progress.counter(total: authorities.count)
        let shared = SharedAnalysis(analysis: analysis, wards: NeedsAnalysis.wardsByAuthority(in: analysis.dataset))
        var unscored: [String] = []
        try WorkAhead(count: authorities.count) { index in
            Self.rows(of: shared.analysis.scoped(to: authorities[index], wards: shared.wards))
        }
        .forEach { number, rows in
            progress?(number + 1, authorities[number].name)
            if let rows { try writer.write(rows) } else { unscored.append(authorities[number].name) }
        }
        return unscored
    }

    /// `note: 3 authorities of the lookups have no figures for their wards and are left out (e.g. …)`.
    static func leftOut(_ unscored: [String]) -> String {
        "note: \(unscored.count) authorities of the lookups have no figures for their wards and are left out "
            + "(e.g. \(unscored.prefix(3).joined(separator: ", ")))"
    }

    /// Every authority's data read at once, analysed from the wards up, and the authorities that have wards.
    /// - Throws: `ToolkitError` for a file that cannot be read, or when the data have no wards.
    private func nationalAnalysis(_ catalogue: Catalogue) throws -> (NeedsAnalysis, [Area]) {
        let built = try DatasetBuilder(
            files: dataFiles.filter { !EqualityActionPlanLoader.isActionPlan($0) }, everyAuthority: true,
            keepingFrom: .ward,
            reading: unofficial.reading(catalogue), options: input.readingOptions(for:))
        for warning in built.warnings { printError("note: \(warning)") }
        if !input.quiet { for note in built.notes { printError("note: \(note)") } }
        let authorities = NeedsAnalysis.authoritiesWithWards(in: built.dataset)
        guard let first = authorities.first else {
            throw ToolkitError(setting: "data", "no wards in the data: give an ONS lookup with ward codes")
        }
        let analysis = try NeedsAnalysis(
            dataset: built.dataset, taxonomy: catalogue.taxonomy, bands: catalogue.needBands,
            borough: first.code, from: .ward)
        return (analysis, authorities)
    }

    /// The national analysis and every authority's wards, only read while authorities are profiled on several
    /// threads (each profiles its own ``NeedsAnalysis/scoped(to:wards:)`` copy, with its own profiles).
    private struct SharedAnalysis: @unchecked Sendable {
        let analysis: NeedsAnalysis
        let wards: [String: [Area]]
    }

    /// One authority's ward scores by domain; nil when none of its wards has a score.
    private static func rows(of authority: NeedsAnalysis) -> [Row]? {
        let profiles = authority.wards.map { authority.profile(for: $0.code) }
        guard profiles.contains(where: { !$0.scored.isEmpty }) else { return nil }
        return profiles.flatMap { rows($0, authority: authority.borough) }
    }

    private static func rows(_ profile: NeedProfile, authority: Area) -> [Row] {
        profile.domains.sorted { $0.domain.id < $1.domain.id }.map { domain in
            Row(
                authorityCode: authority.code, authority: authority.name, wardCode: profile.area.code,
                ward: profile.area.name, domain: domain.domain.id, score: domain.score, localScore: domain.localScore,
                nationalScore: domain.nationalScore, level: domain.level, indicators: domain.evidence.count)
        }
    }

    /// Streams rows to standard output as CSV, or as one JSON array.
    final class Writer {
        private let csv: CSVWriter
        private let format: RowFormat
        private var first = true
        private let encoder = JSONOutput.encoder(pretty: false)

        init(format: RowFormat) {
            self.format = format
            csv = CSVWriter.standardOutput()
            if format == .csv {
                csv.write([
                    "authority_code", "authority", "ward_code", "ward", "domain", "score", "local_score",
                    "national_score", "level", "indicators",
                ])
            } else {
                csv.writeRaw("[")
            }
        }

        func write(_ rows: [Row]) throws {
            for row in rows {
                if format == .csv {
                    csv.write([
                        row.authorityCode, row.authority, row.wardCode, row.ward, row.domain,
                        row.score.written(.preciseScore), row.localScore.written(.preciseScore),
                        row.nationalScore.written(.preciseScore), row.level.rawValue, String(row.indicators),
                    ])
                } else {
                    csv.writeRaw((first ? "\n" : ",\n") + String(decoding: try encoder.encode(row), as: UTF8.self))
                    first = false
                }
            }
        }

        func finish() throws {
            if format == .json { csv.writeRaw("\n]\n") }
            csv.flush()
        }
    }
}
