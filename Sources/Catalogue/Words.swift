/// Text as whole lower-case words, made once and then searched for many keywords: `"Children's home-to-school"`
/// reads `" children s home to school "`, so a keyword matches whole words only ("care" is not found in "career").
///
/// Making it is O(n) in the text; each ``contains(_:)`` is a substring search, O(n) at worst.
public struct Words: Hashable, Sendable {
    /// The words separated by single spaces, with a space at each end.
    let padded: String

    /// Splits text into lower-case words: each run of characters other than letters and digits becomes one space.
    public init(_ text: String) {
        var out = " "
        for c in text.lowercased() {
            if c.isLetter || c.isNumber { out.append(c) } else if out.last != " " { out.append(" ") }
        }
        padded = out.last == " " ? out : out + " "
    }

    /// The words as a person reads them, without the padding.
    public var text: String { String(padded.dropFirst().dropLast()) }

    /// True when these words contain `keyword`'s words, in order and whole.
    public func contains(_ keyword: Words) -> Bool { padded.contains(keyword.padded) }
}
