import Core
import Foundation

/// JSON output: `Codable` output types through `JSONEncoder` (``encoded(_:)``), with ``Nullable`` for the members
/// that are `null` rather than left out when absent.
public enum JSON {
    /// A `Codable` output type as JSON: keys sorted, indented, `/` unescaped, an absent optional left out.
    /// - Throws: `EncodingError` for a value JSON cannot hold (a number that is not finite).
    public static func encoded<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONOutput.encoder().encode(value), as: UTF8.self)
    }
}

/// A value written as JSON `null` when absent, rather than left out, so that every document of a kind has the
/// same members; a number that is not finite is written as `null` too.
public struct Nullable<Wrapped: Encodable>: Encodable {
    /// The value, or nil for `null`.
    public let value: Wrapped?

    /// Wraps a value; nil is written as `null`.
    public init(_ value: Wrapped?) { self.value = value }

    /// Encodes the value, or `null`.
    /// - Throws: what encoding the value throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let number = value as? Double, !number.isFinite { return try container.encodeNil() }
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
