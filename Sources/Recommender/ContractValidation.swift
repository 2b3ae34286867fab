import Catalogue
import Core
import Formatting

extension ContractProfile {
    /// Checks every number, text and option of the profile against the catalogue's contract limits, naming the
    /// field of the first that is wrong.
    /// - Parameter file: where the profile came from, for the error.
    /// - Throws: `ToolkitError` naming the file and the field (`field "value": …`).
    public func validate(file: String, catalogue: Catalogue) throws {
        try validateAmounts(file: file, limits: catalogue.contractLimits)
        try validateText(file: file, limits: catalogue.contractLimits)
        try validateWorkforce(file: file, limits: catalogue.contractLimits)
        if let problem = catalogue.unknownFramework(framework ?? "open") {
            throw ToolkitError(file: file, field: "framework", problem)
        }
        try validateQuantities(file: file, catalogue: catalogue)
    }

    /// Checks the value, the duration, the social value weighting, the pass-through share and the supplier's fee.
    /// - Throws: `ToolkitError` naming the file and the field.
    func validateAmounts(file: String, limits: ContractLimits) throws {
        func fail(_ field: String, _ message: String) -> ToolkitError {
            ToolkitError(file: file, field: field, message)
        }
        guard value.isFinite, value > 0, value < limits.valueBelow else {
            throw fail(
                "value",
                "must be a positive amount in £ under \(limits.valueBelow.written(.money)), "
                    + "not \(value.written(.asGiven))"
            )
        }
        guard durationMonths.isFinite, durationMonths > 0, durationMonths <= limits.durationMonthsMaximum else {
            throw fail(
                "durationMonths",
                "must be a number of months from 1 to \(limits.durationMonthsMaximum.written(.working)), "
                    + "not \(durationMonths.written(.asGiven))")
        }
        if let w = socialValueWeighting, !(0...1).contains(w) {
            throw fail("socialValueWeighting", "a share between 0 and 1 (e.g. 0.2), not \(w.written(.asGiven))")
        }
        if let share = passThroughShare, !(0..<1).contains(share) {
            throw fail(
                "passThroughShare", "a share from 0 up to (not including) 1, e.g. 0.85, not \(share.written(.asGiven))")
        }
        if let fee = supplierFee, !(fee.isFinite && fee > 0 && fee <= value) {
            throw fail(
                "supplierFee", "a positive amount in £ no more than the contract value, not \(fee.written(.asGiven))")
        }
    }

    /// Checks the title, the description, the CPV codes and the delivery areas: present, one line, within limits.
    /// - Throws: `ToolkitError` naming the file and the field.
    func validateText(file: String, limits: ContractLimits) throws {
        func fail(_ field: String, _ message: String) -> ToolkitError {
            ToolkitError(file: file, field: field, message)
        }
        guard !cpv.isEmpty else {
            throw fail("cpv", "give at least one CPV code (a search of the CPV codes by words finds one)")
        }
        guard !title.trimmingSpaces.isEmpty else { throw fail("title", "give the contract's title") }
        guard !title.contains(where: \.isNewline) else {
            throw fail("title", "a title is one line, without line breaks")
        }
        for (field, count, most) in [
            ("title", title.count, limits.titleCharactersMaximum),
            ("description", description.count, limits.descriptionCharactersMaximum),
            ("cpv", cpv.count, limits.cpvMaximum), ("areas", areas.count, limits.areasMaximum),
        ]
        where count > most {
            throw fail(
                field,
                "\(count) \(field == "cpv" || field == "areas" ? "entries" : "characters"); at most \(most) "
                    + "(policy/contract_limits.csv)")
        }
    }

    /// Checks the workforce: FTE under the limit, hours within a week, consecutive weeks within the contract.
    /// - Throws: `ToolkitError` naming the file and the field.
    func validateWorkforce(file: String, limits: ContractLimits) throws {
        func fail(_ field: String, _ message: String) -> ToolkitError {
            ToolkitError(file: file, field: field, message)
        }
        if let fte = workforce?.fte, !(fte.isFinite && fte >= 0 && fte < limits.fteBelow) {
            throw fail(
                "workforce.fte",
                "a number of full-time equivalents from 0 to under \(limits.fteBelow.written(.whole)), "
                    + "not \(fte.written(.asGiven))")
        }
        if let hours = workforce?.hoursPerWeek, !(hours.isFinite && hours >= 0 && hours <= 168) {
            throw fail(
                "workforce.hoursPerWeek",
                "a number of hours from 0 to 168 (the hours in a week), not \(hours.written(.asGiven))")
        }
        let weeks = (durationMonths * 52 / 12).rounded(.up)
        if let consecutive = workforce?.consecutiveWeeks,
            !(consecutive.isFinite && consecutive >= 0 && consecutive <= weeks)
        {
            throw fail(
                "workforce.consecutiveWeeks",
                "a number of weeks from 0 to the contract's \(weeks.written(.working)), "
                    + "not \(consecutive.written(.asGiven))"
            )
        }
    }

    /// Checks each quantity: a name `taxonomy/quantities.csv` knows, and a count from 0 to under the limit.
    /// - Throws: `ToolkitError` naming the file and the field (`field "quantities.devicesCollected": …`).
    func validateQuantities(file: String, catalogue: Catalogue) throws {
        let known = catalogue.taxonomy.quantities
        for (name, amount) in (quantities ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard known.contains(where: { $0.id == name }) else {
                throw ToolkitError(
                    file: file, field: "quantities.\(name)",
                    "not a quantity the toolkit knows; known: \(known.map(\.id).joined(separator: ", "))")
            }
            let most = catalogue.contractLimits.quantityBelow
            guard amount.isFinite, amount >= 0, amount < most else {
                throw ToolkitError(
                    file: file, field: "quantities.\(name)",
                    "a count from 0 to under \(most.written(.whole)), not \(amount.written(.asGiven))")
            }
        }
    }
}
