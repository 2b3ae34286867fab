import Catalogue
import Formatting
import Reports

/// A contract subject as `svtk subjects` gives it: where it sits, which CPV prefixes file codes under it, its
/// natural measures (strong relevance) and the other measures' relevance, with reasons, and the quantities it asks
/// for.
struct SubjectDocument: OutputDocument {
    /// A measure's relevance to the subject, and the subject whose rule decided it.
    struct Rule: Encodable {
        var measure: String
        var strength: String
        var reason: String
        var decidedBy: String
    }

    var id: String
    var name: String
    var category: Nullable<String>
    var parent: Nullable<String>
    var description: String
    var servesPeople: Bool
    var passThrough: Bool
    var fallback: Bool
    var cpvPrefixes: [String]
    var natural: [Rule]
    var other: [Rule]
    var quantities: [String]

    init(_ subject: Subject, _ catalogue: Catalogue) {
        let taxonomy = catalogue.taxonomy
        id = subject.id
        name = subject.name
        category = Nullable(subject.category?.rawValue)
        parent = Nullable(subject.parent)
        description = subject.description
        servesPeople = subject.servesPeople
        passThrough = subject.passThrough
        fallback = subject.fallback
        cpvPrefixes = taxonomy.cpvRules.filter { $0.subject == subject.id }.map(\.prefix)
        let rules = taxonomy.rules(deciding: subject).map {
            Rule(
                measure: String($0.measure.split(separator: ":").last ?? ""), strength: $0.strength.rawValue,
                reason: $0.reason, decidedBy: $0.subject)
        }
        natural = rules.filter { $0.strength == RelevanceStrength.strong.rawValue }
        other = rules.filter { $0.strength != RelevanceStrength.strong.rawValue }
        quantities = taxonomy.quantities(asked: subject.id).map(\.quantity)
    }

    /// The subject in lines a commissioner reads.
    var text: String {
        var lines = [
            "\(name) (\(id)): \(category.value ?? "any category")" + (parent.value.map { ", within \($0)" } ?? ""),
            "  \(description)",
        ]
        if fallback { lines.append("  a division's catch-all: used where no finer subject covers a code") }
        if passThrough { lines.append("  much of the value usually passes through: the supplier's fee is asked for") }
        if servesPeople { lines.append("  a service to people: co-designed and co-produced with them") }
        lines.append(
            "  CPV prefixes: "
                + (cpvPrefixes.isEmpty ? "none (reached as a broader subject)" : cpvPrefixes.joined(separator: ", ")))
        if !quantities.isEmpty { lines.append("  quantities asked: " + quantities.joined(separator: ", ")) }
        lines.append("Natural measures (never cut for weak need):")
        lines += natural.map { "  \($0.measure)  \($0.reason) [\($0.decidedBy)]" }
        lines.append("Other measures:")
        lines += other.map { "  \($0.measure)  \($0.strength): \($0.reason) [\($0.decidedBy)]" }
        return lines.joined(separator: "\n")
    }
}

/// `svtk subjects --coverage --format json`: per division, the codes and those reaching a finer subject.
struct CoverageDocument: OutputDocument {
    struct Division: Encodable {
        var division: String
        var name: String
        var codes: Int
        var covered: Int
        var examplesNotCovered: [String]
    }

    var divisions: [Division]
    var share: Nullable<Double>

    init(_ coverage: SubjectCoverage) {
        divisions = coverage.divisions.map {
            Division(
                division: $0.division, name: $0.name, codes: $0.codes, covered: $0.covered,
                examplesNotCovered: $0.examplesNotCovered)
        }
        share = Nullable(coverage.share)
    }
}
