import Catalogue
import Core
import Formatting

extension ContractProfile {
    /// Checks every number, text and option of the profile against the catalogue's contract limits, naming the
    /// field of the first that is wrong (``problems(file:catalogue:)`` lists every one).
    /// - Parameter file: where the profile came from, for the error.
    /// - Throws: `ToolkitError` naming the file and the field (`field "value": …`).
    public func validate(file: String, catalogue: Catalogue) throws {
        if let first = problems(file: file, catalogue: catalogue).first { throw first }
    }

    /// Every field that is wrong, each with its error, in the order of the profile's fields: amounts, text and
    /// codes, the workforce, the framework, the quantities. A form shows them all at once.
    public func problems(file: String, catalogue: Catalogue) -> [ToolkitError] {
        var found = amountProblems(file: file, limits: catalogue.contractLimits)
        found += textProblems(file: file, catalogue: catalogue)
        found += workforceProblems(file: file, limits: catalogue.contractLimits)
        if let problem = catalogue.unknownFramework(framework ?? "open") {
            found.append(ToolkitError(file: file, field: "framework", problem))
        }
        return found + quantityProblems(file: file, catalogue: catalogue)
    }

    /// The value, the duration, the social value weighting, the pass-through share and the supplier's fee.
    func amountProblems(file: String, limits: ContractLimits) -> [ToolkitError] {
        var found: [ToolkitError] = []
        func fail(_ field: String, _ message: String) { found.append(ToolkitError(file: file, field: field, message)) }
        if !(value.isFinite && value >= limits.valueSmallest && value < limits.valueBelow) {
            fail(
                "value",
                "must be an amount in £ from \(limits.valueSmallest.written(.money)) to under "
                    + "\(limits.valueBelow.written(.money)), "
                    + "not \(value.written(.asGiven))")
        }
        if !(durationMonths.isFinite && durationMonths >= limits.durationMonthsSmallest
            && durationMonths <= limits.durationMonthsMaximum)
        {
            fail(
                "durationMonths",
                "must be a number of months from \(limits.durationMonthsSmallest.written(.working)) to "
                    + "\(limits.durationMonthsMaximum.written(.working)), "
                    + "not \(durationMonths.written(.asGiven))")
        }
        if let w = socialValueWeighting, !(0...1).contains(w) {
            fail("socialValueWeighting", "a share between 0 and 1 (e.g. 0.2), not \(w.written(.asGiven))")
        }
        if let share = passThroughShare, !(0..<1).contains(share) {
            fail(
                "passThroughShare", "a share from 0 up to (not including) 1, e.g. 0.85, not \(share.written(.asGiven))")
        }
        if let fee = supplierFee, !(fee.isFinite && fee > 0 && fee <= value) {
            fail("supplierFee", "a positive amount in £ no more than the contract value, not \(fee.written(.asGiven))")
        }
        return found
    }

    /// The title, the description, the CPV codes (each one the vocabulary holds) and the delivery areas: present,
    /// one line, within limits.
    func textProblems(file: String, catalogue: Catalogue) -> [ToolkitError] {
        var found: [ToolkitError] = []
        func fail(_ field: String, _ message: String) { found.append(ToolkitError(file: file, field: field, message)) }
        if cpv.isEmpty { fail("cpv", "give at least one CPV code (a search of the CPV codes by words finds one)") }
        if title.trimmingSpaces.isEmpty { fail("title", "give the contract's title") }
        if title.contains(where: \.isNewline) { fail("title", "a title is one line, without line breaks") }
        let limits = catalogue.contractLimits
        for (field, count, most) in [
            ("title", title.count, limits.titleCharactersMaximum),
            ("description", description.count, limits.descriptionCharactersMaximum),
            ("cpv", cpv.count, limits.cpvMaximum), ("areas", areas.count, limits.areasMaximum),
        ]
        where count > most {
            fail(
                field,
                "\(count) \(field == "cpv" || field == "areas" ? "entries" : "characters"); at most \(most) "
                    + "(policy/contract_limits.csv)")
        }
        guard cpv.count <= limits.cpvMaximum else { return found }
        for (i, text) in cpv.enumerated() {
            if case .failure(let error) = catalogue.cpv.lookup(text) { fail("cpv[\(i)]", error.description) }
        }
        return found
    }

    /// The workforce: FTE under the limit, hours within a week, consecutive weeks within the contract.
    func workforceProblems(file: String, limits: ContractLimits) -> [ToolkitError] {
        var found: [ToolkitError] = []
        func fail(_ field: String, _ message: String) { found.append(ToolkitError(file: file, field: field, message)) }
        if let fte = workforce?.fte, !(fte.isFinite && fte >= 0 && fte < limits.fteBelow) {
            fail(
                "workforce.fte",
                "a number of full-time equivalents from 0 to under \(limits.fteBelow.written(.whole)), "
                    + "not \(fte.written(.asGiven))")
        }
        if let hours = workforce?.hoursPerWeek, !(hours.isFinite && hours >= 0 && hours <= 168) {
            fail(
                "workforce.hoursPerWeek",
                "a number of hours from 0 to 168 (the hours in a week), not \(hours.written(.asGiven))")
        }
        let weeks = (durationMonths * 52 / 12).rounded(.up)
        if let consecutive = workforce?.consecutiveWeeks,
            !(consecutive.isFinite && consecutive >= 0 && consecutive <= weeks)
        {
            fail(
                "workforce.consecutiveWeeks",
                "a number of weeks from 0 to the contract's \(weeks.written(.working)), "
                    + "not \(consecutive.written(.asGiven))")
        }
        return found
    }

    /// Each quantity: a name `taxonomy/quantities.csv` knows, and a count from 0 to under the limit
    /// (`field "quantities.devicesCollected": …`).
    func quantityProblems(file: String, catalogue: Catalogue) -> [ToolkitError] {
        let known = catalogue.taxonomy.quantities
        let most = catalogue.contractLimits.quantityBelow
        return (quantities ?? [:]).sorted(by: { $0.key < $1.key }).compactMap { name, amount in
            guard known.contains(where: { $0.id == name }) else {
                return ToolkitError(
                    file: file, field: "quantities.\(name)",
                    "not a quantity the toolkit knows; known: \(known.map(\.id).joined(separator: ", "))")
            }
            guard amount.isFinite, amount >= 0, amount < most else {
                return ToolkitError(
                    file: file, field: "quantities.\(name)",
                    "a count from 0 to under \(most.written(.whole)), not \(amount.written(.asGiven))")
            }
            return nil
        }
    }
}
