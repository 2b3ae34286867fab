/// Why a value is missing. Statistical releases mark missing and suppressed cells in several ways;
/// each marker maps to a reason, and the reason is kept and counted rather than the cell being dropped.
public enum MissingReason: String, Codable, Sendable, CaseIterable {
    /// `[c]`, `c`, `*`: confidential, suppressed to protect disclosure.
    case suppressed
    /// `[x]`, `x`, `..`, `:`: not available.
    case notAvailable = "not available"
    /// `[z]`, `-`: not applicable.
    case notApplicable = "not applicable"
    /// `[low]`: too small to show (rounds to zero).
    case low
    /// An empty cell.
    case empty

    /// The reason a marker stands for, or `nil` when the text is not a missing-value marker.
    public init?(marker: String) {
        switch marker.lowercased() {
        case "[c]", "c", "*": self = .suppressed
        case "[x]", "x", "..", ":": self = .notAvailable
        case "[z]", "-": self = .notApplicable
        case "[low]": self = .low
        case "": self = .empty
        default: return nil
        }
    }

    /// The reason an empty cell's note gives: suppressed where it says so (Fingertips' "Value suppressed for
    /// disclosure control reasons"), else empty.
    public init(emptyCellWithNote note: String?) {
        self = note?.lowercased().contains("suppress") == true ? .suppressed : .empty
    }
}
