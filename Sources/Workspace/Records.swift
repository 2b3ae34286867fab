import Foundation
import GRDB
import Recommender

/// A contract saved in the workspace: its current profile and the version every save increments, for the
/// optimistic check that keeps two browser tabs from overwriting each other.
public struct SavedContract: Codable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "contract"
    public var id: Int64?
    public var title: String
    public var profile: ContractProfile
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One saved version of a contract's profile: the history of its edits.
public struct ContractRevision: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "contractRevision"
    public var id: Int64?
    public var contractId: Int64
    public var version: Int
    public var profile: ContractProfile
    public var savedAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A recommendation as it was made: for which version of the contract, from which inputs (their SHA-256), with
/// which catalogue and policy, by which svtk, and the whole output.
public struct RecommendationSnapshot: Codable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "snapshot"
    public var id: Int64?
    public var contractId: Int64
    public var contractVersion: Int
    public var createdAt: Date
    /// Each input file with its SHA-256, as `path sha256` lines.
    public var inputs: [String]
    public var catalogue: String
    public var policy: String
    public var toolkit: String
    public var recommendation: Recommendation

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

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A contract as its page shows it: the contract, its latest recommendation's id and its decisions.
public struct ContractState: Sendable {
    public var contract: SavedContract
    public var latestRecommendation: Int64?
    public var decisions: [SavedDecision]
}

/// A recommendation in a contract's history, without the recommendation itself.
public struct SnapshotSummary: Sendable {
    public var id: Int64
    public var contractVersion: Int
    public var createdAt: Date
    /// Each input file with its SHA-256.
    public var inputs: [String]
    public var measures: Int
    public var totalSleva: Double
}

/// The commissioner's current decision on one measure of a contract, with the version every change increments.
public struct SavedDecision: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "decision"
    public var id: Int64?
    public var contractId: Int64
    public var measure: String
    public var action: CommissionerDecision.Action
    public var target: Double?
    public var reason: String
    public var version: Int
    public var decidedAt: Date

    /// The decision as the recommender applies it.
    public var decision: CommissionerDecision {
        CommissionerDecision(measure: measure, action: action, target: target, reason: reason)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Suppliers' offers for a contract as uploaded (the CSV's bytes and name) and their evaluation.
public struct SavedOffers: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "offers"
    public var id: Int64?
    public var contractId: Int64
    public var fileName: String
    public var csv: Data
    public var evaluation: BidEvaluation
    public var uploadedAt: Date

    public init(contractId: Int64, fileName: String, csv: Data, evaluation: BidEvaluation, uploadedAt: Date) {
        self.contractId = contractId
        self.fileName = fileName
        self.csv = csv
        self.evaluation = evaluation
        self.uploadedAt = uploadedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A supplier's commitments and quarterly returns for a contract as uploaded, with the monitoring they give.
/// The returns' evidence notes travel in the returns CSV.
public struct SavedReturns: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "returns"
    public var id: Int64?
    public var contractId: Int64
    public var commitmentsName: String
    public var commitments: Data
    public var returnsName: String
    public var returns: Data
    public var monitoring: DeliveryMonitoring
    public var uploadedAt: Date

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

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
