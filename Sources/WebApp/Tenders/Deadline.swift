import Foundation

/// A tender's deadline as the publishing form takes it and the pages show it: a date and time in UTC, to the
/// second (`2027-01-15T12:00:00`, what a `datetime-local` box with `step="1"` sends; seconds may be left out).
enum Deadline {
    /// The moment a form's text names, or nil when it names none.
    static func parse(_ text: String) -> Date? {
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"] {
            if let date = formatter(format).date(from: text) { return date }
        }
        return nil
    }

    /// Why a deadline is too far after `now` to set, naming the field; nil when it is at most `daysMaximum` days
    /// after (`tender_open_days_maximum`, `policy/workspace_limits.csv`). A tender once published cannot be put out
    /// again, so a deadline mistyped years ahead would keep its offers sealed for good.
    static func tooFar(_ deadline: Date, from now: Date, daysMaximum: Int) -> String? {
        let latest = now.addingTimeInterval(Double(daysMaximum) * 86_400)
        guard deadline > latest else { return nil }
        return "Deadline (UTC): \(shown(deadline)) is more than \(daysMaximum) days away, the longest a tender stays "
            + "open (policy/workspace_limits.csv); give a deadline by \(shown(latest))."
    }

    /// The moment as the pages show it: `2027-01-15 12:00:00 UTC`.
    static func shown(_ date: Date) -> String { formatter("yyyy-MM-dd HH:mm:ss 'UTC'").string(from: date) }

    /// The moment as a `datetime-local` box's value.
    static func boxValue(_ date: Date) -> String { formatter("yyyy-MM-dd'T'HH:mm:ss").string(from: date) }

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }
}
