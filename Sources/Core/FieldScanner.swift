/// Finds a field named twice in one JSON object, scanning the text once (strings, escapes and nesting).
public enum FieldScanner {
    /// The first field name repeated within one object, with the byte offset of its second mention, or `nil`.
    /// The text must be valid JSON (JSON's parsers keep one of the two values silently).
    ///
    /// - Complexity: O(*n*) in the text's bytes.
    public static func repeatedField(in bytes: [UInt8]) -> (name: String, offset: Int)? {
        var names: [Set<String>?] = []  // per open container: the names seen, or nil for an array
        var i = 0
        var expectingName = false
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "{"):
                names.append([])
                expectingName = true
            case UInt8(ascii: "["):
                names.append(nil)
                expectingName = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = names.popLast()
                expectingName = false
            case UInt8(ascii: ","): expectingName = names.last.map { $0 != nil } ?? false
            case UInt8(ascii: "\""):
                let start = i + 1
                i += 1
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
                if expectingName, let last = names.indices.last {
                    let name = String(decoding: bytes[start..<min(i, bytes.count)], as: UTF8.self)
                    if names[last]?.insert(name).inserted == false { return (name, start - 1) }
                    expectingName = false
                }
            default: break
            }
            i += 1
        }
        return nil
    }
}
