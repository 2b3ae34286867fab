import Foundation

/// Arithmetic over named open figures: `+ - * /`, parentheses, numbers and figure ids
/// (letters first, then letters, digits, `_` and `.`), e.g. `(rlw_uk_2024_25 - nlw_2024) * 37.5 * 52`.
///
/// Parsing is O(n) in the text; evaluation is O(n) in the tokens, with nesting bounded by ``maximumNesting``.
public struct ProxyFormula: Sendable {
    enum Token: Equatable {
        case number(Double, String)
        case name(String)
        case symbol(Character)
    }

    /// Why a formula cannot be read or evaluated.
    public struct Failure: Error, Sendable {
        /// What is wrong, in words, e.g. `division by zero`.
        public var message: String
    }

    /// The formula as written.
    public let text: String
    let tokens: [Token]
    /// The deepest nesting of parentheses and signs evaluated, so that a hostile formula cannot exhaust the stack.
    static let maximumNesting = 32

    /// Reads a formula.
    /// - Throws: ``Failure`` at a character that is not part of a formula or a malformed number.
    public init(_ text: String) throws {
        self.text = text
        var tokens: [Token] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == " " {
                i = text.index(after: i)
                continue
            }
            if "+-*/()".contains(c) {
                tokens.append(.symbol(c))
                i = text.index(after: i)
            } else if c.isNumber || c == "." {
                let end = text[i...].firstIndex { !($0.isNumber || $0 == ".") } ?? text.endIndex
                guard let value = Double(text[i..<end]) else {
                    throw Failure(message: "bad number \"\(text[i..<end])\"")
                }
                tokens.append(.number(value, String(text[i..<end])))
                i = end
            } else if c.isLetter {
                let end =
                    text[i...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") } ?? text.endIndex
                tokens.append(.name(String(text[i..<end])))
                i = end
            } else {
                throw Failure(message: "unexpected \"\(c)\"")
            }
        }
        self.tokens = tokens
    }

    /// The figure ids the formula uses, in order of first use.
    var names: [String] {
        var seen: [String] = []
        for case .name(let n) in tokens where !seen.contains(n) { seen.append(n) }
        return seen
    }

    /// The value, looking figures up in `values`.
    /// - Throws: ``Failure`` for an unknown figure, a division by zero, unbalanced parentheses, nesting deeper
    ///   than ``maximumNesting``, or a result that is not a finite amount of 0 or more.
    public func evaluate(_ values: [String: Double]) throws -> Double {
        var position = 0
        var depth = 0
        func peek() -> Token? { position < tokens.count ? tokens[position] : nil }
        func expression() throws -> Double {
            var value = try term()
            while case .symbol(let s)? = peek(), s == "+" || s == "-" {
                position += 1
                let right = try term()
                value = s == "+" ? value + right : value - right
            }
            return value
        }
        func term() throws -> Double {
            var value = try factor()
            while case .symbol(let s)? = peek(), s == "*" || s == "/" {
                position += 1
                let right = try factor()
                if s == "/" && right == 0 { throw Failure(message: "division by zero") }
                value = s == "*" ? value * right : value / right
            }
            return value
        }
        func factor() throws -> Double {
            guard let token = peek() else { throw Failure(message: "the formula ends too soon") }
            position += 1
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumNesting else {
                throw Failure(message: "nested more than \(Self.maximumNesting) deep")
            }
            switch token {
            case .number(let n, _): return n
            case .name(let n):
                guard let v = values[n] else { throw Failure(message: "unknown open value \"\(n)\"") }
                return v
            case .symbol("("):
                let v = try expression()
                guard case .symbol(")")? = peek() else { throw Failure(message: "missing )") }
                position += 1
                return v
            case .symbol("-"): return -(try factor())
            case .symbol(let s): throw Failure(message: "unexpected \"\(s)\"")
            }
        }
        let value = try expression()
        if position != tokens.count { throw Failure(message: "unexpected text after the formula") }
        guard value.isFinite, value >= 0 else {
            throw Failure(message: "comes to \(value); a proxy value must be a finite amount of 0 or more")
        }
        return value
    }

    /// The formula with each figure replaced by its value, for showing the working.
    func substituted(_ values: [String: Double], format: (Double) -> String) -> String {
        tokens.map { token in
            switch token {
            case .number(_, let text): text
            case .name(let n): values[n].map(format) ?? n
            case .symbol(let s): String(s)
            }
        }.joined(separator: " ").replacingOccurrences(of: "( ", with: "(").replacingOccurrences(of: " )", with: ")")
    }
}
