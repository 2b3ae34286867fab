import Foundation

/// The one set-up of every JSON the toolkit writes: keys sorted and `/` unescaped, so the same value gives the same
/// bytes on every run; indented for a document, on one line for a record of JSON Lines.
public enum JSONOutput {
    /// An encoder for documents (`pretty`, indented) or JSON Lines records (one line each); dates in ISO 8601.
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
