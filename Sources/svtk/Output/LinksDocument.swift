import Catalogue
import Evidence
import NeedsAnalysis
import Recommender
import Reports

/// The links as `svtk links --format json` gives them: the framework, then each need and each equality gap
/// linked to a measure, with the chain of evidence and the reason.
struct LinksDocument: OutputDocument {
    var framework: String
    var needs: [NeedLinkOutput]
    var equalityGaps: [GapLinkOutput]

    init(framework: String, needs: [NeedLink], equalityGaps: [GapLink]) {
        self.framework = framework
        self.needs = needs.map(NeedLinkOutput.init)
        self.equalityGaps = equalityGaps.map(GapLinkOutput.init)
    }
}

/// A local need linked to a measure (``NeedLink``), with the indicator figures behind the need.
struct NeedLinkOutput: Encodable {
    var area: String
    var areaName: String
    var domain: String
    var score: Nullable<Double>
    var level: NeedLevel
    var measure: String
    var title: String
    var outcome: String
    var reason: String
    var chain: String
    var evidence: [EvidenceOutput]

    init(_ l: NeedLink) {
        area = l.area.code
        areaName = l.area.name
        domain = l.domain.id
        score = Nullable(l.score)
        level = l.level
        measure = l.measure.key
        title = l.measure.title
        outcome = l.measure.outcome
        reason = l.reason
        chain = l.chain
        evidence = l.evidence.map(EvidenceOutput.init)
    }
}

/// An equality gap linked to a measure for one of its characteristics (``GapLink``), with the figures giving the
/// size of the group in the gap's places and the characteristics no figure is loaded for.
struct GapLinkOutput: Encodable {
    var action: String
    var characteristic: String
    var places: [String]
    var measure: String
    var title: String
    var reason: String
    var chain: String
    var groupSizes: [GroupSizeOutput]
    var noFiguresFor: [String]

    /// A figure giving the size of the group in one place.
    struct GroupSizeOutput: Encodable {
        var area: String
        var indicator: String
        var value: Nullable<Double>
        var unit: String
    }

    init(_ g: GapLink) {
        action = g.need.gap.action
        characteristic = g.characteristic
        places = g.need.places.map(\.code)
        measure = g.measure.key
        title = g.measure.title
        reason = g.reason
        chain = g.chain
        groupSizes = g.need.groupSizes.map {
            GroupSizeOutput(area: $0.area.code, indicator: $0.indicator, value: Nullable($0.value), unit: $0.unit)
        }
        noFiguresFor = g.need.missing
    }
}
