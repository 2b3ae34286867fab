import Reports

/// A JSON document svtk prints or writes. Absent values and figures that are not finite go through ``Nullable``
/// and are written `null`.
protocol OutputDocument: Encodable {}

extension OutputDocument {
    /// The document as JSON: keys sorted, indented, `/` unescaped (``JSON/encoded(_:)``).
    /// - Throws: `EncodingError` for a figure JSON cannot hold that is not wrapped in ``Nullable``.
    var json: String {
        get throws { try JSON.encoded(self) }
    }
}

/// A list of documents is a document: a JSON array.
extension Array: OutputDocument where Element: OutputDocument {}
