import Core
import Foundation

/// Checks a contract profile's JSON text before it is decoded: that it is valid JSON (else an error at its
/// line and column), that no object names a field twice, and that every field is one the profile has.
///
/// `JSONDecoder` says only that data are "not valid JSON", keeps the last of two fields of one name, and
/// ignores a misspelt field (so `socialValueWeightng` would silently leave the default weighting).
enum ContractJSON {
    /// The first problem with the text, if any.
    static func problem(in data: Data, file: String) -> ToolkitError? {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return ToolkitError(
                file: file, "the file is empty: a contract profile is a JSON object ({ \"title\": …, … })")
        }
        do { _ = try JSONText.parse(data, file: file) } catch let error as ToolkitError { return error } catch {
            return nil
        }
        if let (field, _) = FieldScanner.repeatedField(in: Array(data)) {
            return ToolkitError(file: file, field: field, "given twice; give each field once")
        }
        if let (field, number) = unholdableNumber(in: data) {
            return ToolkitError(
                file: file, field: field,
                "\(number) cannot be held as a figure (it would read as 0 or as infinity): give it in plain digits")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        for (name, value) in object {
            guard let known = knownFields[name] else {
                return unknown(name, among: Array(knownFields.keys), file: file)
            }
            if let nested = value as? [String: Any], name != "quantities" {
                for inner in nested.keys where !known.contains(inner) {
                    return unknown("\(name).\(inner)", among: known.map { "\(name).\($0)" }, file: file)
                }
            }
        }
        return nil
    }

    /// The first field whose number, written with an exponent, is beyond what a figure holds (`1e-400`, `1e400`),
    /// with the number as written; JSON parsers read such a number as 0 or fail without naming the field.
    static func unholdableNumber(in data: Data) -> (field: String, number: String)? {
        let text = String(decoding: data, as: UTF8.self)
        let pattern = #""([^"\\]+)"\s*:\s*(-?[0-9]+(?:\.[0-9]+)?[eE][-+]?[0-9]+)"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let key = Range(match.range(at: 1), in: text), let token = Range(match.range(at: 2), in: text)
            else { continue }
            let number = String(text[token])
            let mantissa = number.prefix { $0 != "e" && $0 != "E" }
            let value = Double(number) ?? .infinity
            if !value.isFinite || (value == 0 && mantissa.contains(where: { ("1"..."9").contains($0) })) {
                return (String(text[key]), number)
            }
        }
        return nil
    }

    /// Each field of a profile, with the fields of the object it holds (the workforce's), read from the types
    /// themselves so that the list cannot drift from them. The quantities' names are the taxonomy's, checked when
    /// the profile is validated.
    static let knownFields: [String: [String]] = {
        let sample = ContractProfile(
            title: "", description: "", cpv: [], category: .services, value: 0,
            durationMonths: 0, areas: [])
        let workforce = Mirror(reflecting: ContractProfile.Workforce()).children.compactMap(\.label)
        return Dictionary(
            uniqueKeysWithValues: Mirror(reflecting: sample).children.compactMap(\.label).map {
                ($0, $0 == "workforce" ? workforce : [])
            })
    }()

    private static func unknown(_ field: String, among known: [String], file: String) -> ToolkitError {
        let close = known.filter { $0.lowercased().editDistance(to: field.lowercased()) <= 2 }.sorted()
        return ToolkitError(
            file: file, field: field,
            "not a field of a contract profile"
                + (close.isEmpty ? "" : " (did you mean \"\(close[0])\"?)") + "; the fields are in Datasets/README.md")
    }

    /// What a field's JSON must be, in words, for a type the decoder expected.
    static func expected(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Double?.Type: "a number"
        case is Bool.Type, is Bool?.Type: "true or false"
        case is String.Type, is String?.Type: "text in quotes"
        case is [String].Type, is [String]?.Type: "a list of texts in quotes, [\"…\"]"
        default: "an object { … }"
        }
    }

}
