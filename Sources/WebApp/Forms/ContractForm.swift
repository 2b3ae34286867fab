import Catalogue
import Core
import Formatting
import Recommender
import Reports

/// The new-contract form's fields and their errors: what the commissioner typed, kept to show again, and the
/// profile it makes when every field is right. Errors are the CLI's own messages, placed beside their field.
struct ContractForm {
    /// Each field's text as typed, by the profile's field name.
    var values: [String: String] = [:]
    /// CPV codes ticked in the search results.
    var pickedCPV: [String] = []
    /// Ward codes ticked, or `borough`.
    var areas: [String] = []
    /// Field name → what is wrong with it.
    var errors: [String: String] = [:]

    static let textFields = [
        "title", "description", "cpv", "category", "value", "durationMonths", "framework",
        "socialValueWeighting", "supplierFee", "passThroughShare", "quantities", "workforce.fte",
        "workforce.hoursPerWeek", "workforce.consecutiveWeeks",
        "workforce.aged18Plus", "workforce.contracted", "workforce.onCouncilPremises",
        "workforce.onCouncilProperty", "workforce.onCouncilLand",
    ]

    init() {}

    /// The form as posted (or as sent to search the CPV vocabulary).
    init(_ form: FormData) {
        for name in Self.textFields { values[name] = form[name] }
        pickedCPV = form.values("cpvPick")
        areas = form.values("areas")
    }

    /// The form as posted and the profile it makes, with every field's error at once: those that cannot be read,
    /// then the profile's own checks (limits, CPV codes, framework, quantities).
    static func posted(_ data: FormData, catalogue: Catalogue) -> (form: ContractForm, profile: ContractProfile) {
        var form = ContractForm(data)
        let profile = form.profile(limits: catalogue.contractLimits)
        for problem in profile.problems(file: "contract", catalogue: catalogue) { form.place(problem) }
        return (form, profile)
    }

    /// The form filled from a saved profile, for editing.
    init(_ profile: ContractProfile) {
        values = [
            "title": profile.title, "description": profile.description, "cpv": profile.cpv.joined(separator: ", "),
            "category": profile.category.rawValue, "value": profile.value.written(.plain),
            "durationMonths": profile.durationMonths.written(.plain), "framework": profile.framework ?? "open",
            "socialValueWeighting": profile.socialValueWeighting.map { ($0 * 100).written(.plain) } ?? "",
            "supplierFee": profile.supplierFee.written(.plain),
            "passThroughShare": profile.passThroughShare.map { ($0 * 100).written(.plain) } ?? "",
            "quantities": (profile.quantities ?? [:]).sorted { $0.key < $1.key }.map {
                "\($0.key) \($0.value.written(.plain))"
            }
            .joined(separator: ", "),
        ]
        let w = profile.workforce
        values["workforce.fte"] = (w?.fte).written(.plain)
        values["workforce.hoursPerWeek"] = (w?.hoursPerWeek).written(.plain)
        values["workforce.consecutiveWeeks"] = (w?.consecutiveWeeks).written(.plain)
        for (name, answer) in [
            ("aged18Plus", w?.aged18Plus), ("contracted", w?.contracted), ("onCouncilPremises", w?.onCouncilPremises),
            ("onCouncilProperty", w?.onCouncilProperty), ("onCouncilLand", w?.onCouncilLand),
        ] {
            values["workforce." + name] = answer.map { $0 ? "yes" : "no" } ?? ""
        }
        areas = profile.areas
    }

    /// The profile the form describes, with errors recorded for every field that cannot be read. A field that
    /// cannot be read stands in the profile at the edge of its limits (`limits`), so that the profile's own checks
    /// (``ContractProfile/problems(file:catalogue:)``) can still find every other field's errors at once.
    mutating func profile(limits: ContractLimits) -> ContractProfile {
        let cpv =
            (values["cpv", default: ""].split { $0 == "," || $0 == " " || $0 == ";" }.map(String.init) + pickedCPV)
        var seen: Set<String> = []
        let codes = cpv.filter { seen.insert($0).inserted }
        let category = ContractCategory(rawValue: values["category", default: ""])
        if category == nil { errors["category"] = "choose goods, services or works" }
        let value = amount("value", required: true)
        let months = amount("durationMonths", required: true)
        let weighting = amount("socialValueWeighting").map { $0 / 100 }
        let fee = amount("supplierFee")
        let passedThrough = amount("passThroughShare").map { $0 / 100 }
        let quantities = quantityList()
        let workforce = ContractProfile.Workforce(
            fte: amount("workforce.fte"), aged18Plus: answer("workforce.aged18Plus"),
            contracted: answer("workforce.contracted"),
            hoursPerWeek: amount("workforce.hoursPerWeek"), consecutiveWeeks: amount("workforce.consecutiveWeeks"),
            onCouncilPremises: answer("workforce.onCouncilPremises"),
            onCouncilProperty: answer("workforce.onCouncilProperty"),
            onCouncilLand: answer("workforce.onCouncilLand"))
        if areas.isEmpty { errors["areas"] = "tick the wards the contract is delivered in, or the whole borough" }
        let (stands, longest) = (limits.valueBelow.nextDown, limits.durationMonthsMaximum)
        let framework = values["framework", default: ""]
        let known =
            [workforce.fte, workforce.hoursPerWeek, workforce.consecutiveWeeks].contains { $0 != nil }
            || [
                workforce.aged18Plus, workforce.contracted, workforce.onCouncilPremises, workforce.onCouncilProperty,
                workforce.onCouncilLand,
            ].contains { $0 != nil }
        return ContractProfile(
            title: values["title", default: ""], description: values["description", default: ""], cpv: codes,
            category: category ?? .services, value: value ?? stands, durationMonths: months ?? longest,
            areas: areas.contains("borough") ? ["borough"] : areas, workforce: known ? workforce : nil,
            framework: framework.isEmpty ? nil : framework, socialValueWeighting: weighting,
            passThroughShare: passedThrough, supplierFee: fee, quantities: quantities)
    }

    /// What the contract handles, typed as `devicesCollected 1200, sites 40` (or `name=1200`); empty is none. The
    /// names and figures are checked with the rest of the profile.
    private mutating func quantityList() -> [String: Double]? {
        var found: [String: Double] = [:]
        for item in values["quantities", default: ""].split(separator: ",") {
            let parts = item.split { $0 == " " || $0 == "=" || $0 == ":" }.map(String.init)
            guard parts.count == 2, let number = FigureReading.number(parts[1]), found[parts[0]] == nil else {
                errors["quantities"] =
                    "\(ToolkitError.quoted(item.trimmingSpaces)) is not a name and a number once each, "
                    + "e.g. devicesCollected 1200"
                return nil
            }
            found[parts[0]] = number
        }
        return found.isEmpty ? nil : found
    }

    /// Records the error a profile check threw beside its field (or the form's top when it names none), unless the
    /// field already has one (the first is kept: a field that could not be read is not checked further).
    mutating func place(_ error: ToolkitError) {
        let name = error.field.map { field in ["areas", "cpv", "quantities"].first { field.hasPrefix($0) } ?? field }
        let key = name.map { Self.textFields.contains($0) || $0 == "areas" ? $0 : "form" } ?? "form"
        if errors[key] == nil { errors[key] = error.message }
    }

    /// A number typed as people do: `£1,200,000`, `36`, `12.5`; empty is `nil` (an error when `required`).
    private mutating func amount(_ name: String, required: Bool = false) -> Double? {
        var text = values[name, default: ""]
        if text.hasPrefix("£") { text.removeFirst() }
        if text.hasSuffix("%") { text.removeLast() }
        if text.isEmpty {
            if required { errors[name] = "give a number" }
            return nil
        }
        guard let number = FigureReading.number(text) else {
            errors[name] =
                "\(ToolkitError.quoted(values[name, default: ""])) is not a number; write it in figures, e.g. 1200000"
            return nil
        }
        return number
    }

    /// A yes/no question: empty is not known.
    private mutating func answer(_ name: String) -> Bool? {
        switch values[name, default: ""] {
        case "yes": return true
        case "no": return false
        case "": return nil
        default:
            errors[name] = "answer yes, no or not known"
            return nil
        }
    }
}
