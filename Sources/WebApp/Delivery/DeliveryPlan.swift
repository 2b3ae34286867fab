import CSV
import Catalogue
import Core
import Foundation
import Recommender
import Toolkit
import Workspace

/// What a contract's delivery is monitored against, and what has been returned: the commitments (the winning
/// offer of an awarded tender, otherwise the latest uploaded commitments CSV), the rows of the quarterly returns
/// kept so far, and when each quarter's return is due (counted from the award).
struct DeliveryPlan {
    /// One commitment: a measure and the quantity committed.
    struct Commitment {
        let ref: String
        let title: String
        let unit: String
        let quantity: Double
    }

    /// One row of the returns CSV (`quarter,measure,delivered,evidence`).
    struct ReturnRow: Equatable {
        let quarter: Int
        let measure: String
        let delivered: String
        let evidence: String
    }

    /// A quarter whose return is due and not yet made.
    struct Due {
        let quarter: Int
        let by: Date
    }

    let commitments: [Commitment]
    /// The commitments as the CSV `svtk monitor` reads (`measure,quantity`).
    let commitmentsCSV: [UInt8]
    /// The returns kept so far against these commitments.
    let returns: [ReturnRow]
    /// The contract's quarters.
    let quarters: Int
    /// The award that starts the quarters; nil when the commitments were uploaded.
    let awardedAt: Date?
    /// The id of the contract's latest returns when the plan was read; nil when it had none.
    var returnsId: Int64?

    /// The contract's plan at `now`, or nil when it has no commitments yet.
    /// - Throws: the workspace's errors; `ToolkitError` when a kept CSV cannot be read again.
    static func of(_ contract: SavedContract, workspace: Workspace, borough: Borough, at now: Date) async throws
        -> DeliveryPlan?
    {
        let id = contract.id ?? 0
        let latest = try await workspace.latestReturns(for: id)
        let limits = borough.catalogue.workspaceLimits
        var awardedAt: Date?
        var committed: [UInt8]
        if let tender = try await workspace.tender(for: id), let awarded = tender.awardedAt,
            let winner = try await winningOffer(tender, workspace: workspace, at: now)
        {
            awardedAt = awarded
            committed = CSVWriter.bytes { writer in
                writer.write(["measure", "quantity"])
                for line in winner.lines {
                    writer.write([
                        tender.guide.line(line.measure)?.ref ?? line.measure, line.quantity.written(.asGiven),
                    ])
                }
            }
        } else if let latest {
            committed = Array(latest.commitments)
        } else {
            return nil
        }
        return DeliveryPlan(
            commitments: try Self.commitments(committed, contract: contract.profile, borough: borough),
            commitmentsCSV: committed, returns: try Self.kept(latest, against: committed, limits: limits),
            quarters: contract.profile.quarters, awardedAt: awardedAt, returnsId: latest?.id)
    }

    /// The rows of the returns `latest` keeps when they were returned against `commitments`; none otherwise (the
    /// commitments of an awarded tender replace those uploaded before).
    /// - Throws: `ToolkitError` when the kept returns cannot be read again.
    static func kept(_ latest: SavedReturns?, against commitments: [UInt8], limits: WorkspaceLimits) throws
        -> [ReturnRow]
    {
        guard let latest, Array(latest.commitments) == commitments else { return [] }
        return try rows(Array(latest.returns), limits: limits)
    }

    /// The winning offer of a scored tender, its offers opened at `now` (after the deadline).
    static func winningOffer(_ tender: Tender, workspace: Workspace, at now: Date) async throws -> SupplierOffer? {
        guard let scored = try await workspace.evaluation(of: tender),
            let winner = scored.evaluation.offers.first(where: { $0.rank == 1 })
        else { return nil }
        let opened = try await workspace.openedOffers(for: tender.contractId, at: now)
        let names = OnlineOffers.bidderNames(opened)
        return opened.first { names[$0.supplier] == winner.supplier }
    }

    /// The commitments of a commitments CSV, read as `svtk monitor` reads them, each with its measure's title and
    /// unit.
    static func commitments(_ csv: [UInt8], contract: ContractProfile, borough: Borough) throws -> [Commitment] {
        let file = FormData.File(name: "commitments.csv", bytes: csv)
        return try Uploads.reading([("commitments", "commitments", file)], limits: borough.catalogue.workspaceLimits) {
            try DeliveryMonitoring.commitments(
                $0[0], framework: contract.framework ?? "open", catalogue: borough.catalogue
            ).map {
                Commitment(ref: $0.reference, title: $0.measure.title, unit: $0.measure.unit, quantity: $0.quantity)
            }
        }
    }

    /// The rows of a returns CSV.
    static func rows(_ csv: [UInt8], limits: WorkspaceLimits) throws -> [ReturnRow] {
        let file = FormData.File(name: "returns.csv", bytes: csv)
        return try Uploads.reading([("returns", "returns", file)], limits: limits) {
            try DataTable(path: $0[0], required: ["quarter", "measure", "delivered"]).rows().map { row in
                let quarter = row["quarter"].hasPrefix("Q") ? String(row["quarter"].dropFirst()) : row["quarter"]
                return ReturnRow(
                    quarter: Int(quarter) ?? 0, measure: row["measure"], delivered: row["delivered"],
                    evidence: row["evidence"])
            }
        }
    }

    /// The returns CSV with `entered` in place of what was returned for the same quarter and measure, over the
    /// returns `latest` keeps (read again in the transaction that saves the entry, so that a return saved since the
    /// plan was read, for another quarter, through this server or another, stays), as the workspace keeps it: every
    /// note as typed (``KeptCSV``), so saving one quarter leaves the others' notes as they were.
    /// - Throws: a `conflict` ``ToolkitError`` when other commitments were kept since the plan was read;
    ///   `ToolkitError` when the kept returns cannot be read again.
    func returnsCSV(replacing entered: [ReturnRow], over latest: SavedReturns?, limits: WorkspaceLimits) throws
        -> [UInt8]
    {
        if let latest, latest.id != returnsId, Array(latest.commitments) != commitmentsCSV {
            throw ToolkitError(
                .conflict,
                "Other commitments were uploaded for this contract since you opened its page: reload the page and "
                    + "enter the return against them.")
        }
        let kept = try Self.kept(latest, against: commitmentsCSV, limits: limits).filter { row in
            !entered.contains { $0.quarter == row.quarter && $0.measure == row.measure }
        }
        let all = (kept + entered).sorted { ($0.quarter, $0.measure) < ($1.quarter, $1.measure) }
        let header: [String] = ["quarter", "measure", "delivered", "evidence"]
        let rows: [[String]] = all.map { row in [String(row.quarter), row.measure, row.delivered, row.evidence] }
        return KeptCSV.bytes([header] + rows)
    }

    /// The quarters ended by `now` whose return has not been made, each with the day it is due by (the quarter's
    /// end and `dueDays`); none before the award.
    func due(at now: Date, dueDays: Int) -> [Due] {
        guard let awardedAt else { return [] }
        let calendar = Calendar(identifier: .gregorian)
        let returned = Set(returns.map(\.quarter))
        return (1...quarters).compactMap { quarter in
            guard let end = calendar.date(byAdding: .month, value: 3 * quarter, to: awardedAt), end <= now,
                !returned.contains(quarter), let by = calendar.date(byAdding: .day, value: dueDays, to: end)
            else { return nil }
            return Due(quarter: quarter, by: by)
        }
    }
}
