/// A disadvantage recorded in an Equality Analysis action plan (EAAP): an action to remove or minimise it,
/// for people with one or more protected characteristics, in some places or borough-wide.
public struct EqualityGap: Hashable, Codable, Sendable {
    /// The action the plan commits to.
    public var action: String
    /// The protected characteristics concerned, as canonical names (e.g. `disability`, `carers`).
    public var characteristics: [String]
    /// The council service area that owns the action.
    public var serviceArea: String
    /// Ward codes or names the gap is found in; empty when borough-wide.
    public var places: [String]
    /// The disadvantage described.
    public var disadvantage: String
    /// Target date as written (ISO `YYYY-MM-DD` where given so).
    public var targetDate: String
    /// Status as written (e.g. `open`, `in progress`, `complete`).
    public var status: String
    /// The accountable owner.
    public var owner: String
    /// The plan file it came from.
    public var file: String
    /// The 1-based line of its row.
    public var line: Int
    /// The 1-based column of its places, where the plan has one.
    public var placesColumn: Int?

    /// Where it came from, as `file:line`.
    public var source: String { "\(file):\(line)" }

    /// Makes a gap from the fields of one plan row.
    public init(
        action: String, characteristics: [String], serviceArea: String, places: [String],
        disadvantage: String, targetDate: String, status: String, owner: String,
        file: String, line: Int, placesColumn: Int? = nil
    ) {
        self.action = action
        self.characteristics = characteristics
        self.serviceArea = serviceArea
        self.places = places
        self.disadvantage = disadvantage
        self.targetDate = targetDate
        self.status = status
        self.owner = owner
        self.file = file
        self.line = line
        self.placesColumn = placesColumn
    }

    /// True when the gap applies to the whole borough rather than named places.
    public var isBoroughWide: Bool { places.isEmpty }
}
