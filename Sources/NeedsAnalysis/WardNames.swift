import Core
import Evidence
import Foundation

extension NeedsAnalysis {
    /// The borough's wards a contract or an action plan means by `text`: the ward of that code, else every ward
    /// whose name matches ignoring case, a bracketed suffix, "&" for "and", full stops, commas, apostrophes, hyphens
    /// and spacing ("Claremont" finds "Claremont (Blackpool)" and the other way round, "Hartcliffe & Withywood" finds
    /// "Hartcliffe and Withywood"). Where wards of two districts of a county share the name, a bracketed district
    /// ("Nelson (Norwich)") picks one; brackets naming neither the ward's district nor the borough find none.
    ///
    /// - Complexity: O(*n*) in the borough's wards.
    public func wards(named text: String) -> [Area] {
        if let ward = wards.first(where: { $0.code == text }) { return [ward] }
        let wanted = Self.plainName(text)
        let found = wards.filter { Self.plainName($0.name) == wanted }
        guard let place = Self.bracketed(text).map(Self.plainName) else { return found }
        // The brackets name the ward's district, the borough, or are part of the ward's own name.
        return found.filter { ward in
            [districtName(of: ward), borough.name, Self.bracketed(ward.name)].compactMap { $0 }.map(Self.plainName)
                .contains(place)
        }
    }

    /// The one ward of the borough `text` means (``wards(named:)``), or nil when none or several match.
    public func ward(named text: String) -> Area? {
        let found = wards(named: text)
        return found.count == 1 ? found[0] : nil
    }

    /// A ward's name as the borough's outputs give it: with its district in brackets where another ward of the
    /// borough shares the name (two districts of a county), so that the name finds it again.
    public func uniqueName(of ward: Area) -> String {
        let shared = wards.contains { $0.code != ward.code && Self.plainName($0.name) == Self.plainName(ward.name) }
        guard shared, let district = districtName(of: ward) else { return ward.name }
        return "\(ward.name) (\(district))"
    }

    /// Why `text` names no single ward: none of the borough's wards, or several (each with its district and code).
    public func wardProblem(_ text: String) -> String {
        let found = wards(named: text)
        guard found.count > 1 else {
            return "unknown ward \(ToolkitError.quoted(text)): not one of \(borough.name)'s \(wards.count) wards "
                + "(\(wards.map(\.name).joined(separator: ", ")))"
        }
        let each = found.map { "\($0.name) (\(districtName(of: $0) ?? "?"), \($0.code))" }
        return "ward name \(ToolkitError.quoted(text)) is shared by \(found.count) wards of \(borough.name): "
            + each.joined(separator: ", ")
            + "; give its code, or its district in brackets (\"\(uniqueName(of: found[0]))\")"
    }

    /// The name of the district a ward lies in, where the data name it.
    func districtName(of ward: Area) -> String? { ward.parent.flatMap { dataset.areas[$0]?.name } }

    /// A place name as a person might type it: lower case, without a bracketed suffix, "&" read as "and",
    /// apostrophes and full stops left out ("King's" is "Kings", "St." is "St"), and other punctuation read as
    /// spaces, each run of spaces as one.
    static func plainName(_ name: String) -> String {
        var name = name.trimmingCharacters(in: .whitespaces)
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") { name = String(name[..<open]) }
        let spaced = name.lowercased().replacingOccurrences(of: "&", with: " and ")
            .filter { !["'", "\u{2019}", "."].contains($0) }
            .map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(spaced).split(separator: " ").joined(separator: " ")
    }

    /// The text in a name's closing brackets, if it ends with one: "Norwich" for "Nelson (Norwich)".
    static func bracketed(_ name: String) -> String? {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return nil }
        return String(name[name.index(after: open)..<name.index(before: name.endIndex)])
    }
}
