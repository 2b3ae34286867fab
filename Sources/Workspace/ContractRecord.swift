import GRDB

/// A record kept for a contract, a new one each time (recommendation snapshots, offers, returns): found by its
/// contract's id, the newest by its own.
protocol ContractRecord: FetchableRecord, TableRecord, Sendable {
    /// The column of the contract's id.
    static var contractColumn: Column { get }
    /// The column of the record's own id, higher for newer records.
    static var idColumn: Column { get }
}

extension RecommendationSnapshot: ContractRecord {
    static var contractColumn: Column { Columns.contractId }
    static var idColumn: Column { Columns.id }
}

extension SavedOffers: ContractRecord {
    static var contractColumn: Column { Columns.contractId }
    static var idColumn: Column { Columns.id }
}

extension SavedReturns: ContractRecord {
    static var contractColumn: Column { Columns.contractId }
    static var idColumn: Column { Columns.id }
}
