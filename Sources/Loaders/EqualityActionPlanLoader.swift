import CSV
import Evidence
import Foundation

/// Equality Analysis action plans (EAAPs) in the toolkit's CSV template (see `Datasets/README.md`):
/// `action,protected_characteristics,service_area,places,disadvantage,target_date,status,owner`.
///
/// Characteristics are matched case-insensitively against `Datasets/taxonomy/protected_characteristics.csv`
/// (the nine of the Equality Act 2010 and the common council additions, with their usual spellings);
/// an unknown one is an error listing the accepted names. Places are ward codes or names separated by `;`,
/// or `borough-wide`.
public enum EqualityActionPlanLoader {
    /// The format's name as a user would say it.
    public static let format = "Equality Analysis action plan"
    static let required = ["action", "protectedcharacteristics", "places"]

    /// True when a header is this format's.
    public static func matches(_ header: [String]) -> Bool {
        let keys = Set(header.map(HeaderName.key))
        return required.allSatisfy(keys.contains)
    }

    /// True when a file's header is an action plan's (false when it cannot be read as a table).
    public static func isActionPlan(_ path: String) -> Bool {
        (try? matches(CSVTable(path: path).header)) == true
    }

    /// Reads an action plan into equality gaps.
    /// - Throws: `ToolkitError` at the file, line and column of a missing column, unknown characteristic or bad cell.
    public static func load(_ path: String, characteristics: ProtectedCharacteristics) throws -> [EqualityGap] {
        let table = try CSVTable(path: path)
        let index = HeaderName.index(table.header)
        let missing = required.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw ToolkitError(
                file: path, line: table.headerLine,
                "missing column(s) \(missing.joined(separator: ", ")): an action plan needs action, "
                    + "protected_characteristics, service_area, places, disadvantage, target_date, status and owner")
        }
        var gaps: [EqualityGap] = []
        try table.forEachRow { row in
            func text(_ key: String) -> String { index[key].map { row[$0].trimmedString } ?? "" }
            let column = index["protectedcharacteristics"]!
            let names = try text("protectedcharacteristics").split(whereSeparator: { $0 == ";" || $0 == "," })
                .map { String($0).trimmingSpaces }.filter { !$0.isEmpty }.map { name in
                    guard let canonical = characteristics.canonical(name) else {
                        throw ToolkitError(
                            file: path, line: row.line, column: column + 1,
                            "unknown protected characteristic \"\(name)\"; accepted: "
                                + "\(characteristics.names.joined(separator: ", "))"
                        )
                    }
                    return canonical
                }
            guard !names.isEmpty else {
                throw ToolkitError(file: path, line: row.line, column: column + 1, "no protected characteristic given")
            }
            let action = text("action")
            guard !action.isEmpty else {
                throw ToolkitError(file: path, line: row.line, column: index["action"]! + 1, "empty action")
            }
            if let column = index["targetdate"], !text("targetdate").isEmpty, !Self.isDate(text("targetdate")) {
                throw ToolkitError(
                    file: path, line: row.line, column: column + 1,
                    "target date "
                        + "\(ToolkitError.quoted(text("targetdate"))) is not a date written YYYY-MM-DD "
                        + "(e.g. 2026-03-31)"
                )
            }
            let placesText = text("places")
            let boroughWide = ["", "borough-wide", "borough wide", "borough", "all wards", "all"].contains(
                placesText.lowercased())
            let places =
                boroughWide
                ? [] : placesText.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            gaps.append(
                EqualityGap(
                    action: action, characteristics: names, serviceArea: text("servicearea"), places: places,
                    disadvantage: text("disadvantage").isEmpty ? text("disadvantagedescribed") : text("disadvantage"),
                    targetDate: text("targetdate"), status: text("status"), owner: text("owner"),
                    file: path, line: row.line, placesColumn: index["places"].map { $0 + 1 }))
        }
        return gaps
    }

    /// True for a calendar date written `YYYY-MM-DD` that exists.
    static func isDate(_ text: String) -> Bool {
        text.count == 10 && LocalStatisticsLoader.isPeriod(text)
    }
}

/// The protected characteristics the toolkit accepts, with their common spellings, from
/// `Datasets/taxonomy/protected_characteristics.csv` (`name,basis,aliases`; aliases separated by `|`).
public struct ProtectedCharacteristics: Sendable {
    /// Canonical names, in file order.
    public let names: [String]
    private let lookup: [String: String]

    /// Reads the characteristics file.
    /// - Throws: `ToolkitError` naming the file when it cannot be read or has no `name` column.
    public init(path: String) throws {
        let table = try CSVTable(path: path)
        let index = HeaderName.index(table.header)
        guard let name = index["name"] else {
            throw ToolkitError(file: path, line: table.headerLine, "missing column \"name\"")
        }
        var names: [String] = []
        var lookup: [String: String] = [:]
        try table.forEachRow { row in
            let canonical = row[name].trimmedString
            names.append(canonical)
            let aliases = index["aliases"].map { row[$0].trimmedString.split(separator: "|").map(String.init) } ?? []
            for spelling in [canonical] + aliases {
                lookup[Self.key(spelling)] = canonical
            }
        }
        self.names = names
        self.lookup = lookup
    }

    /// The shipped list.
    /// - Throws: `ToolkitError` when the data folder cannot be found, and as ``init(path:)``.
    public static func shipped() throws -> ProtectedCharacteristics {
        try ProtectedCharacteristics(path: DatasetsDirectory.path() + "/taxonomy/protected_characteristics.csv")
    }

    /// The canonical name for a spelling, or `nil` when unknown.
    public func canonical(_ spelling: String) -> String? { lookup[Self.key(spelling)] }

    private static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }
}
