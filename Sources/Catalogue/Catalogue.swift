import Core
import Evidence
import Formatting
import Foundation

/// Everything the toolkit knows about social value measures: the frameworks and their measures, units,
/// open figures and proxy values (`catalogues/`), the need taxonomy and relevance tables (`taxonomy/`),
/// and the CPV vocabulary (`cpv/`). All of it is data, loaded and validated at run time.
///
/// A council points the toolkit at its own folder with `--catalogue DIR`: each of `catalogues/`,
/// `taxonomy/`, `cpv/`, `policy/` and `geography/` found in DIR replaces the shipped one; the rest come from the
/// shipped `Datasets/`.
public struct Catalogue: Sendable {
    /// The folders each part was read from.
    public let sources: [String: String]
    /// The frameworks of `catalogues/frameworks.csv`, in file order.
    public let frameworks: [Framework]
    /// Every measure of every framework, in file order, with inherited fields filled in.
    public let measures: [Measure]
    /// Known units and their kind (`quantity`, `money`, `share`, `qualitative`).
    public let units: [String: String]
    /// Units reported as a level at a point in time (a headcount, a share), never summed over quarters.
    public let pointInTimeUnits: Set<String>
    /// Each framework's themes.
    public let themes: [String: [String]]
    /// The open figures proxy values are computed from, by id (`catalogues/open_values.csv`).
    public let openValues: [String: OpenValue]
    /// The open proxy values by id, computed and re-based to ``priceBase`` (`catalogues/proxies.csv`).
    public let proxies: [String: ProxyValue]
    /// The one price year and valuation basis of every proxy value.
    public let priceBase: PriceBase
    /// The reviewed links from evidence to measures (`taxonomy/`).
    public let taxonomy: Taxonomy
    /// The CPV 2008 vocabulary (`cpv/cpv_2008.csv`).
    public let cpv: CPVVocabulary
    /// How need is read: levels, the score that answers a need, national anchors (`policy/need_bands.csv`).
    public let needBands: NeedBands
    /// The populations deprivation domains are weighed by in ward averages (`policy/deprivation_weights.csv`).
    public let deprivationWeights: DeprivationWeights
    /// Each kind of file's publisher, licence and editions (`policy/sources.csv`, `policy/editions.csv`).
    public let publishedSources: PublishedSources
    /// Third parties' aggregates, read only when asked for (`policy/unofficial_sources.csv`).
    public let unofficialSources: UnofficialSources
    /// Authorities replaced by others, for lookups published before the change (`geography/authority_changes.csv`).
    public let authorityChanges: AuthorityChanges
    /// The bounds a contract profile must keep.
    public let contractLimits: ContractLimits
    /// What `svtk serve` accepts from a browser.
    public let workspaceLimits: WorkspaceLimits
    /// Each role's permissions in a shared workspace (`policy/roles.csv`).
    public let accessPolicy: AccessPolicy

    private let byKey: [String: Measure]

    /// Loads and validates a catalogue folder (default: the shipped `Datasets/`).
    /// - Throws: `ToolkitError` with no data folder, or for a bad folder or file value.
    public static func load(directory: String? = nil) throws -> Catalogue {
        let shipped = try DatasetsDirectory.path()
        func folder(_ name: String) -> String {
            if let directory, FileManager.default.fileExists(atPath: directory + "/" + name) {
                return directory + "/" + name
            }
            return shipped + "/" + name
        }
        if let directory {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
                throw ToolkitError(
                    file: directory,
                    "no such catalogue folder (give a folder holding catalogues/, "
                        + "taxonomy/, cpv/, policy/ or geography/)")
            }
            let parts = ["catalogues", "taxonomy", "cpv", "policy", "geography"]
            guard parts.contains(where: { FileManager.default.fileExists(atPath: directory + "/" + $0) }) else {
                throw ToolkitError(
                    file: directory, "this folder has none of catalogues/, taxonomy/, cpv/, policy/ or geography/")
            }
        }
        return try Catalogue(
            catalogues: folder("catalogues"), taxonomy: folder("taxonomy"), cpv: folder("cpv"),
            policy: folder("policy"), geography: folder("geography"))
    }

    init(
        catalogues: String, taxonomy taxonomyFolder: String, cpv cpvFolder: String, policy: String, geography: String
    ) throws {
        sources = [
            "catalogues": catalogues, "taxonomy": taxonomyFolder, "cpv": cpvFolder, "policy": policy,
            "geography": geography,
        ]
        (units, pointInTimeUnits) = try Self.readUnits(catalogues + "/units.csv")
        frameworks = try Self.readFrameworks(catalogues + "/frameworks.csv")
        themes = try Self.readThemes(catalogues + "/themes.csv", frameworks: Set(frameworks.map(\.id)))
        contractLimits = try ContractLimits(folder: policy)
        openValues = try Self.readOpenValues(catalogues + "/open_values.csv", below: contractLimits.valueBelow)
        priceBase = try PriceBase(
            valuation: catalogues + "/valuation.csv", deflators: catalogues + "/gdp_deflators.csv")
        proxies = try Self.readProxies(
            catalogues + "/proxies.csv", values: openValues, priceBase: priceBase, below: contractLimits.valueBelow)
        var measures: [Measure] = []
        var byKey: [String: Measure] = [:]
        // The open catalogue first, so that other frameworks can be based on it.
        for framework in frameworks.filter({ $0.id == "open" }) + frameworks.filter({ $0.id != "open" }) {
            let path = "\(catalogues)/\(framework.id)/measures.csv"
            for measure in try Self.readMeasures(
                path, framework: framework.id, themes: themes[framework.id] ?? [],
                units: units, proxies: proxies, known: byKey)
            {
                measures.append(measure)
                byKey[measure.key] = measure
            }
        }
        self.measures = measures
        self.byKey = byKey
        cpv = try CPVVocabulary(path: cpvFolder + "/cpv_2008.csv")
        taxonomy = try Taxonomy(folder: taxonomyFolder, measures: byKey, cpv: cpv)
        needBands = try NeedBands(folder: policy)
        deprivationWeights = try DeprivationWeights(folder: policy)
        unofficialSources = try UnofficialSources(folder: policy)
        authorityChanges = try AuthorityChanges(folder: geography)
        publishedSources = try PublishedSources(folder: policy)
        workspaceLimits = try WorkspaceLimits(folder: policy)
        accessPolicy = try AccessPolicy(folder: policy)
    }

    /// A measure by `framework:ref`, or by `ref` within a framework (default: searched in every framework).
    public func measure(_ reference: String, framework: String? = nil) -> Measure? {
        if let measure = byKey[reference] { return measure }
        if let framework { return byKey["\(framework):\(reference)"] }
        return measures.first { $0.ref.caseInsensitiveCompare(reference) == .orderedSame }
    }

    /// Why a framework id cannot be used, or nil when the catalogue has it.
    public func unknownFramework(_ id: String) -> String? {
        frameworks.contains { $0.id == id }
            ? nil
            : "unknown framework \"\(id)\"; known: \(frameworks.map(\.id).joined(separator: ", "))"
    }

    /// The measures of one framework.
    public func measures(in framework: String) -> [Measure] { measures.filter { $0.framework == framework } }

    /// A measure's proxy value, if it has one.
    public func proxy(for measure: Measure) -> ProxyValue? { measure.proxy.flatMap { proxies[$0] } }

    /// The open-catalogue measure a measure stands for in the taxonomy (itself, or the one it is based on).
    public func linkKey(_ measure: Measure) -> String { measure.basedOn.map { "open:\($0)" } ?? measure.key }
}

extension Catalogue {
    static func readUnits(_ path: String) throws -> ([String: String], Set<String>) {
        var units: [String: String] = [:]
        var pointInTime: Set<String> = []
        try DataTable(path: path, required: ["unit", "kind", "measured"]).forEachRow { row in
            let unit = try row.required("unit")
            guard units[unit] == nil else { throw row.error("unit", "unit \"\(unit)\" is listed twice") }
            units[unit] = row["kind"]
            switch row["measured"] {
            case "point in time": pointInTime.insert(unit)
            case "cumulative": break
            default:
                throw row.error(
                    "measured", "measured must be \"point in time\" or cumulative, not \"\(row["measured"])\"")
            }
        }
        return (units, pointInTime)
    }

    static func readFrameworks(_ path: String) throws -> [Framework] {
        var frameworks: [Framework] = []
        try DataTable(path: path, required: ["id", "name"]).forEachRow { row in
            let id = try row.required("id")
            guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw row.error(
                    "id",
                    "a framework id is a folder name of lower-case letters, digits, - and _, not "
                        + ToolkitError.quoted(id))
            }
            guard !frameworks.contains(where: { $0.id == id }) else {
                throw row.error("id", "framework \"\(id)\" is listed twice")
            }
            frameworks.append(
                Framework(
                    id: id, name: try row.required("name"), status: row["status"],
                    licence: row["licence"], description: row["description"]))
        }
        guard !frameworks.isEmpty else {
            throw ToolkitError(file: path, "no frameworks listed: at least open is needed")
        }
        return frameworks
    }

    static func readThemes(_ path: String, frameworks: Set<String>) throws -> [String: [String]] {
        var themes: [String: [String]] = [:]
        try DataTable(path: path, required: ["framework", "theme"]).forEachRow { row in
            let framework = try row.required("framework")
            guard frameworks.contains(framework) else {
                throw row.error(
                    "framework",
                    "unknown framework \"\(framework)\"; known: \(frameworks.sorted().joined(separator: ", "))")
            }
            themes[framework, default: []].append(try row.required("theme"))
        }
        return themes
    }

    /// The open values, each a figure from 0 to under `below` (the largest contract value: a value per unit as
    /// large is a typing error).
    static func readOpenValues(_ path: String, below: Double) throws -> [String: OpenValue] {
        var values: [String: OpenValue] = [:]
        try DataTable(path: path, required: ["id", "value", "unit", "price_year", "source_title"]).forEachRow { row in
            let id = try row.required("id")
            guard values[id] == nil else { throw row.error("id", "open value \"\(id)\" is listed twice") }
            let value = try row.number("value")
            guard value >= 0, value < below else {
                throw row.error(
                    "value", "\(id) must be 0 or more and under \(below.written(.whole)), not \(row["value"])")
            }
            values[id] = OpenValue(
                id: id, quantity: row["quantity"], value: value, unit: row["unit"],
                priceYear: row["price_year"], sourceTitle: row["source_title"],
                sourceAddress: row["source_address"], licence: row["licence"])
        }
        return values
    }

    /// The year part of a price year (`2024/25 (nominal)` → `2024/25`).
    static func priceYear(_ text: String) -> String { String(text.split(separator: " ").first ?? "") }

    /// The proxy values, each worked out from the open values and checked to be finite, 0 or more and under
    /// `below`.
    static func readProxies(
        _ path: String, values: [String: OpenValue], priceBase: PriceBase, below: Double
    ) throws -> [String: ProxyValue] {
        var proxies: [String: ProxyValue] = [:]
        let numbers = values.mapValues(\.value)
        try DataTable(path: path, required: ["id", "formula", "unit", "price_year", "basis"]).forEachRow { row in
            let id = try row.required("id")
            guard proxies[id] == nil else { throw row.error("id", "proxy \"\(id)\" is listed twice") }
            let formula: ProxyFormula
            let value: Double
            do {
                formula = try ProxyFormula(try row.required("formula"))
                value = try formula.evaluate(numbers)
                guard value.isFinite, value >= 0, value < below else {
                    throw ProxyFormula.Failure(
                        message: "comes to \(value.written(.working)), not a value from 0 to under "
                            + below.written(.whole))
                }
            } catch let failure as ProxyFormula.Failure {
                throw row.error("formula", "formula of \(id): \(failure.message)")
            }
            let year = try row.required("price_year")
            for name in formula.names where year != "n/a" && priceYear(values[name]!.priceYear) != year {
                throw row.error(
                    "price_year",
                    "\(id) is priced in \(year) but \(name) is in \(values[name]!.priceYear); "
                        + "use figures of one price year")
            }
            var working = formula.substituted(numbers) { $0.written(.working) } + " = " + value.written(.working)
            var rebased = value
            do {
                if let (factor, text) = try priceBase.factor(from: year) {
                    rebased = (value * factor * 100).rounded() / 100  // to the penny
                    working +=
                        " (\(year) prices) \(text) = \(rebased.written(.working)) (\(priceBase.priceYear) prices)"
                }
            } catch let error as ToolkitError {
                throw row.error("price_year", error.message)
            }
            proxies[id] = ProxyValue(
                id: id, formula: formula.text, value: rebased, unit: row["unit"],
                priceYear: year == "n/a" ? year : priceBase.priceYear, basis: row["basis"], working: working,
                inputs: formula.names, sourceValue: value, sourcePriceYear: year)
        }
        return proxies
    }

    static func readMeasures(
        _ path: String, framework: String, themes: [String], units: [String: String],
        proxies: [String: ProxyValue], known: [String: Measure]
    ) throws -> [Measure] {
        var measures: [Measure] = []
        var refs: Set<String> = []
        try DataTable(path: path, required: ["ref", "theme", "title", "unit"]).forEachRow { row in
            let ref = try row.required("ref")
            guard refs.insert(ref).inserted else {
                throw row.error("ref", "reference \"\(ref)\" is used twice in \(framework)")
            }
            var base: Measure?
            if !row["based_on"].isEmpty {
                let key = row["based_on"].contains(":") ? row["based_on"] : "open:\(row["based_on"])"
                guard let found = known[key] else {
                    throw row.error(
                        "based_on", "based_on \"\(row["based_on"])\" is not a measure of the open catalogue")
                }
                base = found
            }
            func field(_ column: String, _ inherited: (Measure) -> String) -> String {
                row[column].isEmpty ? base.map(inherited) ?? "" : row[column]
            }
            let theme = try row.required("theme")
            guard themes.contains(theme) else {
                throw row.error(
                    "theme", "unknown theme \"\(theme)\" for \(framework); known: \(themes.joined(separator: ", "))")
            }
            let unit = field("unit", \.unit)
            guard units[unit] != nil else {
                throw row.error("unit", "unknown unit \"\(unit)\"; known units are listed in catalogues/units.csv")
            }
            let categoryText = field("categories") { $0.categories.map(\.rawValue).joined(separator: ";") }
            let categories = try categoryText.split(separator: ";").map { text -> ContractCategory in
                let name = text.trimmingSpaces.lowercased()
                guard let category = ContractCategory(rawValue: name) else {
                    throw row.error("categories", "unknown contract category \"\(name)\": use goods, services or works")
                }
                return category
            }
            let proxy = field("proxy") { $0.proxy ?? "" }
            guard proxy.isEmpty || proxies[proxy] != nil else {
                throw row.error("proxy", "unknown proxy \"\(proxy)\"; proxies are defined in catalogues/proxies.csv")
            }
            let title = field("title", \.title)
            guard !title.isEmpty else { throw row.error("title", "empty title") }
            let toms = field("toms_ref") { $0.tomsReference ?? "" }
            measures.append(
                Measure(
                    framework: framework, ref: ref, theme: theme, outcome: field("outcome", \.outcome), title: title,
                    description: field("description", \.description), unit: unit, categories: categories,
                    tomsReference: toms.isEmpty ? nil : toms, proxy: proxy.isEmpty ? nil : proxy,
                    basedOn: base?.ref, status: row["status"],
                    source: row["source"].isEmpty ? row.location : row["source"]))
        }
        return measures
    }
}
