import Core
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

extension SavedContract {
    /// The columns queries filter and order by, named from the record's coding keys.
    public enum Columns {
        /// The `id` column.
        public static let id = Column(CodingKeys.id)
    }
}

extension SavedContract {
    /// The contract as an edit read at `version` leaves it: the new profile and title, the next version.
    /// - Throws: a `conflict` ``ToolkitError`` when the contract was saved since `version` was read.
    func edited(to profile: ContractProfile, readVersion version: Int, at date: Date) throws -> SavedContract {
        guard self.version == version else {
            throw ToolkitError.conflict(what: "contract \(id ?? 0)", read: version, now: self.version)
        }
        var contract = self
        contract.profile = profile
        contract.title = profile.title
        contract.version += 1
        contract.updatedAt = date
        return contract
    }
}
