import Foundation
import Recommender

/// A recommendation in a contract's history, without the recommendation itself.
public struct SnapshotSummary: Sendable {
    /// The snapshot's id.
    public var id: Int64
    /// The contract's version the recommendation was made for.
    public var contractVersion: Int
    /// When the recommendation was made.
    public var createdAt: Date
    /// Each input file with its SHA-256.
    public var inputs: [String]
    /// The number of measures recommended.
    public var measures: Int
    /// The total SLEVA of the measures with an open proxy value, in pounds.
    public var totalSleva: Double
}

extension SnapshotSummary {
    /// A summary with the inputs as the store keeps them: a JSON array of `path sha256` lines (none when unreadable).
    init(id: Int64, contractVersion: Int, createdAt: Date, inputsJSON: String?, measures: Int, totalSleva: Double) {
        let inputs = (try? JSONDecoder().decode([String].self, from: Data((inputsJSON ?? "[]").utf8))) ?? []
        self.init(
            id: id, contractVersion: contractVersion, createdAt: createdAt, inputs: inputs, measures: measures,
            totalSleva: totalSleva)
    }
}
