extension FigureReading {
    /// Why a text that is not read as a number is not one, where it is a known slip: a decimal comma, hex,
    /// infinity or not-a-number, a minus sign that is not a hyphen-minus, digits of another script, more digits
    /// than a figure holds, a figure out of range, or a text too long to be a figure. `nil` for anything else.
    ///
    /// - Complexity: O(*n*) in the text's length, at most ``longestText`` bytes being looked at.
    public static func diagnosis(of text: String) -> String? {
        guard text.utf8.count <= longestText else {
            return "\(text.utf8.count) characters long, longer than any figure (\(longestText) at most)"
        }
        let lower = text.lowercased()
        let unsigned = lower.drop { $0 == "-" || $0 == "+" }
        if unsigned.hasPrefix("0x") { return "hex is not read: write the figure in decimal digits" }
        if ["inf", "infinity", "nan"].contains(String(unsigned)) { return "not a figure (infinity or not-a-number)" }
        if let sign = text.unicodeScalars.first(where: { ["\u{2212}", "\u{2013}", "\u{2014}"].contains($0) }) {
            return "the sign \"\(sign)\" is not a minus: type a hyphen-minus (-)"
        }
        if text.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.numericType != nil }) {
            return "digits of another script: type the figure in the digits 0 to 9"
        }
        if let decimalComma = decimalComma(in: text) { return decimalComma }
        let bare = text.filter { $0 != "," && $0 != "%" }
        guard text.allSatisfy({ "0123456789.+-eE,%".contains($0) }), let value = Double(bare) else { return nil }
        let integerDigits = bare.prefix { $0 != "." && $0 != "e" && $0 != "E" }.filter(\.isNumber).count
        if integerDigits > maximumIntegerDigits {
            return "more than \(maximumIntegerDigits) digits, more than a figure can hold exactly"
        }
        let significant = bare.prefix { $0 != "e" && $0 != "E" }.contains { ("1"..."9").contains($0) }
        return !value.isFinite || (value == 0 && significant)
            ? "out of range: beyond ±1.8e308, or too close to 0 to hold" : nil
    }

    /// The message for a figure written with a decimal comma (`23,99`, `1.234,5`, `0,125`): a comma followed by other
    /// than three digits, after a point, or after a whole part starting with 0; `nil` when the commas could be
    /// thousands separators.
    static func decimalComma(in text: String) -> String? {
        let body = text.drop { $0 == "-" || $0 == "+" }
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let whole = parts.first, let fraction = parts.last, !whole.isEmpty,
            !fraction.isEmpty, whole.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
            fraction.count != 3 || whole.contains(".") || whole.first == "0"
        else { return nil }
        let point = whole.filter { $0 != "." } + "." + fraction
        return "a decimal comma: write the figure with a decimal point, as \(text.hasPrefix("-") ? "-" : "")\(point)"
    }
}
