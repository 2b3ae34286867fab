import Core
import Evidence
import Foundation

/// The reviewed links from evidence to measures (`taxonomy/`): need domains, indicator → domain links,
/// domain → measure and protected characteristic → measure links, and the relevance of measures to a
/// contract's subject matter (CPV code → subject → measure). Every link carries the reason a commissioner reads.
public struct Taxonomy: Sendable {
    /// The need domains, in file order (`need_domains.csv`).
    public let domains: [NeedDomain]
    /// Indicator → domain links and marks of indicators left unlinked (`indicator_domains.csv`).
    let indicatorLinks: [IndicatorLink]
    /// Domain id → measure links.
    public let domainMeasures: [String: [MeasureLink]]
    /// Protected characteristic → measure links.
    let characteristicMeasures: [String: [MeasureLink]]
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
    let subjectKeywords: [String: [Words]]
    /// Measures that restate what contracts with some CPV codes buy (`core_measures.csv`).
    let coreRules: [CoreMeasureRule]
    /// Safeguarding constraints on measures for some CPV codes (`safeguarding.csv`).
    let safeguardingRules: [SafeguardingRule]
    /// `open:REF` → words an equality action must contain to link to the measure (`action_keywords.csv`).
    let actionKeywords: [String: [Words]]
    /// The quantities a contract can give for its targets to be sized on (`quantities.csv`).
    public let quantities: [ContractQuantity]
    /// The quantities each subject's contracts should give (`subject_quantities.csv`).
    let subjectQuantities: [SubjectQuantity]
    /// Targets sized on a contract's quantities (`quantity_targets.csv`).
    let quantityTargets: [QuantityTarget]
    /// Words that signal money passing through the supplier (`pass_through.csv`).
    let passThroughSignals: [PassThroughSignal]
    /// The CPV divisions councils buy in, whose coverage by subjects is reported (`coverage_divisions.csv`).
    let coverageDivisions: [String]

    /// Reads and checks every file of the taxonomy folder, each link against the domains, subjects,
    /// characteristics, measures and CPV codes it names.
    /// - Throws: `ToolkitError` at the file, line and column of the first link that names something unknown.
    init(folder: String, measures: [String: Measure], cpv: CPVVocabulary) throws {
        var files = try TaxonomyFiles(folder: folder, measures: measures, cpv: cpv)
        domains = files.domains
        characteristics = files.characteristics
        indicatorLinks = try files.indicatorLinks()
        domainMeasures = try files.domainMeasures()
        characteristicMeasures = try files.characteristicMeasures()
        characteristicIndicators = try files.characteristicIndicators()
        subjects = try files.readSubjects()
        cpvRules = try files.cpvRules()
        relevanceRules = try files.relevanceRules()
        subjectKeywords = try files.subjectKeywords()
        coreRules = try files.coreRules()
        safeguardingRules = try files.safeguardingRules()
        actionKeywords = try files.actionKeywords()
        keywords = try files.domainKeywords()
        quantities = try files.quantities()
        subjectQuantities = try files.subjectQuantities(known: quantities)
        quantityTargets = try files.quantityTargets(known: quantities)
        passThroughSignals = try files.passThroughSignals()
        coverageDivisions = try files.coverageDivisions()
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

    /// The domain → measure links to a measure (a `framework:ref` key), in the order of the need domains file.
    public func domainLinks(to measure: String) -> [MeasureLink] {
        domains.flatMap { domainMeasures[$0.id] ?? [] }.filter { $0.measure == measure }
    }

    /// The protected characteristic → measure links to a measure, by characteristic in alphabetical order.
    public func characteristicLinks(to measure: String) -> [MeasureLink] {
        characteristicMeasures.keys.sorted().flatMap { characteristicMeasures[$0]! }.filter { $0.measure == measure }
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
    /// True where much of such a contract's value usually passes through the supplier without its control (energy
    /// supply, insurance premiums, agency workers' pay): the recommendation asks for the supplier's fee.
    public var passThrough: Bool = false
    /// True for a division's catch-all, used where no finer subject covers a code; the recommendation says so.
    public var fallback: Bool = false
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
