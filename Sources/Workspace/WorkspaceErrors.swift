import Core
import Foundation

/// Why a workspace operation could not be done, in words for the page or the terminal.
extension ToolkitError {
    /// No contract (or snapshot) of that id: a `notFound` error.
    public static func missingFromWorkspace(_ what: String) -> ToolkitError {
        ToolkitError(.notFound, "no \(what) in this workspace")
    }

    /// Someone saved it since it was read, with the version read and the version now: a `conflict` error.
    public static func conflict(what: String, read: Int, now: Int) -> ToolkitError {
        ToolkitError(
            .conflict,
            "\(what) was changed by someone else since you opened it (you read version \(read), it is now version "
                + "\(now)): reload the page to see their change, then make yours again")
    }

    /// The workspace file cannot be opened as one.
    static func unreadableWorkspace(path: String, reason: String) -> ToolkitError {
        ToolkitError(file: path, "cannot open as an svtk workspace: \(reason)")
    }

    /// An archive to import (from `file`, where known) is not one svtk wrote, or the workspace already holds data.
    public static func badArchive(_ file: String?, _ reason: String) -> ToolkitError {
        ToolkitError(file: file, reason)
    }
}

extension ToolkitError {
    /// An archive imported into a workspace that holds contracts, without replacing them.
    static let workspaceNotEmpty = ToolkitError.badArchive(
        nil, "the workspace already holds contracts: import into a new workspace, or replace what it holds")

    /// An archive's accounts imported into a workspace that has accounts, without replacing them.
    static let workspaceHasAccounts = ToolkitError.badArchive(
        nil,
        "the workspace already has accounts: import the archive's accounts into a workspace without any, or "
            + "replace what it holds")
}

extension ToolkitError {
    /// An account added under a name another account has.
    static func accountExists(_ name: String) -> ToolkitError {
        ToolkitError(.conflict, "an account named \(quoted(name)) already exists")
    }
}

extension ToolkitError {
    /// An offer saved after its tender's deadline.
    static func deadlinePassed(_ deadline: Date) -> ToolkitError {
        ToolkitError(
            .conflict,
            "the tender closed at \(deadline.formatted(.iso8601)): offers can no longer be saved or submitted")
    }

    /// Offers asked for before their tender's deadline.
    static func sealed(until deadline: Date) -> ToolkitError {
        ToolkitError(.conflict, "offers are sealed until the tender closes at \(deadline.formatted(.iso8601))")
    }

    /// A contract put out to tender a second time.
    static func alreadyTendered(_ contract: Int64) -> ToolkitError {
        ToolkitError(.conflict, "contract \(contract) has been put out to tender already")
    }
}
