import CSV
import Core

/// What a person signed in to a shared workspace does there: the roles of a council's workspace.
public enum Role: String, CaseIterable, Codable, Sendable {
    /// Keeps the workspace's accounts.
    case administrator
    /// Adds contracts, decides on measures and evaluates offers.
    case commissioner
    /// Files and follows the returns of the contracts assigned to them.
    case contractManager = "contract_manager"
    /// Bids for published tenders with its own offers.
    case supplier
    /// Reads the borough's evidence.
    case viewer
}

/// What a page or form of the workspace needs a role to be allowed.
public enum Permission: String, CaseIterable, Sendable {
    /// The borough overview, ward profiles and the data's sources.
    case readBorough = "read_borough"
    /// Contracts, their recommendations, history, comparisons and tender packs.
    case readContracts = "read_contracts"
    /// Adding and editing contracts, recommending again.
    case editContracts = "edit_contracts"
    /// Accepting, dropping or changing a recommended measure.
    case decide
    /// Uploading and scoring suppliers' offers.
    case evaluateOffers = "evaluate_offers"
    /// Filing and reading commitments and quarterly returns.
    case monitorDelivery = "monitor_delivery"
    /// What suppliers are shown of a contract.
    case readSupplierView = "read_supplier_view"
    /// Reading published tenders: what bidders are asked for.
    case readTenders = "read_tenders"
    /// Saving and submitting one's own offers for published tenders.
    case submitOffers = "submit_offers"
    /// The workspace's accounts.
    case manageAccounts = "manage_accounts"
}

/// Which contracts a permission reaches.
public enum PermissionScope: String, CaseIterable, Sendable {
    /// Every contract.
    case all
    /// Only the contracts assigned to the person.
    case assigned
}

/// Each role's permissions with their scope, from `policy/roles.csv`: a role has only what a row grants it.
public struct AccessPolicy: Sendable {
    private let grants: [Role: [Permission: PermissionScope]]

    /// Reads `roles.csv` of a policy folder.
    /// - Throws: `ToolkitError` at the file, line and column of an unknown role, permission or scope, or of a
    ///   permission granted twice to one role.
    public init(folder: String) throws {
        var grants: [Role: [Permission: PermissionScope]] = [:]
        try DataTable(path: folder + "/roles.csv", required: ["role", "permission", "scope"]).forEachRow { row in
            let role = try Self.value(Role.self, row, "role")
            let permission = try Self.value(Permission.self, row, "permission")
            guard grants[role]?[permission] == nil else {
                throw row.error("permission", "\(permission.rawValue) is granted to \(role.rawValue) twice")
            }
            grants[role, default: [:]][permission] = try Self.value(PermissionScope.self, row, "scope")
        }
        self.grants = grants
    }

    /// The contracts `permission` reaches for `role`, or nil when the role does not have it.
    /// - Complexity: O(1).
    public func scope(of permission: Permission, for role: Role) -> PermissionScope? { grants[role]?[permission] }

    /// A cell read as one of a closed set of names.
    private static func value<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type, _ row: DataRow, _ column: String
    ) throws -> Value where Value.RawValue == String {
        let text = try row.required(column)
        guard let value = Value(rawValue: text) else {
            throw row.error(
                column,
                "\(ToolkitError.quoted(text)) is not one of " + Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }
}
