import Catalogue
import Foundation
import GRDB

/// A person's account in a shared workspace: the name they sign in with, their role, their password's bcrypt hash.
public struct Account: Codable, Sendable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table of accounts.
    public static let databaseTableName = "account"
    /// The row id; nil until inserted.
    public var id: Int64?
    /// The name signed in with: lower-case letters, digits and `.`, `_`, `-`, `@`, unique in the workspace.
    public var name: String
    /// The name shown on pages ("Asha Patel, Procurement").
    public var displayName: String
    /// What the person does in the workspace.
    public var role: Role
    /// The password's bcrypt hash (never the password).
    var passwordHash: String
    /// True when the account may no longer sign in.
    public var disabled: Bool
    /// When the account was added.
    public var createdAt: Date
    /// When its password was last set.
    public var passwordChangedAt: Date

    /// Takes the row id the database gave the inserted account.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Account {
    /// The columns queries filter and order by, named from the record's coding keys.
    public enum Columns {
        /// The `name` column.
        public static let name = Column(CodingKeys.name)
        /// The `disabled` column.
        public static let disabled = Column(CodingKeys.disabled)
    }
}
