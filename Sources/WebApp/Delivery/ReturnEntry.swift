import Catalogue
import Core
import Formatting
import Foundation
import Hummingbird
import Workspace

/// A quarter's return entered online: for each commitment, the quantity delivered (a blank box is nothing returned
/// for it this time), a note and an evidence file. Each problem is kept to show beside its box.
struct ReturnEntry {
    /// The quarter returned, from 1.
    let quarter: Int
    /// The rows entered, their evidence column naming the note and the file.
    let rows: [DeliveryPlan.ReturnRow]
    /// The evidence files given, to keep with the return.
    let files: [EvidenceFile]
    /// What to correct, by commitment (or `quarter`).
    let problems: [String: String]

    /// The name of a commitment's box of a kind (`delivered`, `note`, `evidence`).
    static func field(_ kind: String, _ commitment: DeliveryPlan.Commitment) -> String { "\(kind)-\(commitment.ref)" }

    /// Reads the form against the contract's plan, its evidence files uploaded by `actor` at `date`.
    init(
        _ form: FormData, plan: DeliveryPlan, contract: Int64, by actor: String, at date: Date,
        limits: (ContractLimits, WorkspaceLimits)
    ) {
        var problems: [String: String] = [:]
        let quarter = Int(form["quarter"]) ?? 0
        if !(1...plan.quarters).contains(quarter) {
            problems["quarter"] = "Choose a quarter from 1 to \(plan.quarters)."
        }
        var (rows, files) = ([DeliveryPlan.ReturnRow](), [EvidenceFile]())
        for commitment in plan.commitments {
            let text = form[Self.field("delivered", commitment)]
            guard !text.isEmpty else { continue }
            guard let delivered = FigureReading.number(text), limits.0.problem(withQuantity: delivered) == nil else {
                problems[commitment.ref] =
                    "\(ToolkitError.quoted(text, limit: 40)) is not a quantity that can be returned; write it in "
                    + "figures"
                continue
            }
            var evidence = [form[Self.field("note", commitment)]].filter { !$0.isEmpty }
            if let file = form.files[Self.field("evidence", commitment)], !file.bytes.isEmpty {
                guard file.bytes.count <= limits.1.evidenceFileBytesMaximum else {
                    problems[commitment.ref] =
                        "the evidence file is \(file.bytes.count.formatted()) bytes: at most "
                        + "\(limits.1.evidenceFileBytesMaximum.formatted()) (policy/workspace_limits.csv)"
                    continue
                }
                let kept = EvidenceFile(
                    contractId: contract, quarter: quarter, measure: commitment.ref,
                    fileName: Uploads.displayName(file, fallback: "evidence"), content: Data(file.bytes),
                    uploadedBy: actor, uploadedAt: date)
                files.append(kept)
                evidence.append(kept.reference)
            }
            rows.append(
                DeliveryPlan.ReturnRow(
                    quarter: quarter, measure: commitment.ref, delivered: delivered.written(.asGiven),
                    evidence: evidence.joined(separator: "; ")))
        }
        if rows.isEmpty && problems.isEmpty {
            problems["quarter"] = "Give what was delivered for at least one commitment."
        }
        (self.quarter, self.rows, self.files, self.problems) = (quarter, rows, files, problems)
    }
}
