/// Random bytes from the system's secure generator (secrets, security tokens, session tokens).
public enum SecureRandom {
    /// `count` random bytes.
    /// - Complexity: O(count).
    public static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
