extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks (Unicode's White_Space).
    ///
    /// - Complexity: O(1) for text with nothing to trim that begins and ends in ASCII (most cells); else O(*n*).
    @inlinable
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let head = scalars.first, let tail = scalars.last else { return "" }
        // Most cells have nothing to trim: they are returned as they are, told by their first and last characters.
        if head.isASCII, tail.isASCII, !Self.isASCIISpace(head), !Self.isASCIISpace(tail) { return String(self) }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// True for the ASCII characters that are White_Space: tab, line feed, vertical tab, form feed, carriage return,
    /// space.
    @inlinable
    static func isASCIISpace(_ character: Unicode.Scalar) -> Bool {
        character == " " || ("\t"..."\r").contains(character)
    }
}
