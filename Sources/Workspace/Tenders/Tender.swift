import Foundation
import GRDB
import Recommender

/// A contract put out to tender: the recommendation with the commissioner's decisions applied, as bidders see it,
/// the guide to how each measure is scored, and the deadline before which suppliers submit offers online.
///
/// Offers are sealed until the deadline. After it, the commissioner marks each offer's written response and scores
/// the offers with the same evaluation as `svtk evaluate` (kept as ``SavedOffers``, `evaluationId`); once awarded,
/// each bidder may read the scores.
public struct Tender: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table of tenders.
    public static let databaseTableName = "tender"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The contract put out to tender; one tender per contract.
    public var contractId: Int64
    /// The recommendation snapshot the tender was published from.
    public var snapshotId: Int64?
    /// The recommendation with the commissioner's decisions applied: what bidders are asked for.
    public var recommendation: Recommendation
    /// How each measure is scored, shown to bidders as they type.
    public var guide: OfferGuide
    /// The scoring method in words, the same for every bidder.
    public var method: String
    /// Offers may be saved and submitted until this moment; none is opened before it.
    public var deadline: Date
    /// When the tender was published.
    public var publishedAt: Date
    /// Who published it.
    public var publishedBy: String
    /// The qualitative mark given to each supplier's written response after the deadline, by supplier account.
    public var marks: [String: Double]
    /// The evaluation of the opened offers, once scored (a row of ``SavedOffers``).
    public var evaluationId: Int64?
    /// When the contract was awarded and the scores released to the bidders.
    public var awardedAt: Date?
    /// The tender's version: 1 when published, incremented by every change.
    public var version: Int

    /// A tender about to be published (no id, version 1).
    public init(
        contractId: Int64, snapshotId: Int64?, recommendation: Recommendation, guide: OfferGuide, method: String,
        deadline: Date, publishedAt: Date, publishedBy: String
    ) {
        (self.contractId, self.snapshotId, self.recommendation, self.guide) = (
            contractId, snapshotId, recommendation, guide
        )
        (self.method, self.deadline, self.publishedAt, self.publishedBy) = (method, deadline, publishedAt, publishedBy)
        (marks, version) = ([:], 1)
    }

    /// Whether offers are still sealed at `now` (the deadline not yet reached).
    public func isSealed(at now: Date) -> Bool { now < deadline }

    /// Takes the row id the database gave the inserted tender.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Tender {
    /// The columns queries filter and order by, named from the record's coding keys.
    public enum Columns {
        /// The `id` column.
        public static let id = Column(CodingKeys.id)
        /// The `contractId` column.
        public static let contractId = Column(CodingKeys.contractId)
    }
}
