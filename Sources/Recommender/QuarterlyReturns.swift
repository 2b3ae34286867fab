import Catalogue
import Core
import Formatting

/// A contract's quarterly returns (`quarter,measure,delivered`, optionally `evidence`) read against its
/// commitments: what each measure has delivered so far, and its line of the monitoring report.
struct QuarterlyReturns {
    private let committed: [(Measure, Double)]
    private let quarters: Int
    private let catalogue: Catalogue
    /// Units counted at a point in time (the latest quarter's figure stands), not summed over quarters.
    private let pointInTime: Set<String>
    /// The latest quarter any return reports (0 before any).
    private(set) var elapsed = 0
    private var delivered: [String: Double] = [:]
    private var latest: [String: (quarter: Int, value: Double)] = [:]
    /// "measure quarter" → the line that reported it.
    private var reported: [String: Int] = [:]
    private var evidence: [String: [String]] = [:]
    /// Returns of a figure above 0 with no evidence, by measure key, as `Q2: 3`: flagged, not counted as delivered.
    private var unevidenced: [String: [String]] = [:]

    /// Returns for the commitments of a contract of `quarters` quarters, none read yet.
    init(committed: [(Measure, Double)], quarters: Int, catalogue: Catalogue) {
        self.committed = committed
        self.quarters = quarters
        self.catalogue = catalogue
        pointInTime = catalogue.pointInTimeUnits
    }

    /// Reads the returns CSV: one return per measure and quarter, each for a committed measure and a quarter of
    /// the contract.
    /// - Throws: `ToolkitError` at the file, line and column of a bad row.
    mutating func read(_ path: String) throws {
        try DataTable(path: path, required: ["quarter", "measure", "delivered"]).forEachRow { row in
            let quarter = try quarter(row)
            let reference = try row.required("measure")
            guard let measure = committed.first(where: { $0.0.ref == reference || $0.0.key == reference })?.0 else {
                throw row.error("measure", "\(reference) is not among the commitments")
            }
            let value = try row.number("delivered")
            if let problem = catalogue.contractLimits.problem(withQuantity: value) {
                throw row.error("delivered", "\(problem), not \(row["delivered"])")
            }
            if let first = reported.updateValue(row.line, forKey: "\(measure.key) \(quarter)") {
                throw row.error(
                    "quarter",
                    "\(reference) is reported for quarter \(quarter) again (first on line \(first)): "
                        + "one return per measure and quarter")
            }
            record(value, of: measure, in: quarter, evidence: row["evidence"])
        }
    }

    /// A row's quarter: `1`, `2`, … or `Q1`, `Q2`, …, within the contract.
    private func quarter(_ row: DataRow) throws -> Int {
        let text = try row.required("quarter")
        guard let quarter = Int(text.uppercased().hasPrefix("Q") ? String(text.dropFirst()) : text), quarter >= 1
        else {
            throw row.error("quarter", "quarter must be 1, 2, … or Q1, Q2, …, not \"\(text)\"")
        }
        guard quarter <= quarters else {
            throw row.error("quarter", "quarter \(quarter) is after the contract's \(quarters) quarters")
        }
        return quarter
    }

    /// Adds a return: summed, or the latest quarter's figure for a point-in-time unit; its evidence note kept. A
    /// figure above 0 without evidence is kept apart, flagged and not counted as delivered.
    private mutating func record(_ value: Double, of measure: Measure, in quarter: Int, evidence note: String) {
        elapsed = max(elapsed, quarter)
        guard value == 0 || !note.isEmpty else {
            unevidenced[measure.key, default: []].append("Q\(quarter): \(value.written(.quantity(measure.unit)))")
            return
        }
        if !note.isEmpty { evidence[measure.key, default: []].append("Q\(quarter): \(note)") }
        if pointInTime.contains(measure.unit) {
            if latest[measure.key].map({ quarter > $0.quarter }) ?? true { latest[measure.key] = (quarter, value) }
        } else {
            delivered[measure.key, default: 0] += value
        }
    }

    /// A commitment's line of the report: delivered against due, its RAG status (delivered ÷ due at least
    /// `status.green`, else at least `status.amber`, else red), forecast and value (quantity × proxy × years). A
    /// contract condition (`condition`) is pass or fail on the latest quarter and never valued.
    func line(
        _ measure: Measure, committed quantity: Double, status: (green: Double, amber: Double), proxyValue: Double?,
        years: Double, condition: Bool = false
    ) -> DeliveryMonitoring.Line {
        if condition { return conditionLine(measure, committed: quantity) }
        let total = Double(quarters)
        let level = pointInTime.contains(measure.unit)
        let done = level ? latest[measure.key]?.value ?? 0 : delivered[measure.key] ?? 0
        let due = level ? (elapsed > 0 ? quantity : 0) : quantity * Double(elapsed) / total
        let ratio = due > 0 ? done / due : 1
        return DeliveryMonitoring.Line(
            measure: measure.key, title: measure.title, unit: measure.unit, committed: quantity, delivered: done,
            dueToDate: due, progress: quantity > 0 ? done / quantity : 0,
            status: ratio >= status.green ? .green : ratio >= status.amber ? .amber : .red,
            shortfall: max(0, due - done), forecast: level ? done : elapsed > 0 ? done / Double(elapsed) * total : 0,
            valueCommitted: proxyValue.map { SocialValue.pounds(quantity, proxy: $0, years: years) },
            valueDelivered: proxyValue.map { SocialValue.pounds(done, proxy: $0, years: years) },
            measured: level ? "point in time" : "cumulative", evidence: evidence[measure.key] ?? [],
            unevidenced: unevidenced[measure.key] ?? [])
    }

    /// A contract condition's line: met (`pass`) when the latest quarter's return reaches the commitment, else
    /// `fail`; no money value, as a condition is pass/fail.
    func conditionLine(_ measure: Measure, committed quantity: Double) -> DeliveryMonitoring.Line {
        let done = latest[measure.key]?.value ?? delivered[measure.key] ?? 0
        let met = elapsed > 0 && done >= quantity
        return DeliveryMonitoring.Line(
            measure: measure.key, title: measure.title, unit: measure.unit, committed: quantity, delivered: done,
            dueToDate: elapsed > 0 ? quantity : 0, progress: quantity > 0 ? done / quantity : 0,
            status: elapsed == 0 ? .notYetReturned : met ? .pass : .fail, shortfall: max(0, quantity - done),
            forecast: done, valueCommitted: nil, valueDelivered: nil, measured: "condition",
            evidence: evidence[measure.key] ?? [], unevidenced: unevidenced[measure.key] ?? [])
    }
}
