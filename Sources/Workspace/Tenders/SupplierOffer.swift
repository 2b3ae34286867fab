import CSV
import Foundation
import GRDB

/// A supplier's offer for a tender, built online measure by measure: a draft until submitted, and open to no one
/// but its supplier until the tender's deadline.
public struct SupplierOffer: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The table of suppliers' offers.
    public static let databaseTableName = "supplierOffer"
    /// One commitment: a quantity of one of the tender's measures.
    public struct Line: Codable, Sendable, Equatable {
        /// The measure's catalogue key (`framework:ref`).
        public var measure: String
        /// The quantity offered, in the measure's unit.
        public var quantity: Double

        /// A commitment of `quantity` to `measure`.
        public init(measure: String, quantity: Double) { (self.measure, self.quantity) = (measure, quantity) }
    }

    /// The row id; nil until inserted.
    public var id: Int64?
    /// The tendered contract.
    public var contractId: Int64
    /// The account name of the supplier who owns the offer; one offer per supplier and tender.
    public var supplier: String
    /// The supplier's name as bidders are named in the evaluation.
    public var supplierName: String
    /// The commitments, in the tender's order of measures.
    public var lines: [Line]
    /// The written response: how the commitments will be delivered, marked after the deadline.
    public var statement: String
    /// When the offer was last submitted; nil for a draft not yet (or no longer) submitted.
    public var submittedAt: Date?
    /// When the offer was last saved.
    public var updatedAt: Date
    /// The offer's version: 1 when first saved, incremented by every save.
    public var version: Int

    /// An offer about to be saved for the first time (version 0 until the workspace saves it).
    public init(contractId: Int64, supplier: String, supplierName: String, lines: [Line], statement: String) {
        (self.contractId, self.supplier, self.supplierName, self.lines, self.statement) = (
            contractId, supplier, supplierName, lines, statement
        )
        (updatedAt, version) = (Date(timeIntervalSince1970: 0), 0)
    }

    /// Takes the row id the database gave the inserted offer.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// That a supplier submitted an offer, and when: all the commissioner sees of it before the deadline.
public struct OfferReceipt: Sendable, Equatable {
    /// The supplier's name.
    public var supplierName: String
    /// When the offer was last submitted; nil for a draft.
    public var submittedAt: Date?
}

extension SupplierOffer {
    /// The columns queries filter and order by, named from the record's coding keys.
    public enum Columns {
        /// The `id` column.
        public static let id = Column(CodingKeys.id)
        /// The `contractId` column.
        public static let contractId = Column(CodingKeys.contractId)
        /// The `supplier` column.
        public static let supplier = Column(CodingKeys.supplier)
    }

    /// What the audit trail keeps of an offer while it is sealed: whether submitted, how many lines, and the
    /// SHA-256 of its content (so the offer opened later can be shown to be the one saved), never the content.
    var sealedSummary: SealedSummary {
        let content = (try? StoredJSON.text([lines.map { "\($0.measure)=\($0.quantity)" }, [statement]])) ?? ""
        return SealedSummary(
            submitted: submittedAt != nil, lines: lines.count,
            sha256: SHA256.hexDigest(of: Array(content.utf8)))
    }

    /// See ``sealedSummary``.
    struct SealedSummary: Encodable {
        let submitted: Bool, lines: Int, sha256: String
    }
}
