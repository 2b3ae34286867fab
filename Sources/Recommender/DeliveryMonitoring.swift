import Catalogue
import Core
import Foundation

/// Commitments against quarterly delivery returns: progress, value delivered against committed, RAG status,
/// shortfall and a forecast to the contract's end at the run rate so far.
///
/// A cumulative commitment (hours, weeks, tonnes, people taken on) is due evenly over the contract's quarters:
/// by quarter q of n, q/n of it, and quarterly returns add up. A point-in-time commitment (a headcount in FTE, a
/// share; `catalogues/units.csv`) is due in full at every point: the latest quarter's figure is compared with it
/// and returns are never summed. RAG compares delivered with due (`policy/monitoring.csv`: green from 95%,
/// amber from 70%). A return of a figure with no evidence is flagged and not counted as delivered. A contract
/// condition (the living wage) is pass/fail and never valued. Aspirations are reported the same way but carry no cost
/// recovery.
public struct DeliveryMonitoring: Codable, Sendable {
    /// Delivery against one commitment.
    public struct Line: Codable, Sendable {
        /// The measure's catalogue key (`framework:ref`).
        public var measure: String
        /// The measure's title.
        public var title: String
        /// The unit the commitment is counted in.
        public var unit: String
        /// The quantity committed.
        public var committed: Double
        /// The quantity delivered: the returns summed, or the latest quarter's figure for a point-in-time unit.
        public var delivered: Double
        /// What is due by the latest quarter returned: q/n of the commitment, or all of it for a point-in-time unit.
        public var dueToDate: Double
        /// delivered ÷ committed.
        public var progress: Double
        /// RAG status, `green`, `amber` or `red`: delivered against due (`policy/monitoring.csv`); for a contract
        /// condition, `pass`, `fail` or `not yet returned`.
        public var status: DeliveryStatus
        /// How far delivery is behind what is due (0 when on track or ahead).
        public var shortfall: Double
        /// delivered ÷ quarters elapsed × quarters in the contract.
        public var forecast: Double
        /// SLEVA of the commitment in £, or nil when the measure has no open proxy.
        public var valueCommitted: Double?
        /// SLEVA of what was delivered in £, or nil when the measure has no open proxy.
        public var valueDelivered: Double?
        /// `point in time` (the latest quarter against the commitment), `cumulative` (summed over quarters) or
        /// `condition` (pass/fail, not valued).
        public var measured: String
        /// The returns' evidence notes, as `Q2: contract of employment`, in the order returned.
        public var evidence: [String] = []
        /// Returns of a figure with no evidence, as `Q3: 2 hires (FTE)`: flagged and not counted as delivered.
        public var unevidenced: [String] = []
    }

    /// One line per commitment, in the order of the commitments CSV.
    public let lines: [Line]
    /// The contract's quarters: its months ÷ 3, rounded up (at least 1).
    public let quarters: Int
    /// The latest quarter any return reports (0 when there are none).
    public let quartersElapsed: Int
    /// Total SLEVA committed, in £, over the measures with an open proxy.
    public let valueCommitted: Double
    /// Total SLEVA delivered, in £, over the measures with an open proxy.
    public let valueDelivered: Double
    /// What under-delivery leads to: cost recovery for formal commitments, none for aspirations.
    public let consequence: String

    /// - Parameters:
    ///   - commitments: CSV `measure,quantity`.
    ///   - returns: CSV `quarter,measure,delivered` (quarter as `1`…`n` or `Q1`…`Qn`; an `evidence` column is allowed).
    /// - Throws: `ToolkitError` for an invalid contract, or at the file, line and column of a bad row of either CSV.
    public init(contract: ContractProfile, commitments: String, returns: String, catalogue: Catalogue, policy: Policy)
        throws
    {
        try contract.validate(file: "contract", catalogue: catalogue)
        let framework = contract.framework ?? "open"
        quarters = contract.quarters
        let aspirations =
            ProcurementRules(contract: contract, policy: policy, authority: "", servesPeople: false).commitments
            != .formal
        consequence =
            aspirations
            ? "Aspirations (non-binding): delivery is reported and discussed, but there is no cost recovery for "
                + "under-delivery."
            : "Formal commitments: under-delivery can lead to recovery of costs at the contract manager's discretion."
        let committed = try Self.commitments(commitments, framework: framework, catalogue: catalogue).map {
            ($0.measure, $0.quantity)
        }
        var delivery = QuarterlyReturns(committed: committed, quarters: quarters, catalogue: catalogue)
        try delivery.read(returns)
        quartersElapsed = delivery.elapsed
        let status = (green: policy.rules.greenFrom, amber: policy.rules.amberFrom)
        lines = committed.map { measure, quantity in
            let proxy = catalogue.proxy(for: measure)
            let years = policy.valueYears(of: measure, in: contract)
            return delivery.line(
                measure, committed: quantity, status: status, proxyValue: proxy?.value, years: years,
                condition: policy.condition(for: measure) != nil)
        }
        valueCommitted = lines.compactMap(\.valueCommitted).reduce(0, +)
        valueDelivered = lines.compactMap(\.valueDelivered).reduce(0, +)
    }

    /// The commitments CSV (`measure,quantity`): each measure known (by its reference in `framework`, or its
    /// catalogue key), committed once, in a quantity that can be monitored; with the measure as the file names it.
    /// - Throws: `ToolkitError` at the file, line and column of a bad row.
    public static func commitments(
        _ path: String, framework: String, catalogue: Catalogue
    ) throws -> [(reference: String, measure: Measure, quantity: Double)] {
        var committed: [(reference: String, measure: Measure, quantity: Double)] = []
        try DataTable(path: path, required: ["measure", "quantity"]).forEachRow { row in
            let reference = try row.required("measure")
            guard let measure = catalogue.measure(reference, framework: framework) ?? catalogue.measure(reference)
            else {
                throw row.error("measure", "unknown measure \"\(reference)\"")
            }
            guard !committed.contains(where: { $0.measure.key == measure.key }) else {
                throw row.error("measure", "\(reference) is committed twice")
            }
            let quantity = try row.number("quantity")
            if let problem = catalogue.contractLimits.problem(withQuantity: quantity) {
                throw row.error("quantity", "\(problem), not \(row["quantity"])")
            }
            committed.append((reference, measure, quantity))
        }
        return committed
    }
}

extension DeliveryMonitoring.Line {
    /// Decodes a line, one saved in a workspace before `unevidenced` existed among them (none).
    /// - Throws: `DecodingError` when a field is missing or of the wrong type.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        measure = try values.decode(String.self, forKey: .measure)
        title = try values.decode(String.self, forKey: .title)
        unit = try values.decode(String.self, forKey: .unit)
        committed = try values.decode(Double.self, forKey: .committed)
        delivered = try values.decode(Double.self, forKey: .delivered)
        dueToDate = try values.decode(Double.self, forKey: .dueToDate)
        progress = try values.decode(Double.self, forKey: .progress)
        status = try values.decode(DeliveryStatus.self, forKey: .status)
        shortfall = try values.decode(Double.self, forKey: .shortfall)
        forecast = try values.decode(Double.self, forKey: .forecast)
        valueCommitted = try values.decodeIfPresent(Double.self, forKey: .valueCommitted)
        valueDelivered = try values.decodeIfPresent(Double.self, forKey: .valueDelivered)
        measured = try values.decode(String.self, forKey: .measured)
        evidence = try values.decodeIfPresent([String].self, forKey: .evidence) ?? []
        unevidenced = try values.decodeIfPresent([String].self, forKey: .unevidenced) ?? []
    }
}
