/// The EU Common Procurement Vocabulary (CPV 2008): 8-digit codes, check digits and descriptions.
public struct CPVVocabulary: Sendable {
    /// One code.
    public struct Code: Hashable, Codable, Sendable {
        /// The 8 digits, e.g. `45233142`.
        public var code: String
        /// The check digit, e.g. `6`.
        public var checkDigit: String
        /// The code's description, e.g. `Agricultural and horticultural products`.
        public var description: String

        /// The code with its check digit, e.g. `45233142-6`.
        public var full: String { "\(code)-\(checkDigit)" }
        /// The two-digit division, e.g. `45`.
        public var division: String { String(code.prefix(2)) }
        /// The kind of contract the code describes, by the CPV's own structure: divisions 03 to 44 and 48 are
        /// supplies (goods), 45 is works, 50 and above are services.
        public var category: ContractCategory {
            let d = Int(division) ?? 0
            return d == 45 ? .works : (d < 45 || d == 48) ? .goods : .services
        }

        /// The significant digits: trailing zeros after the division dropped (`45233142`, `45000000` → `45`).
        public var significant: String {
            var digits = Substring(code)
            while digits.count > 2, digits.last == "0" { digits = digits.dropLast() }
            return String(digits)
        }
    }

    /// Every code, by its 8 digits.
    public let codes: [String: Code]
    private let ordered: [Code]

    init(path: String) throws {
        var codes: [String: Code] = [:]
        var ordered: [Code] = []
        try DataTable(path: path, required: ["code", "check_digit", "description"]).forEachRow { row in
            let code = try row.required("code")
            guard code.count == 8, code.allSatisfy(\.isNumber) else {
                throw row.error("code", "a CPV code has 8 digits, not \"\(code)\"")
            }
            let entry = Code(code: code, checkDigit: row["check_digit"], description: row["description"])
            codes[code] = entry
            ordered.append(entry)
        }
        self.codes = codes
        self.ordered = ordered
    }

    /// Looks a code up as written in notices: `45233142`, `45233142-6` (the check digit must match), or with spaces.
    public func lookup(_ text: String) -> Result<Code, LookupError> {
        let cleaned = text.filter { !$0.isWhitespace }
        let parts = cleaned.split(separator: "-", maxSplits: 1)
        guard let digits = parts.first, digits.count == 8, digits.allSatisfy(\.isNumber) else {
            return .failure(.malformed(text))
        }
        guard let code = codes[String(digits)] else { return .failure(.unknown(String(digits))) }
        if parts.count == 2, parts[1] != Substring(code.checkDigit) {
            return .failure(.checkDigit(text, expected: code.full))
        }
        return .success(code)
    }

    /// Why a code could not be looked up.
    public enum LookupError: Error, CustomStringConvertible, Equatable {
        /// The text is not 8 digits with an optional check digit.
        case malformed(String)
        /// The 8 digits are not a CPV 2008 code.
        case unknown(String)
        /// The check digit given does not match the code's; `expected` is the code in full.
        case checkDigit(String, expected: String)

        /// The problem in words, naming the text given.
        public var description: String {
            switch self {
            case .malformed(let text):
                "\"\(text)\" is not a CPV code: expected 8 digits, optionally with a check digit (45233142-6)"
            case .unknown(let code): "\(code) is not a CPV 2008 code"
            case .checkDigit(let text, let expected): "\(text) has the wrong check digit: the code is \(expected)"
            }
        }
    }

    /// The chain of codes above a code, from its division down to the code itself.
    public func ancestors(of code: Code) -> [Code] {
        let significant = code.significant
        return (2...significant.count).compactMap { length in
            let prefix = significant.prefix(length)
            return codes[prefix + String(repeating: "0", count: 8 - length)]
        }.reduce(into: [Code]()) { chain, c in if chain.last != c { chain.append(c) } }
    }

    /// Codes whose description contains every word (case-insensitive), broadest first.
    public func search(_ text: String, limit: Int = 25) -> [Code] {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard !words.isEmpty else { return [] }
        let hits = ordered.filter { code in
            let description = code.description.lowercased()
            return words.allSatisfy { description.contains($0) }
        }
        return Array(hits.sorted { ($0.significant.count, $0.code) < ($1.significant.count, $1.code) }.prefix(limit))
    }

    /// The 45 divisions.
    public var divisions: [Code] { ordered.filter { $0.significant.count == 2 } }
}
