/// A place that evidence describes: an output area, LSOA, MSOA, ward, local authority, region or country.
public struct Area: Hashable, Codable, Sendable {
    /// The ONS GSS code, e.g. `E05012993` (a ward) or `E08000018` (a local authority).
    public var code: String
    /// The name as the source gives it.
    public var name: String
    /// The kind of area.
    public var level: AreaLevel
    /// The boundary vintage where known, e.g. `LSOA11`, `LSOA21`, `WD19`, `WD22`.
    public var vintage: String?
    /// The code of the area that contains it, where the source says.
    public var parent: String?

    /// Makes an area; without a level, the level is read from the code (``AreaLevel/init(code:)``).
    public init(code: String, name: String, level: AreaLevel? = nil, vintage: String? = nil, parent: String? = nil) {
        self.code = code
        self.name = name
        self.level = level ?? AreaLevel(code: code)
        self.vintage = vintage
        self.parent = parent
    }

    /// True for an English shire county (`E10`): a county council, whose districts (`E07`) are its parts.
    public var isShireCounty: Bool { code.hasPrefix("E10") }
}

/// The kinds of area in English and Welsh statistics.
public enum AreaLevel: String, Codable, Sendable, CaseIterable, Comparable {
    /// A census output area (`E00`, `W00`).
    case outputArea = "output area"
    /// A lower layer super output area (`E01`, `W01`).
    case lsoa = "LSOA"
    /// A middle layer super output area (`E02`, `W02`).
    case msoa = "MSOA"
    /// An electoral ward or division (`E05`, `W05`).
    case ward
    /// A district, unitary authority, or metropolitan or London borough (`E06` to `E09`, `W06`).
    case localAuthority = "local authority"
    /// A county, metropolitan county, London or combined authority (`E10`, `E11`, `E13`, `E47`).
    case county
    /// An NHS area, such as an integrated care board (`E38`, `E39`, `E40`, `E54`).
    case healthArea = "health area"
    /// An English region (`E12`).
    case region
    /// A nation, or Great Britain or the United Kingdom (`E92`, `W92`, `K02`, …).
    case country
    /// A code whose prefix names none of these.
    case unknown

    /// The kind's name for several areas: `wards`, `local authorities`, `counties`, `other areas` for unknown.
    public var plural: String {
        switch self {
        case .localAuthority: "local authorities"
        case .county: "counties"
        case .country: "countries"
        case .unknown: "other areas"
        default: rawValue + "s"
        }
    }

    /// The level implied by a GSS code's entity prefix, e.g. `E05` → ward (ONS Register of Geographic Codes).
    public init(code: String) {
        let prefix = code.prefix(3).uppercased()
        switch prefix {
        case "E00", "W00": self = .outputArea
        case "E01", "W01": self = .lsoa
        case "E02", "W02": self = .msoa
        case "E05", "W05", "S13", "N08": self = .ward
        case "E06", "E07", "E08", "E09", "W06", "S12", "N09": self = .localAuthority
        case "E10", "E11", "E13", "E47": self = .county
        case "E38", "E54", "E40", "E39": self = .healthArea
        case "E12": self = .region
        case "E92", "W92", "S92", "N92", "K02", "K03", "K04": self = .country
        default: self = .unknown
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
    /// Orders levels from the smallest area (output area) to the largest (country), then unknown.
    public static func < (lhs: AreaLevel, rhs: AreaLevel) -> Bool { lhs.order < rhs.order }
}
