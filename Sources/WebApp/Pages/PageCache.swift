import CSV
import Foundation

/// Rendered pages kept for reuse: a page is rendered once per state of what it shows (the key names the
/// contract's version, its latest recommendation and its decisions' versions) and then served from memory.
///
/// A page's forms carry the visitor's CSRF token, so a page is kept with a placeholder in its place, random for
/// each server, and the token is put in when it is served. At most `capacity` pages are kept; when full, the
/// cache starts again empty. Safe to use from any thread.
final class PageCache: @unchecked Sendable {
    // @unchecked: the dictionary is only touched under the lock.
    private var pages: [String: [Substring]] = [:]
    private let lock = NSLock()
    private let capacity: Int
    /// Stands for the visitor's CSRF token in a kept page: as long as a token and made of the same characters.
    let placeholder = Hexadecimal.text(SecureRandom.bytes(32))

    init(capacity: Int = 512) { self.capacity = capacity }

    /// The page for `key` with the visitor's `token`, rendered by `render` (given the placeholder as the token)
    /// when it is not kept.
    /// - Complexity: O(n) in the page's length, to put the token in (the page is kept cut at the placeholder).
    func page(_ key: String, token: String, render: (_ token: String) async throws -> String) async rethrows -> String {
        if let parts = lock.withLock({ pages[key] }) { return parts.joined(separator: token) }
        let page = try await render(placeholder)
        let parts = page.split(separator: placeholder, omittingEmptySubsequences: false)
        lock.withLock {
            if pages.count >= capacity { pages.removeAll(keepingCapacity: true) }
            pages[key] = parts
        }
        return parts.joined(separator: token)
    }
}
