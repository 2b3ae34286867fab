import Catalogue
import Core

/// What a bidder needs to see, as it types a quantity, of how each measure of a tender will be scored: the money
/// value per unit and the years it counts for, the proportionate target, the plausible maximum above which a
/// quantity is scored at that maximum, the floor under which a line is a token one, and the measures not scored at
/// all. Worked out by the same code as ``BidEvaluation``, so a value shown while typing is the value scored.
public struct OfferGuide: Codable, Sendable {
    /// How one measure of the tender is scored.
    public struct Line: Codable, Sendable {
        /// The measure's catalogue key (`framework:ref`).
        public var measure: String
        /// The measure's reference in its framework, as an offers CSV names it.
        public var ref: String
        /// The measure's title.
        public var title: String
        /// The unit quantities are counted in.
        public var unit: String
        /// £ per unit, when an open proxy is sourced (nil: the line earns points, not pounds).
        public var proxyValue: Double?
        /// The years a quantity counts for (the contract's years where the value recurs, otherwise 1).
        public var years: Double
        /// The proportionate target, in the measure's unit (nil where none is sized).
        public var target: Double?
        /// Quantities above this are scored at it and flagged (nil where no target is sized).
        public var plausibleMaximum: Double?
        /// Quantities under this are flagged as token lines (nil where no target is sized).
        public var tokenFloor: Double?
        /// Why a commitment to the measure is not scored (a contract condition, irrelevant); nil when it is.
        public var notScored: String?

        /// The SLEVA a quantity earns, in £, as the evaluation values it: held at the plausible maximum, 0 when
        /// not scored or not valued.
        public func value(of quantity: Double) -> Double {
            guard notScored == nil, let proxyValue else { return 0 }
            return SocialValue.pounds(min(quantity, plausibleMaximum ?? quantity), proxy: proxyValue, years: years)
        }

        /// What the evaluation will flag about a quantity, in words; nil when nothing.
        public func flag(for quantity: Double) -> String? {
            if let notScored { return notScored }
            if let plausibleMaximum, quantity > plausibleMaximum {
                return "above the plausible maximum of \(plausibleMaximum.written(.quantity(unit))): scored at that"
            }
            if let tokenFloor, quantity > 0, quantity < tokenFloor {
                return "a token line: under \(tokenFloor.written(.quantity(unit)))"
            }
            return nil
        }
    }

    /// The tender's measures in the order given.
    public let lines: [Line]

    /// The guide for `measures` (catalogue keys or references) of `contract`.
    /// - Throws: `ToolkitError` at the contract's field that is wrong, or naming a measure not in the catalogue.
    public init(measures: [String], contract: ContractProfile, catalogue: Catalogue, policy: Policy) throws {
        try contract.validate(file: "contract", catalogue: catalogue)
        let sheet = try OfferSheet(contract: contract, catalogue: catalogue, policy: policy)
        let framework = contract.framework ?? "open"
        lines = try measures.map { reference in
            guard let measure = catalogue.measure(reference, framework: framework) ?? catalogue.measure(reference)
            else {
                throw ToolkitError(file: "tender", "unknown measure \"\(reference)\" in the \(framework) framework")
            }
            return sheet.guide(measure)
        }
    }

    /// The line for a measure's key or reference, if the tender has it.
    /// - Complexity: O(n) in the tender's measures.
    public func line(_ measure: String) -> Line? { lines.first { $0.measure == measure || $0.ref == measure } }
}
