/// How a contract condition binds: required, an option subject to affordability, or questions to answer before the
/// tender (the Real Living Wage's scope test not yet decided).
public enum ConditionTerms: String, Codable, Sendable, CustomStringConvertible {
    /// Required of the supplier, pass or fail.
    case condition
    /// The council may require it, subject to affordability.
    case option
    /// Not yet decided: the profile's questions must be answered first.
    case questions

    /// The terms as reports write them.
    public var description: String { rawValue }
}

/// What kind of standard condition a row of `policy/conditions.csv` is, and when it applies.
public enum ConditionKind: String, Codable, Sendable {
    /// Good practice for every supply chain.
    case standard
    /// The living wage, decided by the scope test.
    case livingWage = "living-wage"
}

/// When a standard condition applies: to every contract, or only where formal commitments are sought.
public enum ConditionScope: String, Codable, Sendable {
    /// Every contract.
    case always
    /// Contracts with formal commitments only.
    case formal
}
