import Catalogue
import Reports

/// A measure as `svtk measures --format json` lists it: its wording, unit, contract categories, references and
/// open proxy value. `svtk measures show REF --format json` adds the proxy's working, the needs and equality
/// groups it answers and its relevance to contract subjects; the list leaves those members out.
struct MeasureOutput: OutputDocument {
    var ref: String
    var framework: String
    var theme: String
    var outcome: String
    var title: String
    var description: String
    var unit: String
    var categories: [String]
    var tomsRef: Nullable<String>
    var basedOn: Nullable<String>
    var status: String
    var proxyValue: Nullable<Double>
    var proxyUnit: Nullable<String>
    var proxyPriceYear: Nullable<String>
    /// The proxy's formula and working (`null` with no proxy); shown in detail only.
    var proxyWorking: Nullable<String>?
    /// The need domains the measure answers; shown in detail only.
    var needs: [NeedOutput]?
    /// The protected characteristics the measure serves; shown in detail only.
    var characteristics: [CharacteristicOutput]?
    /// The measure's relevance to contract subjects; shown in detail only.
    var relevance: [RelevanceOutput]?

    /// A need domain the measure answers, and why.
    struct NeedOutput: Encodable {
        var domain: String
        var reason: String
    }

    /// A protected characteristic the measure serves, and why.
    struct CharacteristicOutput: Encodable {
        var characteristic: String
        var reason: String
    }

    /// How strongly the measure is connected to contracts about a subject, and why.
    struct RelevanceOutput: Encodable {
        var subject: String
        var strength: String
        var reason: String
    }

    /// The measure with its open proxy value; `detailed` adds the proxy's working and the taxonomy's links.
    init(_ m: Measure, _ catalogue: Catalogue, detailed: Bool = false) {
        let proxy = catalogue.proxy(for: m)
        ref = m.ref
        framework = m.framework
        theme = m.theme
        outcome = m.outcome
        title = m.title
        description = m.description
        unit = m.unit
        categories = m.categories.map(\.rawValue)
        tomsRef = Nullable(m.tomsReference)
        basedOn = Nullable(m.basedOn)
        status = m.status
        proxyValue = Nullable(proxy?.value)
        proxyUnit = Nullable(proxy?.unit)
        proxyPriceYear = Nullable(proxy?.priceYear)
        guard detailed else { return }
        let key = catalogue.linkKey(m)
        proxyWorking = Nullable(proxy.map { "\($0.formula) = \($0.working)" })
        needs = catalogue.taxonomy.domainLinks(to: key).map { NeedOutput(domain: $0.from, reason: $0.reason) }
        characteristics = catalogue.taxonomy.characteristicLinks(to: key).map {
            CharacteristicOutput(characteristic: $0.from, reason: $0.reason)
        }
        relevance = catalogue.taxonomy.relevanceRules.filter { $0.measure == key }.map {
            RelevanceOutput(subject: $0.subject, strength: $0.strength.rawValue, reason: $0.reason)
        }
    }
}
