import CSV
import Core
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
        try FileLoader.checkColumnNames(table)
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
