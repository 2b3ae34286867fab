import Foundation

/// Markdown made safe to render.
enum Markdown {
    /// The document with every `<` written as `&lt;`, so that text from an input file (a contract's title, a
    /// catalogue's wording, an action plan) cannot open an HTML tag, a script or an image in a Markdown
    /// renderer. The toolkit's own Markdown uses no HTML, so nothing it means to show is lost.
    static func neutralisingHTML(_ document: String) -> String {
        document.replacingOccurrences(of: "<", with: "&lt;")
    }
}
