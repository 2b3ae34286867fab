import CSV
import Catalogue
import Core
import Formatting
import Foundation

/// A contract to recommend social value for: its subject matter, value, duration, where it is delivered and,
/// optionally, its workforce. Read from JSON (see `Datasets/README.md`) or built from command-line flags.
public struct ContractProfile: Codable, Sendable {
    /// The contract's title, on one line.
    public var title: String
    /// What the contract buys, in words; it refines the subjects of the CPV codes but never extends them.
    public var description: String
    /// CPV codes, with or without check digits.
    public var cpv: [String]
    /// Goods, services or works.
    public var category: ContractCategory
    /// Total contract value in £.
    public var value: Double
    /// The contract's length in months.
    public var durationMonths: Double
    /// Ward codes or names, or `["borough"]`.
    public var areas: [String]
    /// What is known of the contract's workforce; without an FTE figure, the workforce is estimated from the value.
    public var workforce: Workforce?
    /// The framework to recommend from (default `open`).
    public var framework: String?
    /// The social value weighting for this contract, when it differs from the policy default.
    public var socialValueWeighting: Double?
    /// The share of the value the supplier passes through without control over it (agency workers' pay, a
    /// unitary charge's finance and energy), 0 to 1; targets are sized on the rest.
    public var passThroughShare: Double?
    /// The supplier's own fee or margin in £, when known: targets sized on value are sized on it.
    public var supplierFee: Double?
    /// True when the council only passes funds through the supplier and has no leverage on how they are
    /// spent: aspirations only (commissioning toolkit 2.3).
    public var councilIsConduit: Bool?
    /// What the contract handles, by quantity id (`taxonomy/quantities.csv`): old devices taken back, vehicles
    /// part-exchanged, tonnes stripped out, people served. Targets for reuse, recycling, donation and waste are
    /// sized on them where given.
    public var quantities: [String: Double]?

    /// What the commissioner knows of the people who will deliver the contract.
    public struct Workforce: Codable, Sendable {
        /// The workforce in full-time equivalents (FTE), when known.
        public var fte: Double?
        /// Whether the workers are aged 18 or over (a Real Living Wage criterion).
        public var aged18Plus: Bool?
        /// Whether they are contracted or sub-contracted by the supplier (a Real Living Wage criterion).
        public var contracted: Bool?
        /// Hours of work a week, 0 to 168 (a Real Living Wage criterion).
        public var hoursPerWeek: Double?
        /// Consecutive weeks of work in a year (a Real Living Wage criterion).
        public var consecutiveWeeks: Double?
        /// Whether they work on council premises.
        public var onCouncilPremises: Bool?
        /// Whether they work on property the council owns or occupies.
        public var onCouncilProperty: Bool?
        /// Whether they work on land the council maintains or works on.
        public var onCouncilLand: Bool?

        /// What is known of the workforce; leave out what is not known.
        public init(
            fte: Double? = nil, aged18Plus: Bool? = nil, contracted: Bool? = nil, hoursPerWeek: Double? = nil,
            consecutiveWeeks: Double? = nil, onCouncilPremises: Bool? = nil, onCouncilProperty: Bool? = nil,
            onCouncilLand: Bool? = nil
        ) {
            self.fte = fte
            self.aged18Plus = aged18Plus
            self.contracted = contracted
            self.hoursPerWeek = hoursPerWeek
            self.consecutiveWeeks = consecutiveWeeks
            self.onCouncilPremises = onCouncilPremises
            self.onCouncilProperty = onCouncilProperty
            self.onCouncilLand = onCouncilLand
        }
    }

    /// A profile built in code or from command-line flags; the optional fields default to not given.
    public init(
        title: String, description: String, cpv: [String], category: ContractCategory, value: Double,
        durationMonths: Double, areas: [String], workforce: Workforce? = nil, framework: String? = nil,
        socialValueWeighting: Double? = nil, passThroughShare: Double? = nil, supplierFee: Double? = nil,
        councilIsConduit: Bool? = nil, quantities: [String: Double]? = nil
    ) {
        self.title = title
        self.description = description
        self.cpv = cpv
        self.category = category
        self.value = value
        self.durationMonths = durationMonths
        self.areas = areas
        self.workforce = workforce
        self.framework = framework
        self.socialValueWeighting = socialValueWeighting
        self.passThroughShare = passThroughShare
        self.supplierFee = supplierFee
        self.councilIsConduit = councilIsConduit
        self.quantities = quantities
    }

    /// The contract's length in years.
    public var years: Double { durationMonths / 12 }

    /// The quarters over which delivery is returned and monitored: the months ÷ 3, rounded up, at least one.
    public var quarters: Int { max(1, Int((durationMonths / 3).rounded(.up))) }

    /// The value the supplier controls, and how it was found: the fee when given, else the value less the
    /// share passed through.
    public var controlledValue: (value: Double, working: String) {
        if let supplierFee {
            return (supplierFee, "the supplier's fee of \(supplierFee.written(.money)) (of \(value.written(.money)))")
        }
        if let share = passThroughShare, share > 0 {
            let rest = value * (1 - share)
            return (
                rest,
                "\(rest.written(.money)): \(value.written(.money)) less the \((share * 100).written(.working))% "
                    + "passed through"
            )
        }
        return (value, "the contract value of \(value.written(.money))")
    }

    /// The largest contract profile file read: every field within the contract limits fits in far less.
    static let maximumFileBytes = 1 << 20

    /// Reads a profile from JSON (a file, a pipe, or `-` for standard input; a UTF-8 byte-order mark is
    /// allowed); a missing or mistyped field is an error naming it, invalid JSON an error at its line and column.
    /// - Throws: `ToolkitError` naming the file, and the field or the position.
    public static func load(_ path: String) throws -> ContractProfile {
        let data = Data(try WholeFile.bytes(at: path, limit: maximumFileBytes))
        if let problem = ContractJSON.problem(in: data, file: path) { throw problem }
        do {
            return try JSONDecoder().decode(ContractProfile.self, from: data)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw ToolkitError(
                file: path,
                "a contract profile is a JSON object ({ \"title\": …, … }), not "
                    + (data.first { $0 > 0x20 } == UInt8(ascii: "[") ? "an array" : "a single value"))
        } catch DecodingError.keyNotFound(let key, let context) {
            throw ToolkitError(file: path, field: fieldPath(context.codingPath + [key]), "missing; give it")
        } catch DecodingError.typeMismatch(let type, let context) {
            throw ToolkitError(
                file: path, field: fieldPath(context.codingPath), "must be \(ContractJSON.expected(type))")
        } catch DecodingError.valueNotFound(let type, let context) {
            throw ToolkitError(
                file: path, field: fieldPath(context.codingPath),
                "is null; give \(ContractJSON.expected(type)) "
                    + "or leave the field out where it is optional")
        } catch DecodingError.dataCorrupted(let context) {
            let field = fieldPath(context.codingPath)
            if field == "category" {
                throw ToolkitError(file: path, field: "category", "use goods, services or works")
            }
            var error = ToolkitError(
                file: path,
                "not valid JSON: "
                    + ((context.underlyingError as NSError?)?.localizedDescription ?? context.debugDescription))
            error.field = field.isEmpty ? nil : field
            throw error
        }
    }

    private static func fieldPath(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(
            of: ".[", with: "[")
    }
}
