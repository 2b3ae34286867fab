import Foundation

/// Decimal text for finite figures: a fixed number of places, trailing zeros dropped, thousands grouped.
enum Decimals {
    /// The figure to exactly `places` decimals, rounded as `printf` rounds (`%.2f`); `-0` is written `0`.
    static func fixed(_ value: Double, places: Int) -> String {
        let text = String(format: "%.\(places)f", value)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." })
            ? String(text.dropFirst()) : text
    }

    /// The figure to at most `places` decimals: trailing zeros and a bare point dropped; whole numbers below
    /// 10^15 without a point at all.
    static func trimmed(_ value: Double, places: Int) -> String {
        if let whole = whole(value) { return whole }
        var text = fixed(value, places: places)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A whole number below 10^15 without a point (`2000`), or `nil` for any other figure.
    static func whole(_ value: Double) -> String? {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : nil
    }

    /// Decimal text with the digits before any point grouped in threes (`-1234.5` → `-1,234.5`).
    static func grouped(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1)
        guard let integer = parts.first else { return text }
        let negative = integer.hasPrefix("-")
        var digits = negative ? integer.dropFirst() : integer[...]
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits = digits.dropLast(3)
        }
        return (negative ? "-" : "") + digits + out + (parts.count > 1 ? "." + parts[1] : "")
    }
}
