import Foundation
import GRDB
import Recommender

/// A contract saved in the workspace: its current profile and the version every save increments, for the
/// optimistic check that keeps two browser tabs from overwriting each other.
public struct SavedContract: Codable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table of contracts.
    public static let databaseTableName = "contract"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The contract's title, kept equal to the profile's.
    public var title: String
    /// The contract's current profile.
    public var profile: ContractProfile
    /// The current version: 1 when added, incremented by every save.
    public var version: Int
    /// When the contract was added.
    public var createdAt: Date
    /// When the contract was last saved.
    public var updatedAt: Date

    /// Takes the row id SQLite gave the inserted contract.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One saved version of a contract's profile: the history of its edits.
public struct ContractRevision: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table of contract revisions.
    public static let databaseTableName = "contractRevision"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The id of the contract revised.
    public var contractId: Int64
    /// The contract's version this profile was saved as (unique per contract).
    public var version: Int
    /// The profile as saved in that version.
    public var profile: ContractProfile
    /// When that version was saved.
    var savedAt: Date

    /// Takes the row id SQLite gave the inserted revision.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A recommendation as it was made: for which version of the contract, from which inputs (their SHA-256), with
/// which catalogue and policy, by which svtk, and the whole output.
public struct RecommendationSnapshot: Codable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table of recommendation snapshots.
    public static let databaseTableName = "snapshot"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The id of the contract recommended for.
    public var contractId: Int64
    /// The contract's version the recommendation was made for.
    public var contractVersion: Int
    /// When the recommendation was made.
    public var createdAt: Date
    /// Each input file with its SHA-256, as `path sha256` lines.
    public var inputs: [String]
    /// Catalogue part → the folder it was read from, as `part: folder` separated by `; `.
    public var catalogue: String
    /// Whose policy the recommendation follows, as the recommendation states it.
    public var policy: String
    /// The svtk that made it, with its version (`svtk 0.11.0 (commit 1a2b3c4)`).
    public var toolkit: String
    /// The whole recommendation as made.
    public var recommendation: Recommendation

    /// A snapshot not yet saved (no id).
    public init(
        contractId: Int64, contractVersion: Int, createdAt: Date, inputs: [String], catalogue: String,
        policy: String, toolkit: String, recommendation: Recommendation
    ) {
        self.contractId = contractId
        self.contractVersion = contractVersion
        self.createdAt = createdAt
        self.inputs = inputs
        self.catalogue = catalogue
        self.policy = policy
        self.toolkit = toolkit
        self.recommendation = recommendation
    }

    /// Takes the row id SQLite gave the inserted snapshot.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A contract as its page shows it: the contract, its latest recommendation's id and its decisions.
public struct ContractState: Sendable {
    /// The contract as saved.
    public var contract: SavedContract
    /// The id of the contract's latest recommendation snapshot; nil when it has none.
    public var latestRecommendation: Int64?
    /// The commissioner's decisions on the contract's measures, by measure reference.
    public var decisions: [SavedDecision]
}

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

/// The commissioner's current decision on one measure of a contract, with the version every change increments.
public struct SavedDecision: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table of decisions.
    public static let databaseTableName = "decision"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The id of the contract decided on.
    public var contractId: Int64
    /// The measure's reference as recommended (`J2`, `G1`); one decision per measure and contract.
    public var measure: String
    /// What the commissioner did with the measure: accept, drop or change it.
    public var action: CommissionerDecision.Action
    /// The target asked for instead, for a change; nil otherwise.
    public var target: Double?
    /// The commissioner's reason, which goes into the tender pack.
    public var reason: String
    /// The decision's version: 1 when first made, incremented by every change.
    public var version: Int
    /// When the decision was last made.
    public var decidedAt: Date

    /// The decision as the recommender applies it.
    public var decision: CommissionerDecision {
        CommissionerDecision(measure: measure, action: action, target: target, reason: reason)
    }

    /// Takes the row id SQLite gave the inserted decision.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Suppliers' offers for a contract as uploaded (the CSV's bytes and name) and their evaluation.
public struct SavedOffers: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table of offers.
    public static let databaseTableName = "offers"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The id of the contract the offers are for.
    public var contractId: Int64
    /// The uploaded CSV's own name (its last path part, printable, at most 80 characters).
    public var fileName: String
    /// The uploaded CSV's bytes.
    public var csv: Data
    /// The offers evaluated against the contract's recommended measures.
    public var evaluation: BidEvaluation
    /// When the offers were uploaded.
    public var uploadedAt: Date

    /// Offers not yet saved (no id).
    public init(contractId: Int64, fileName: String, csv: Data, evaluation: BidEvaluation, uploadedAt: Date) {
        self.contractId = contractId
        self.fileName = fileName
        self.csv = csv
        self.evaluation = evaluation
        self.uploadedAt = uploadedAt
    }

    /// Takes the row id SQLite gave the inserted offers.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A supplier's commitments and quarterly returns for a contract as uploaded, with the monitoring they give.
/// The returns' evidence notes travel in the returns CSV.
public struct SavedReturns: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table of returns.
    public static let databaseTableName = "returns"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The id of the contract the returns are for.
    public var contractId: Int64
    /// The uploaded commitments CSV's own name (its last path part, printable, at most 80 characters).
    public var commitmentsName: String
    /// The uploaded commitments CSV's bytes.
    public var commitments: Data
    /// The uploaded returns CSV's own name (its last path part, printable, at most 80 characters).
    public var returnsName: String
    /// The uploaded returns CSV's bytes, evidence notes included.
    public var returns: Data
    /// The delivery against the commitments, as the returns show it.
    public var monitoring: DeliveryMonitoring
    /// When the commitments and returns were uploaded.
    public var uploadedAt: Date

    /// Commitments and returns not yet saved (no id).
    public init(
        contractId: Int64, commitmentsName: String, commitments: Data, returnsName: String, returns: Data,
        monitoring: DeliveryMonitoring, uploadedAt: Date
    ) {
        self.contractId = contractId
        self.commitmentsName = commitmentsName
        self.commitments = commitments
        self.returnsName = returnsName
        self.returns = returns
        self.monitoring = monitoring
        self.uploadedAt = uploadedAt
    }

    /// Takes the row id SQLite gave the inserted returns.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
