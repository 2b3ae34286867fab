import CSV

/// Turns repeated field bytes into one shared `String`, so a million rows naming the same indicator or
/// category allocate that string once. Short strings (15 UTF-8 bytes or fewer) are stored inline by Swift
/// and need no interning.
final class StringInterner {
    private var table: [UInt64: String] = [:]

    func string(_ field: CSVField) -> String {
        let bytes = field.bytes
        if bytes.count <= 15 { return field.string }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        if let known = table[hash], known.utf8.elementsEqual(bytes) { return known }
        let made = field.string
        if table[hash] == nil { table[hash] = made }
        return made
    }
}
