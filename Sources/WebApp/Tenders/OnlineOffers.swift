import CSV
import Core
import Foundation
import Recommender
import Toolkit
import Workspace

/// Offers submitted online, scored by the same evaluation as `svtk evaluate`: written as the offers CSV it reads
/// (`supplier,measure,quantity,qualitative_mark`), read back by it, and kept with that CSV as offers evaluated.
enum OnlineOffers {
    /// The offers as an offers CSV, each supplier named as the evaluation will name it (its name, with its account
    /// where two suppliers share a name), with the qualitative mark the commissioner gave its written response.
    /// Kept and read back by the toolkit alone (``KeptCSV``), so a name starting `+` or `=` is the evaluation's
    /// name for the supplier as typed, and its winning offer is found again.
    static func csv(_ offers: [SupplierOffer], tender: Tender) -> [UInt8] {
        let names = bidderNames(offers)
        var rows: [[String]] = [["supplier", "measure", "quantity", "qualitative_mark"]]
        for offer in offers {
            let mark = tender.marks[offer.supplier].map { $0.written(.asGiven) } ?? ""
            let name = names[offer.supplier] ?? offer.supplierName
            guard !offer.lines.isEmpty else {
                rows.append([name, "", "", mark])
                continue
            }
            for line in offer.lines {
                rows.append(
                    [name, tender.guide.line(line.measure)?.ref ?? line.measure, line.quantity.written(.asGiven), mark])
            }
        }
        return KeptCSV.bytes(rows)
    }

    /// Each supplier account's name in the evaluation: its supplier name, with the account where it is not unique.
    static func bidderNames(_ offers: [SupplierOffer]) -> [String: String] {
        let counts = Dictionary(offers.map { ($0.supplierName, 1) }, uniquingKeysWith: +)
        return Dictionary(
            uniqueKeysWithValues: offers.map { o in
                (
                    o.supplier,
                    counts[o.supplierName, default: 0] > 1 ? "\(o.supplierName) (\(o.supplier))" : o.supplierName
                )
            })
    }

    /// The opened offers scored at `date`: their CSV evaluated for the contract, as offers evaluated to keep.
    /// - Throws: `ToolkitError` from the evaluation (a contract too small to score, an offer without a mark).
    static func evaluated(
        _ offers: [SupplierOffer], tender: Tender, contract: SavedContract, borough: Borough, at date: Date
    ) throws -> SavedOffers {
        let bytes = csv(offers, tender: tender)
        let file = FormData.File(name: "offers submitted online.csv", bytes: bytes)
        let evaluation = try Uploads.reading(
            [("offers", "offers submitted online", file)], limits: borough.catalogue.workspaceLimits
        ) { paths in
            try BidEvaluation(
                offersFile: paths[0], contract: contract.profile, catalogue: borough.catalogue, policy: borough.policy)
        }
        return SavedOffers(
            contractId: contract.id ?? 0, fileName: file.name, csv: Data(bytes), evaluation: evaluation,
            uploadedAt: date)
    }
}
