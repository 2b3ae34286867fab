import CSV
import Evidence
import Foundation
import Loaders

/// The reviewed links from evidence to measures (`taxonomy/`): need domains, indicator → domain links,
/// domain → measure and protected characteristic → measure links, and the relevance of measures to a
/// contract's subject matter (CPV code → subject → measure). Every link carries the reason a commissioner reads.
public struct Taxonomy: Sendable {
    /// The need domains, in file order (`need_domains.csv`).
    public let domains: [NeedDomain]
    /// Indicator → domain links and marks of indicators left unlinked (`indicator_domains.csv`).
    public let indicatorLinks: [IndicatorLink]
    /// Domain id → measure links.
    public let domainMeasures: [String: [MeasureLink]]
    /// Protected characteristic → measure links.
    public let characteristicMeasures: [String: [MeasureLink]]
    /// The protected characteristics accepted, with their other spellings (`protected_characteristics.csv`).
    public let characteristics: ProtectedCharacteristics
    /// Protected characteristic → indicators giving the size of the group in an area.
    public let characteristicIndicators: [String: [IndicatorLink]]
    /// The contract subjects, in file order (`subjects.csv`).
    public let subjects: [Subject]
    /// CPV prefix → subject rules (`cpv_subjects.csv`).
    public let cpvRules: [CPVSubjectRule]
    /// Subject → measure relevance rules (`subject_measures.csv`).
    public let relevanceRules: [RelevanceRule]
    let keywords: [String: [String]]
    /// Subject → words in a contract description that refine a CPV code's subject.
    public let subjectKeywords: [String: [Words]]
    /// Measures that restate what contracts with some CPV codes buy (`core_measures.csv`).
    public let coreRules: [CoreMeasureRule]
    /// Safeguarding constraints on measures for some CPV codes (`safeguarding.csv`).
    public let safeguardingRules: [SafeguardingRule]
    /// `open:REF` → words an equality action must contain to link to the measure (`action_keywords.csv`).
    public let actionKeywords: [String: [Words]]

    init(folder: String, measures: [String: Measure], cpv: CPVVocabulary) throws {
        let domains = try DataTable(path: folder + "/need_domains.csv", required: ["id", "name"]).rows().map {
            NeedDomain(
                id: try $0.required("id"), name: try $0.required("name"), description: $0["description"],
                judgedAtBorough: $0["judged_at"] == "borough")
        }
        self.domains = domains
        let domainIDs = Set(domains.map(\.id))
        func checkDomain(_ row: DataRow, _ column: String) throws -> String {
            let id = try row.required(column)
            guard domainIDs.contains(id) else {
                throw row.error(
                    column, "unknown need domain \"\(id)\"; known: \(domains.map(\.id).joined(separator: ", "))")
            }
            return id
        }
        func checkMeasure(_ row: DataRow) throws -> String {
            let key = "\(try row.required("framework")):\(try row.required("measure"))"
            guard measures[key] != nil else {
                throw row.error("measure", "unknown measure \(key): no such framework and reference in the catalogues")
            }
            return key
        }
        indicatorLinks = try DataTable(
            path: folder + "/indicator_domains.csv",
            required: ["indicator", "domain", "polarity", "status", "reason"]
        ).rows().map { row in
            let status = try row.required("status")
            guard status == "linked" || status == "unlinked" else {
                throw row.error("status", "status must be linked or unlinked, not \"\(status)\"")
            }
            let polarityText = row["polarity"]
            let polarity: Polarity?
            if polarityText == "source" || status == "unlinked" {
                polarity = nil
            } else if let p = Polarity(text: polarityText), p != .unknown {
                polarity = p
            } else {
                throw row.error(
                    "polarity",
                    "polarity must be higher is better, lower is better, neither or source, not \"\(polarityText)\"")
            }
            return IndicatorLink(
                pattern: try row.required("indicator"),
                domain: status == "linked" ? try checkDomain(row, "domain") : nil,
                polarity: polarity, reason: try row.required("reason"), location: row.location)
        }
        domainMeasures = try Dictionary(
            grouping: DataTable(
                path: folder + "/domain_measures.csv",
                required: ["domain", "framework", "measure", "reason"]
            ).rows().map { row in
                MeasureLink(
                    from: try checkDomain(row, "domain"), measure: try checkMeasure(row),
                    reason: try row.required("reason"))
            }, by: \.from)
        characteristics = try ProtectedCharacteristics(path: folder + "/protected_characteristics.csv")
        let knownCharacteristics = characteristics
        characteristicMeasures = try Dictionary(
            grouping: DataTable(
                path: folder + "/characteristic_measures.csv",
                required: ["characteristic", "framework", "measure", "reason"]
            ).rows().map { row in
                let name = try row.required("characteristic")
                guard let canonical = knownCharacteristics.canonical(name) else {
                    throw row.error(
                        "characteristic",
                        "unknown protected characteristic \"\(name)\"; accepted: "
                            + knownCharacteristics.names.joined(separator: ", "))
                }
                return MeasureLink(from: canonical, measure: try checkMeasure(row), reason: try row.required("reason"))
            }, by: \.from)
        characteristicIndicators = try Dictionary(
            grouping: DataTable(
                path: folder + "/characteristic_indicators.csv",
                required: ["characteristic", "indicator", "reason"]
            ).rows().map { row in
                let name = try row.required("characteristic")
                guard let canonical = knownCharacteristics.canonical(name) else {
                    throw row.error("characteristic", "unknown protected characteristic \"\(name)\"")
                }
                return (
                    canonical,
                    IndicatorLink(
                        pattern: try row.required("indicator"), domain: nil, polarity: .neither,
                        reason: try row.required("reason"), location: row.location)
                )
            }, by: \.0
        ).mapValues { $0.map(\.1) }
        let subjects = try DataTable(path: folder + "/subjects.csv", required: ["id", "name", "category"]).rows().map {
            row in
            let category = row["category"]
            guard category.isEmpty || ContractCategory(rawValue: category) != nil else {
                throw row.error("category", "category must be goods, services, works or empty")
            }
            return Subject(
                id: try row.required("id"), name: try row.required("name"),
                category: ContractCategory(rawValue: category), description: row["description"],
                parent: row["parent"].isEmpty ? nil : row["parent"], servesPeople: row["services_to_people"] == "yes")
        }
        self.subjects = subjects
        let subjectIDs = Set(subjects.map(\.id))
        for subject in subjects where subject.parent.map({ !subjectIDs.contains($0) }) ?? false {
            throw InputError(
                file: folder + "/subjects.csv", "subject \(subject.id): unknown parent \"\(subject.parent!)\"")
        }
        func checkSubject(_ row: DataRow) throws -> String {
            let id = try row.required("subject")
            guard subjectIDs.contains(id) else {
                throw row.error("subject", "unknown subject \"\(id)\"; subjects are listed in taxonomy/subjects.csv")
            }
            return id
        }
        cpvRules = try DataTable(path: folder + "/cpv_subjects.csv", required: ["cpv_prefix", "subject", "reason"])
            .rows().map { row in
                CPVSubjectRule(
                    prefix: try Self.cpvPrefix(row, cpv), subject: try checkSubject(row),
                    reason: try row.required("reason"))
            }
        relevanceRules = try DataTable(
            path: folder + "/subject_measures.csv",
            required: ["subject", "framework", "measure", "strength", "reason"]
        ).rows().map { row in
            let text = try row.required("strength")
            guard let strength = RelevanceStrength(rawValue: text) else {
                throw row.error("strength", "strength must be strong, possible or none, not \"\(text)\"")
            }
            return RelevanceRule(
                subject: try checkSubject(row), measure: try checkMeasure(row), strength: strength,
                reason: try row.required("reason"))
        }
        subjectKeywords = try Dictionary(
            uniqueKeysWithValues: DataTable(
                path: folder + "/subject_keywords.csv",
                required: ["subject", "keywords"]
            ).rows().map { row in
                (try checkSubject(row), row["keywords"].split(separator: "|").map { Words(String($0)) })
            })
        coreRules = try DataTable(path: folder + "/core_measures.csv", required: ["cpv_prefix", "measure", "reason"])
            .rows().map { row in
                CoreMeasureRule(
                    prefix: try Self.cpvPrefix(row, cpv),
                    keywords: row["keywords"].split(separator: "|").map { Words(String($0)) },
                    measure: "open:" + (try row.required("measure")), reason: try row.required("reason"))
            }
        safeguardingRules = try DataTable(
            path: folder + "/safeguarding.csv",
            required: ["cpv_prefix", "measure", "action", "caveat", "source"]
        ).rows().map { row in
            let action = try row.required("action")
            guard let kind = SafeguardingRule.Action(rawValue: action) else {
                throw row.error("action", "action must be exclude or caveat, not \"\(action)\"")
            }
            return SafeguardingRule(
                prefix: try Self.cpvPrefix(row, cpv), measure: "open:" + (try row.required("measure")), action: kind,
                caveat: try row.required("caveat"), source: try row.required("source"))
        }
        actionKeywords = try Dictionary(
            DataTable(path: folder + "/action_keywords.csv", required: ["measure", "keywords", "reason"]).rows().map {
                row in
                (
                    "open:" + (try row.required("measure")),
                    try row.required("keywords").split(separator: "|").map { Words(String($0)) }
                )
            }, uniquingKeysWith: +)
        keywords = try Dictionary(
            uniqueKeysWithValues: DataTable(
                path: folder + "/domain_keywords.csv",
                required: ["domain", "keywords"]
            ).rows().map { row in
                (try checkDomain(row, "domain"), row["keywords"].lowercased().split(separator: "|").map(String.init))
            })
    }

    /// A checked CPV prefix: 2 to 8 digits naming a code of the vocabulary.
    static func cpvPrefix(_ row: DataRow, _ cpv: CPVVocabulary) throws -> String {
        let prefix = try row.required("cpv_prefix")
        guard prefix.count >= 2, prefix.count <= 8, prefix.allSatisfy(\.isNumber),
            cpv.codes[prefix + String(repeating: "0", count: 8 - prefix.count)] != nil
        else {
            throw row.error(
                "cpv_prefix",
                "\"\(prefix)\" is not the start of a CPV code (2 to 8 digits naming a code, e.g. 45 or 909)")
        }
        return prefix
    }

    /// A need domain by id.
    public func domain(_ id: String) -> NeedDomain? { domains.first { $0.id == id } }
}

/// A need a commissioner would recognise, such as worklessness or fuel poverty.
public struct NeedDomain: Hashable, Codable, Sendable {
    /// Short id used in the taxonomy files, e.g. `worklessness`.
    public var id: String
    /// The name a commissioner reads, e.g. `Worklessness and long-term unemployment`.
    public var name: String
    /// What the domain covers, in a sentence.
    public var description: String
    /// True for a labour-market need (jobs, skills, local business), judged for the borough as well as the
    /// delivery wards: people travel across ward boundaries to work.
    public var judgedAtBorough: Bool
}

/// A reviewed link from indicators (an id, or a pattern with `*`) to a need domain, or a mark that
/// they are deliberately left unlinked.
public struct IndicatorLink: Hashable, Codable, Sendable {
    /// An indicator id, or a pattern where `*` stands for any text, e.g. `iod:income:*`.
    public var pattern: String { didSet { parts = Self.parts(of: pattern) } }
    /// The domain, or `nil` for an indicator marked unlinked.
    public var domain: String?
    /// The polarity to judge it by; `nil` means the indicator's own (from its source or metadata).
    public var polarity: Polarity?
    /// Why the indicators feed the domain, or why they are left unlinked.
    public var reason: String
    /// `file:line` of the link.
    public var location: String
    /// The pattern's UTF-8 bytes split at each `*` (one part when it has none), worked out once.
    private var parts: [[UInt8]]

    private enum CodingKeys: String, CodingKey { case pattern, domain, polarity, reason, location }

    /// Makes a link, splitting its pattern at each `*` once, here.
    public init(pattern: String, domain: String?, polarity: Polarity?, reason: String, location: String) {
        self.pattern = pattern
        self.domain = domain
        self.polarity = polarity
        self.reason = reason
        self.location = location
        parts = Self.parts(of: pattern)
    }

    /// Decodes a link, splitting its pattern as ``init(pattern:domain:polarity:reason:location:)`` does.
    /// - Throws: `DecodingError` when a field is missing or of the wrong type.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            pattern: try values.decode(String.self, forKey: .pattern),
            domain: try values.decodeIfPresent(String.self, forKey: .domain),
            polarity: try values.decodeIfPresent(Polarity.self, forKey: .polarity),
            reason: try values.decode(String.self, forKey: .reason),
            location: try values.decode(String.self, forKey: .location))
    }

    private static func parts(of pattern: String) -> [[UInt8]] {
        pattern.utf8.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
    }

    /// True when the pattern covers the indicator id: an exact id, or a pattern where `*` stands for any text
    /// (`iod:income:*`, `census2021:general-health:*bad-health:percent`).
    ///
    /// - Complexity: O(*n* × *m*) in the lengths of the id and the pattern, on bytes, without allocating.
    public func matches(_ id: String) -> Bool {
        guard parts.count > 1 else { return id == pattern }
        var id = id
        return id.withUTF8 { text in
            guard text.count >= parts.reduce(0, { $0 + $1.count }), text.starts(with: parts[0]) else { return false }
            var position = parts[0].count
            for part in parts.dropFirst().dropLast() {
                guard let found = Self.firstIndex(of: part, in: text, from: position) else { return false }
                position = found + part.count
            }
            let last = parts[parts.count - 1]
            return text.count - position >= last.count && text[(text.count - last.count)...].elementsEqual(last)
        }
    }

    private static func firstIndex(of part: [UInt8], in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard !part.isEmpty else { return start }
        var i = start
        while i + part.count <= text.count {
            if text[i] == part[0] && text[i..<(i + part.count)].elementsEqual(part) { return i }
            i += 1
        }
        return nil
    }

    /// How specific the pattern is (an exact id beats any pattern; more fixed characters beat fewer).
    var specificity: Int { pattern.contains("*") ? pattern.filter { $0 != "*" }.count : Int.max }
}

/// A reviewed link from a need domain or protected characteristic to a measure, with its reason.
public struct MeasureLink: Hashable, Codable, Sendable {
    /// The domain id or canonical characteristic.
    public var from: String
    /// `framework:ref`.
    public var measure: String
    /// Why the measure answers the domain or characteristic, for the commissioner.
    public var reason: String
}

/// A kind of contract by subject matter (construction works, home care, fleet, …) or a category-level default.
public struct Subject: Hashable, Codable, Sendable {
    /// Short id used in the taxonomy files, e.g. `construction-works`.
    public var id: String
    /// The name a person reads, e.g. `Construction works`.
    public var name: String
    /// The contract category it belongs to; nil for one that fits every category (`any`).
    public var category: ContractCategory?
    /// What contracts it covers, e.g. `Building, civil engineering and highways works`.
    public var description: String
    /// The broader subject this one refines (`civil-engineering` → `construction-works`), if any.
    public var parent: String?
    /// True for services delivered to people (care, education), where the council co-produces the service.
    public var servesPeople: Bool
}

/// CPV codes starting with `prefix` are about `subject`.
public struct CPVSubjectRule: Hashable, Codable, Sendable {
    /// 2 to 8 digits starting a CPV code of the vocabulary, e.g. `45` or `909`.
    public var prefix: String
    /// The subject's id.
    public var subject: String
    /// Why codes with the prefix are about the subject.
    public var reason: String
}

/// How strongly a measure is connected to a contract's subject matter.
public enum RelevanceStrength: String, Codable, Sendable, Comparable {
    /// Strongly connected, possibly connected, or not connected.
    case strong, possible, none

    private var order: Int { self == .strong ? 2 : self == .possible ? 1 : 0 }
    /// Orders by strength: `none` < `possible` < `strong`.
    public static func < (a: RelevanceStrength, b: RelevanceStrength) -> Bool { a.order < b.order }
}

/// A reviewed statement: for contracts about `subject`, `measure` is strongly, possibly or not connected.
public struct RelevanceRule: Hashable, Codable, Sendable {
    /// The subject's id.
    public var subject: String
    /// `framework:ref`.
    public var measure: String
    /// How strongly the measure is connected to contracts about the subject.
    public var strength: RelevanceStrength
    /// Why, for the commissioner.
    public var reason: String
}
