/// A social value framework: the open catalogue, a council's own, the government's model, or a licensed TOMs file.
public struct Framework: Hashable, Codable, Sendable {
    /// Short id used on the command line and in link files, e.g. `open`, `council`, `government`.
    public var id: String
    /// The name a person reads, e.g. `Open social value measures`.
    public var name: String
    /// `open`, `reconstructed`, `licensed`, …
    public var status: String
    /// The licence its measures are used under, e.g. `CC BY 4.0`.
    public var licence: String
    /// What the framework is and where it comes from.
    public var description: String
}

/// Goods, services or works: the three kinds of public contract.
public enum ContractCategory: String, Codable, Sendable, CaseIterable, Comparable {
    /// The three kinds, as written in the catalogue files.
    case goods, services, works

    /// Orders categories by name: goods, services, works.
    public static func < (a: ContractCategory, b: ContractCategory) -> Bool { a.rawValue < b.rawValue }
}

/// One measure of a framework: what a supplier can commit to, in a unit, with a proxy value where one is sourced.
public struct Measure: Hashable, Codable, Sendable {
    /// The framework's id.
    public var framework: String
    /// The reference within the framework, e.g. `J2` or `PPN06/20-MAC5.1`.
    public var ref: String
    /// The framework theme it belongs to (`catalogues/themes.csv`), e.g. `Jobs`.
    public var theme: String
    /// The outcome it serves, e.g. `More local people in employment`.
    public var outcome: String
    /// The short title a person reads, e.g. `Local people employed on the contract`.
    public var title: String
    /// What counts towards the measure, in a sentence or two.
    public var description: String
    /// The unit the target is counted in (from `catalogues/units.csv`).
    public var unit: String
    /// The kinds of contract it usually fits.
    public var categories: [ContractCategory]
    /// The National TOMs (or localised TOMs) reference a public source names for it, if any.
    public var tomsReference: String?
    /// The id of its open proxy in `catalogues/proxies.csv`, if any.
    public var proxy: String?
    /// The open-catalogue measure it is derived from, if any (its links and relevance are inherited).
    public var basedOn: String?
    /// `unverified`, `reconstructed`, or empty.
    public var status: String
    /// The public source it is taken from, or the `file:line` of its row when the file names none.
    public var source: String

    /// `framework:ref`, unique across frameworks.
    public var key: String { "\(framework):\(ref)" }
    /// The reference the policy files (`targets.csv`, `priorities.csv`, `conditions.csv`, …) know the measure by:
    /// the open measure it is based on, or its own.
    public var policyRef: String { basedOn ?? ref }
}
