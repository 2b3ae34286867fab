import Catalogue
import Evidence
import NeedsAnalysis
import Reports

/// An area's need profile as `svtk needs --format json` lists it and `svtk profile` writes it (NAME.json): the
/// area, then every domain with its score, level and the indicator figures behind it.
struct NeedProfileOutput: OutputDocument {
    var area: AreaOutput
    var domains: [DomainScoreOutput]

    /// The area profiled.
    struct AreaOutput: Encodable {
        var code: String
        var name: String
        var level: String
    }

    init(_ p: NeedProfile) {
        area = AreaOutput(code: p.area.code, name: p.area.name, level: p.area.level.rawValue)
        domains = p.domains.map(DomainScoreOutput.init)
    }
}

/// A need domain scored for an area (``DomainScore``): its score and level, or why it has none, with the figures
/// that scored it and those that only describe the area.
struct DomainScoreOutput: Encodable {
    var domain: String
    var name: String
    var score: Nullable<Double>
    var level: NeedLevel
    var note: Nullable<String>
    var evidence: [EvidenceOutput]
    var context: [EvidenceOutput]

    init(_ d: DomainScore) {
        domain = d.domain.id
        name = d.domain.name
        score = Nullable(d.score)
        level = d.level
        note = Nullable(d.note)
        evidence = d.evidence.map(EvidenceOutput.init)
        context = d.context.map(EvidenceOutput.init)
    }
}

/// An indicator's figures behind a need, with the taxonomy's reason for the link.
struct EvidenceOutput: Encodable {
    var reason: String
    var figures: IndicatorResultOutput

    init(_ e: DomainScore.Evidence) {
        reason = e.reason
        figures = IndicatorResultOutput(e.result)
    }
}

/// One indicator for one area (``IndicatorResult``): its latest figure against the parent area, England and the
/// sibling areas, its trend and the need signals it gives.
struct IndicatorResultOutput: Encodable {
    var indicator: String
    var name: String
    var unit: String
    var polarity: String
    var period: String
    var breakdown: String
    var value: Nullable<Double>
    var lower95: Nullable<Double>
    var upper95: Nullable<Double>
    var parent: Nullable<ComparisonOutput>
    var england: Nullable<ComparisonOutput>
    var rank: Nullable<Int>
    var rankedAmong: Nullable<Int>
    var quintile: Nullable<Int>
    var zScore: Nullable<Double>
    var siblings: Nullable<String>
    var trend: Nullable<String>
    var signal: Nullable<Double>
    var signalBasis: String
    var nationalSignal: Nullable<Double>
    var nationalBasis: Nullable<String>
    var source: String

    init(_ r: IndicatorResult) {
        indicator = r.indicator
        name = r.name
        unit = r.unit
        polarity = r.polarity.rawValue
        period = r.period
        breakdown = r.breakdown
        value = Nullable(r.value)
        lower95 = Nullable(r.lower95)
        upper95 = Nullable(r.upper95)
        parent = Nullable(r.parent.map(ComparisonOutput.init))
        england = Nullable(r.england.map(ComparisonOutput.init))
        rank = Nullable(r.rank)
        rankedAmong = Nullable(r.rankedAmong)
        quintile = Nullable(r.quintile)
        zScore = Nullable(r.zScore)
        siblings = Nullable(r.siblings)
        trend = Nullable(r.trend)
        signal = Nullable(r.signal)
        signalBasis = r.signalBasis
        nationalSignal = Nullable(r.nationalSignal)
        nationalBasis = Nullable(r.nationalBasis)
        source = r.source
    }
}

/// A figure set beside a comparator, the parent area or England (``Comparison``).
struct ComparisonOutput: Encodable {
    var area: String
    var name: String
    var value: Nullable<Double>
    var difference: Nullable<Double>
    var ratio: Nullable<Double>
    var significance95: String
    var significance998: String

    init(_ c: Comparison) {
        area = c.area
        name = c.name
        value = Nullable(c.value)
        difference = Nullable(c.difference)
        ratio = Nullable(c.ratio)
        significance95 = c.significance95.rawValue
        significance998 = c.significance998.rawValue
    }
}
