import Evidence
import Formatting

extension NormalisedJSONLoader {
    /// One object of the array: the members named as ``NormalisedLoader/columns``; text members may be absent or
    /// null (read as empty), figures null.
    struct Row: Decodable {
        var source = "", indicatorID = "", indicatorName = "", unit = "", polarity = "", areaCode = "", areaName = ""
        var areaLevel = "", period = "", sex = "", age = "", categoryType = "", category = "", missing = "", note = ""
        var value, lower95, upper95, lower998, upper998, count, denominator: Double?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case source, unit, polarity, period, sex, age, category, value, missing, count, denominator, note
            case indicatorID = "indicator_id"
            case indicatorName = "indicator_name"
            case areaCode = "area_code"
            case areaName = "area_name"
            case areaLevel = "area_level"
            case categoryType = "category_type"
            case lower95 = "lower_ci_95"
            case upper95 = "upper_ci_95"
            case lower998 = "lower_ci_99_8"
            case upper998 = "upper_ci_99_8"
        }

        /// Any member name, to find those that are not columns.
        struct Member: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: Decoder) throws {
            for member in try decoder.container(keyedBy: Member.self).allKeys
            where CodingKeys(rawValue: member.stringValue) == nil {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath + [member],
                        debugDescription: "not a column of svtk's observations; the columns are "
                            + NormalisedLoader.columns.joined(separator: ", ")))
            }
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) throws -> String {
                // pandas writes a column of codes or years (41001, 2021) as numbers.
                if let number = try? c.decodeIfPresent(Double.self, forKey: key) {
                    return number.written(.asGiven)
                }
                return try c.decodeIfPresent(String.self, forKey: key) ?? ""
            }
            func figure(_ key: CodingKeys) throws -> Double? { try c.decodeIfPresent(Double.self, forKey: key) }
            (source, indicatorID, indicatorName, unit) = (
                try text(.source), try text(.indicatorID), try text(.indicatorName), try text(.unit)
            )
            (polarity, areaCode, areaName, areaLevel) = (
                try text(.polarity), try text(.areaCode), try text(.areaName), try text(.areaLevel)
            )
            (period, sex, age, categoryType) = (
                try text(.period), try text(.sex), try text(.age), try text(.categoryType)
            )
            (category, missing, note) = (try text(.category), try text(.missing), try text(.note))
            (value, lower95, upper95, lower998) = (
                try figure(.value), try figure(.lower95), try figure(.upper95), try figure(.lower998)
            )
            (upper998, count, denominator) = (try figure(.upper998), try figure(.count), try figure(.denominator))
        }
    }

    /// One object turned into the evidence model, with errors naming the object and member.
    struct RowReader {
        let row: Row
        let index: Int
        let file: String

        func indicator() throws -> Indicator {
            Indicator(
                id: try required(row.indicatorID, .indicatorID), name: row.indicatorName, unit: row.unit,
                polarity: try named(row.polarity, .polarity, "polarity") ?? .unknown, source: row.source)
        }

        func area() throws -> Area {
            Area(
                code: try required(row.areaCode, .areaCode), name: row.areaName,
                level: try named(row.areaLevel, .areaLevel, "area level"))
        }

        func observation() throws -> Observation {
            let missing: MissingReason? = try named(row.missing, .missing, "missing reason")
            if let problem = NormalisedLoader.valueOrMissingProblem(row.value, missing) { throw error(.value, problem) }
            return Observation(
                indicator: row.indicatorID, area: row.areaCode, period: row.period,
                breakdown: Breakdown(
                    sex: row.sex, age: row.age, categoryType: row.categoryType, category: row.category),
                value: row.value, missing: missing, lower95: row.lower95, upper95: row.upper95, lower998: row.lower998,
                upper998: row.upper998, count: row.count, denominator: row.denominator,
                note: row.note.isEmpty ? nil : row.note, source: row.source.isEmpty ? file : row.source)
        }

        private func required(_ text: String, _ key: Row.CodingKeys) throws -> String {
            guard !text.isEmpty else { throw error(key, "empty: give it") }
            return text
        }

        /// A named value (an area level, a missing reason), or nil for empty text.
        private func named<T: RawRepresentable & CaseIterable>(_ text: String, _ key: Row.CodingKeys, _ what: String)
            throws -> T? where T.RawValue == String
        {
            if let problem = NormalisedLoader.unknownName(text, T.self, what) { throw error(key, problem) }
            return T(rawValue: text)
        }

        private func error(_ key: Row.CodingKeys, _ message: String) -> Problem {
            Problem(index: index, member: key.rawValue, message: message)
        }

        /// A member of the observation at `index` that cannot be used, located by the loader.
        struct Problem: Error {
            let index: Int
            let member: String
            let message: String
        }
    }
}
