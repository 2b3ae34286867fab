import Core
import Evidence

/// The files of the taxonomy folder, read one by one and checked against what they name: the need domains,
/// the subjects, the protected characteristics, the catalogues' measures and the CPV vocabulary.
///
/// Domains and characteristics are read first, as every other file names them; subjects are read before the
/// files that name subjects.
struct TaxonomyFiles {
    let folder: String
    let measures: [String: Measure]
    let cpv: CPVVocabulary
    /// The need domains (`need_domains.csv`).
    let domains: [NeedDomain]
    private let domainIDs: Set<String>
    /// The protected characteristics accepted (`protected_characteristics.csv`).
    let characteristics: ProtectedCharacteristics
    /// The subjects' ids, once ``readSubjects()`` has read them.
    private var subjectIDs: Set<String> = []

    /// Reads the need domains and the protected characteristics.
    /// - Throws: `ToolkitError` at the first row that cannot be read.
    init(folder: String, measures: [String: Measure], cpv: CPVVocabulary) throws {
        self.folder = folder
        self.measures = measures
        self.cpv = cpv
        domains = try DataTable(path: folder + "/need_domains.csv", required: ["id", "name"]).rows().map {
            NeedDomain(
                id: try $0.required("id"), name: try $0.required("name"), description: $0["description"],
                judgedAtBorough: $0["judged_at"] == "borough")
        }
        domainIDs = Set(domains.map(\.id))
        characteristics = try ProtectedCharacteristics(path: folder + "/protected_characteristics.csv")
    }

    /// The rows of one file of the folder, with the columns it must have.
    private func rows(_ name: String, required: [String]) throws -> [DataRow] {
        try DataTable(path: folder + "/" + name, required: required).rows()
    }

    // MARK: What the links name

    private func domain(_ row: DataRow, _ column: String) throws -> String {
        let id = try row.required(column)
        guard domainIDs.contains(id) else {
            throw row.error(
                column, "unknown need domain \"\(id)\"; known: \(domains.map(\.id).joined(separator: ", "))")
        }
        return id
    }

    private func measure(_ row: DataRow) throws -> String {
        let key = "\(try row.required("framework")):\(try row.required("measure"))"
        guard measures[key] != nil else {
            throw row.error("measure", "unknown measure \(key): no such framework and reference in the catalogues")
        }
        return key
    }

    private func subject(_ row: DataRow) throws -> String {
        let id = try row.required("subject")
        guard subjectIDs.contains(id) else {
            throw row.error("subject", "unknown subject \"\(id)\"; subjects are listed in taxonomy/subjects.csv")
        }
        return id
    }

    private func characteristic(_ row: DataRow, listingAccepted: Bool) throws -> String {
        let name = try row.required("characteristic")
        guard let canonical = characteristics.canonical(name) else {
            throw row.error(
                "characteristic",
                "unknown protected characteristic \"\(name)\""
                    + (listingAccepted ? "; accepted: " + characteristics.names.joined(separator: ", ") : ""))
        }
        return canonical
    }

    private static func words(_ text: String) -> [Words] { text.split(separator: "|").map { Words(String($0)) } }

    // MARK: The files

    /// `indicator_domains.csv`: indicator → domain links, and indicators left unlinked.
    func indicatorLinks() throws -> [IndicatorLink] {
        try rows("indicator_domains.csv", required: ["indicator", "domain", "polarity", "status", "reason"]).map {
            row in
            let status = try row.required("status")
            guard status == "linked" || status == "unlinked" else {
                throw row.error("status", "status must be linked or unlinked, not \"\(status)\"")
            }
            return IndicatorLink(
                pattern: try row.required("indicator"),
                domain: status == "linked" ? try domain(row, "domain") : nil,
                polarity: try Self.polarity(row, unlinked: status == "unlinked"), reason: try row.required("reason"),
                location: row.location)
        }
    }

    /// A link's polarity: `nil` for the indicator's own (`source`, or an unlinked indicator).
    private static func polarity(_ row: DataRow, unlinked: Bool) throws -> Polarity? {
        let text = row["polarity"]
        if text == "source" || unlinked { return nil }
        if let polarity = Polarity(text: text), polarity != .unknown { return polarity }
        throw row.error(
            "polarity", "polarity must be higher is better, lower is better, neither or source, not \"\(text)\"")
    }

    /// `domain_measures.csv`: domain → measure links, by domain.
    func domainMeasures() throws -> [String: [MeasureLink]] {
        let links = try rows("domain_measures.csv", required: ["domain", "framework", "measure", "reason"]).map {
            row in
            MeasureLink(from: try domain(row, "domain"), measure: try measure(row), reason: try row.required("reason"))
        }
        return Dictionary(grouping: links, by: \.from)
    }

    /// `characteristic_measures.csv`: protected characteristic → measure links, by characteristic.
    func characteristicMeasures() throws -> [String: [MeasureLink]] {
        let links = try rows(
            "characteristic_measures.csv", required: ["characteristic", "framework", "measure", "reason"]
        ).map { row in
            MeasureLink(
                from: try characteristic(row, listingAccepted: true), measure: try measure(row),
                reason: try row.required("reason"))
        }
        return Dictionary(grouping: links, by: \.from)
    }

    /// `characteristic_indicators.csv`: the indicators giving the size of each group in an area.
    func characteristicIndicators() throws -> [String: [IndicatorLink]] {
        let links = try rows("characteristic_indicators.csv", required: ["characteristic", "indicator", "reason"])
            .map { row in
                (
                    try characteristic(row, listingAccepted: false),
                    IndicatorLink(
                        pattern: try row.required("indicator"), domain: nil, polarity: .neither,
                        reason: try row.required("reason"), location: row.location)
                )
            }
        return Dictionary(grouping: links, by: \.0).mapValues { $0.map(\.1) }
    }

    /// `subjects.csv`: the contract subjects, each parent known; the files read after it may name them.
    mutating func readSubjects() throws -> [Subject] {
        let subjects = try rows("subjects.csv", required: ["id", "name", "category"]).map { row in
            let category = row["category"]
            guard category.isEmpty || ContractCategory(rawValue: category) != nil else {
                throw row.error("category", "category must be goods, services, works or empty")
            }
            return Subject(
                id: try row.required("id"), name: try row.required("name"),
                category: ContractCategory(rawValue: category), description: row["description"],
                parent: row["parent"].isEmpty ? nil : row["parent"], servesPeople: row["services_to_people"] == "yes",
                passThrough: row["pass_through"] == "yes", fallback: row["fallback"] == "yes")
        }
        subjectIDs = Set(subjects.map(\.id))
        for subject in subjects {
            if let parent = subject.parent, !subjectIDs.contains(parent) {
                throw ToolkitError(
                    file: folder + "/subjects.csv", "subject \(subject.id): unknown parent \"\(parent)\"")
            }
        }
        return subjects
    }

    /// `cpv_subjects.csv`: CPV prefix → subject rules.
    func cpvRules() throws -> [CPVSubjectRule] {
        try rows("cpv_subjects.csv", required: ["cpv_prefix", "subject", "reason"]).map { row in
            CPVSubjectRule(
                prefix: try Taxonomy.cpvPrefix(row, cpv), subject: try subject(row),
                reason: try row.required("reason"))
        }
    }

    /// `subject_measures.csv`: subject → measure relevance rules.
    func relevanceRules() throws -> [RelevanceRule] {
        try rows("subject_measures.csv", required: ["subject", "framework", "measure", "strength", "reason"]).map {
            row in
            let text = try row.required("strength")
            guard let strength = RelevanceStrength(rawValue: text) else {
                throw row.error("strength", "strength must be strong, possible or none, not \"\(text)\"")
            }
            return RelevanceRule(
                subject: try subject(row), measure: try measure(row), strength: strength,
                reason: try row.required("reason"))
        }
    }

    /// `subject_keywords.csv`: words in a contract description that refine a CPV code's subject.
    func subjectKeywords() throws -> [String: [Words]] {
        try Dictionary(
            uniqueKeysWithValues: rows("subject_keywords.csv", required: ["subject", "keywords"]).map { row in
                (try subject(row), Self.words(row["keywords"]))
            })
    }

    /// `core_measures.csv`: measures that restate what contracts with some CPV codes buy (any code where the prefix
    /// is empty: then the description's words alone decide, so they are required).
    func coreRules() throws -> [CoreMeasureRule] {
        try rows("core_measures.csv", required: ["cpv_prefix", "measure", "reason"]).map { row in
            CoreMeasureRule(
                prefix: try prefixOrAny(row), keywords: Self.words(row["keywords"]),
                measure: "open:" + (try row.required("measure")), reason: try row.required("reason"))
        }
    }

    /// A row's CPV prefix, or "" (any code) when it is empty and the row's keywords say when it applies.
    private func prefixOrAny(_ row: DataRow) throws -> String {
        guard row["cpv_prefix"].isEmpty else { return try Taxonomy.cpvPrefix(row, cpv) }
        guard !row["keywords"].isEmpty else {
            throw row.error("keywords", "a rule for any CPV code (no cpv_prefix) needs keywords saying when it applies")
        }
        return ""
    }

    /// `safeguarding.csv`: measures excluded or caveated for some CPV codes, when the description has one of the
    /// keywords (if any are given).
    func safeguardingRules() throws -> [SafeguardingRule] {
        try rows("safeguarding.csv", required: ["cpv_prefix", "measure", "action", "caveat", "source"]).map { row in
            let action = try row.required("action")
            guard let kind = SafeguardingRule.Action(rawValue: action) else {
                throw row.error("action", "action must be exclude or caveat, not \"\(action)\"")
            }
            return SafeguardingRule(
                prefix: try prefixOrAny(row), keywords: Self.words(row["keywords"]),
                measure: "open:" + (try row.required("measure")),
                action: kind, caveat: try row.required("caveat"), source: try row.required("source"))
        }
    }

    /// `action_keywords.csv`: the words an equality action must contain to link to a measure.
    func actionKeywords() throws -> [String: [Words]] {
        try Dictionary(
            rows("action_keywords.csv", required: ["measure", "keywords", "reason"]).map { row in
                ("open:" + (try row.required("measure")), Self.words(try row.required("keywords")))
            }, uniquingKeysWith: +)
    }

    /// `domain_keywords.csv`: words that tie an equality action to a need domain, lower-cased.
    func domainKeywords() throws -> [String: [String]] {
        try Dictionary(
            uniqueKeysWithValues: rows("domain_keywords.csv", required: ["domain", "keywords"]).map { row in
                (try domain(row, "domain"), row["keywords"].lowercased().split(separator: "|").map(String.init))
            })
    }

    /// `quantities.csv`: the quantities a contract can give, with the words that show a description mentions one.
    func quantities() throws -> [ContractQuantity] {
        try rows("quantities.csv", required: ["quantity", "name", "keywords"]).map { row in
            ContractQuantity(
                id: try row.required("quantity"), name: try row.required("name"),
                keywords: Self.words(row["keywords"]))
        }
    }

    /// A quantity named in a row, known to `quantities.csv`.
    private func quantity(_ row: DataRow, known: [ContractQuantity]) throws -> String {
        let id = try row.required("quantity")
        guard known.contains(where: { $0.id == id }) else {
            throw row.error(
                "quantity", "unknown quantity \"\(id)\"; known: \(known.map(\.id).joined(separator: ", "))")
        }
        return id
    }

    /// `subject_quantities.csv`: the quantities each subject's contracts should give.
    func subjectQuantities(known: [ContractQuantity]) throws -> [SubjectQuantity] {
        try rows("subject_quantities.csv", required: ["subject", "quantity", "reason"]).map { row in
            SubjectQuantity(
                subject: try subject(row), quantity: try quantity(row, known: known),
                reason: try row.required("reason"))
        }
    }

    /// `quantity_targets.csv`: targets sized on a contract's quantities, each share between 0 and 1 and each
    /// conversion positive.
    func quantityTargets(known: [ContractQuantity]) throws -> [QuantityTarget] {
        try rows(
            "quantity_targets.csv",
            required: ["subject", "quantity", "framework", "measure", "share", "per_unit", "basis", "source"]
        ).map { row in
            let share = try row.number("share")
            guard share > 0, share <= 1 else { throw row.error("share", "share must be above 0 and at most 1") }
            let perUnit = try row.number("per_unit")
            guard perUnit > 0 else { throw row.error("per_unit", "per_unit must be above 0") }
            return QuantityTarget(
                subject: try subject(row), quantity: try quantity(row, known: known), measure: try measure(row),
                share: share, perUnit: perUnit, basis: try row.required("basis"), source: try row.required("source"),
                location: row.citation)
        }
    }

    /// `pass_through.csv`: words that signal money passing through the supplier.
    func passThroughSignals() throws -> [PassThroughSignal] {
        try rows("pass_through.csv", required: ["keywords", "reason"]).map { row in
            PassThroughSignal(keywords: Self.words(try row.required("keywords")), reason: try row.required("reason"))
        }
    }

    /// `coverage_divisions.csv`: the CPV divisions councils buy in, each a division of the vocabulary.
    func coverageDivisions() throws -> [String] {
        try rows("coverage_divisions.csv", required: ["division", "reason"]).map { row in
            let division = try row.required("division")
            guard division.count == 2, cpv.codes[division + "000000"] != nil else {
                throw row.error("division", "\"\(division)\" is not a CPV division (two digits, e.g. 45)")
            }
            return division
        }
    }
}
