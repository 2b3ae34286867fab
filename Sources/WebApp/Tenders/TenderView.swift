import Formatting
import Foundation
import Recommender
import Reports
import Workspace

/// What every bidder is shown of a tender: its status and deadline, how social value is evaluated, the wards it
/// delivers in, and for each measure its target, its money value per unit and the local needs it answers.
enum TenderView {
    /// The tender's status at `now`, in words.
    static func status(_ tender: Tender, now: Date) -> String {
        if let awarded = tender.awardedAt { return "Awarded on \(Deadline.shown(awarded)); the scores are released." }
        if tender.isSealed(at: now) {
            return "Open: offers may be saved and submitted until \(Deadline.shown(tender.deadline))."
        }
        return "Closed at \(Deadline.shown(tender.deadline)): offers are being evaluated."
    }

    /// An offer's state in words: submitted when, or a draft (`draft` says how).
    static func offerState(_ submittedAt: Date?, draft: String = "a draft, not submitted") -> String {
        submittedAt.map { "submitted \(Deadline.shown($0))" } ?? draft
    }

    /// The method and the wards, before the measures.
    static func summary(_ tender: Tender) -> String {
        var html = "<h2>How social value is evaluated</h2>\n<ul>"
        html += tender.method.split(separator: "\n").map { "<li>\(HTML.escape(String($0)))</li>" }.joined() + "</ul>\n"
        let wards = tender.recommendation.deliveryWards.map(\.name)
        if !wards.isEmpty {
            html += "<p><b>Delivered in:</b> \(HTML.escape(wards.joined(separator: ", ")))</p>\n"
        }
        return html
    }

    /// The local needs a measure of the tender answers, in words (its relevance to the contract where it answers
    /// no recorded need).
    static func needs(_ line: OfferGuide.Line, in tender: Tender) -> String {
        guard let m = tender.recommendation.measures.first(where: { "\($0.framework):\($0.ref)" == line.measure })
        else { return "" }
        let needs = m.needs.map { "\($0.areaName): \($0.domainName) (\($0.level))" }
        let gaps = m.equalityGaps.map { "\($0.characteristic): \($0.action)" }
        return (needs + gaps).isEmpty ? m.relevanceReason : (needs + gaps).joined(separator: "; ")
    }

    /// The money value of a unit, as bidders read it.
    static func unitValue(_ line: OfferGuide.Line) -> String {
        if let notScored = line.notScored { return "not scored: " + notScored }
        guard let proxy = line.proxyValue else { return "points (no open proxy value)" }
        return "\(proxy.written(.pence)) for \(1.0.written(.quantity(line.unit)))"
            + (line.years == 1 ? "" : ", counted for \(line.years.written(.working)) years")
    }
}
