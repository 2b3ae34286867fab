import ArgumentParser
import CSV
import Core
import Foundation
import Geography

struct WardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wards",
        abstract: "List a borough's wards (codes and names) from the ONS lookups, or the authorities they cover.",
        discussion: """
            The lookups among the files give the wards (the newest ward vintage they hold) and each authority's ward \
            count; other files are left unread. Use a ward's name or code in a contract's "areas" or with --areas.

            Examples:
              svtk wards --data Datasets/demo/*.csv
              svtk wards --data Datasets/demo/*.csv --authority Rotherham --format csv
            """)

    @Option(
        name: .customLong("data"), parsing: .upToNextOption,
        help: ArgumentHelp("Data files; the ONS lookups among them are read.", valueName: "file"))
    var dataFiles: [String] = []

    @Option(
        help: ArgumentHelp(
            "The authority or shire county whose wards to list (code or name); without it, the authorities and "
                + "shire counties.",
            valueName: "code|name"))
    var authority: String?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var catalogueOptions: CatalogueOptions

    func validate() throws {
        if dataFiles.isEmpty {
            throw ValidationError("give the lookups with --data FILE... (e.g. --data Datasets/demo/*.csv)")
        }
    }

    /// One line of the listing: a ward, or an authority with its ward count.
    struct Entry: Codable {
        var code: String
        var name: String
        var wards: Int?
    }

    func run() throws {
        let changes = try catalogueOptions.load().authorityChanges
        let tables = try dataFiles.filter(LookupTable.isLookup).map { try LookupTable(path: $0, changes: changes) }
        guard !tables.isEmpty else {
            throw ToolkitError(
                setting: "data",
                "no ONS geography lookup among the files: give one with ward codes, "
                    + "e.g. the LSOA (2021) to ward to local authority lookup")
        }
        guard let authority else { return try writeAuthorities(tables) }
        try writeWards(try AuthorityAreas(tables: tables, authority: authority, changes: changes))
    }

    /// One authority's wards of the newest vintage.
    private func writeWards(_ found: AuthorityAreas) throws {
        let vintage = found.wards.first?.vintage.map { " (\($0))" } ?? ""
        let codes = found.codes.sorted().joined(separator: ", ")
        try write(
            found.wards.map { Entry(code: $0.code, name: $0.name) },
            title: "\(found.name) (\(codes)): \(found.wards.count) wards\(vintage)")
    }

    /// Every authority of the lookups with its number of wards, then every shire county.
    private func writeAuthorities(_ tables: [LookupTable]) throws {
        let authorities = AuthorityAreas.authorities(in: tables)
        let counties = AuthorityAreas.shireCounties(in: tables)
        let entries = (authorities + counties).map { Entry(code: $0.code, name: $0.name, wards: $0.wards) }
        let noun = authorities.count == 1 ? "authority" : "authorities"
        let shire =
            counties.isEmpty ? "" : " and \(counties.count) shire \(counties.count == 1 ? "county" : "counties")"
        try write(entries, title: "\(authorities.count) \(noun)\(shire) in the lookups (wards each)")
    }

    private func write(_ entries: [Entry], title: String) throws {
        switch format {
        case .json:
            print(String(decoding: try JSONOutput.encoder().encode(entries), as: UTF8.self))
        case .csv:
            let writer = CSVWriter.standardOutput()
            writer.write(authority == nil ? ["code", "name", "wards"] : ["code", "name"])
            for entry in entries { writer.write([entry.code, entry.name] + (entry.wards.map { [String($0)] } ?? [])) }
            writer.flush()
        case .table:
            print(title)
            for entry in entries { print("  \(entry.code)  \(entry.name)" + (entry.wards.map { "  \($0)" } ?? "")) }
        }
    }
}
