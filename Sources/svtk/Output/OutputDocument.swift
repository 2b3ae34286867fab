import Reports

/// A JSON document svtk prints or writes. Every number in it goes through ``Nullable`` (`null` when absent or
/// not finite), so encoding cannot fail and ``json`` needs no `try`.
protocol OutputDocument: Encodable {}

extension OutputDocument {
    /// The document as JSON: keys sorted, indented, `/` unescaped (``JSON/encoded(_:)``).
    var json: String {
        // Every number goes through Nullable (null when not finite): encoding cannot fail.
        (try? JSON.encoded(self)) ?? "null"
    }
}

/// A list of documents is a document: a JSON array.
extension Array: OutputDocument where Element: OutputDocument {}
