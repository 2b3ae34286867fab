import CSV

extension ContractProfile {
    /// Checks every number and option of the profile, naming the field of the first that is wrong.
    func validate(file: String, knownFramework: (String) -> String?) throws {
        func fail(_ field: String, _ message: String) -> InputError { InputError(file: file, "field \"\(field)\": \(message)") }
        guard value.isFinite, value > 0, value < 1e13 else {
            throw fail("value", "must be a positive amount in £ under £10 trillion, not \(value)")
        }
        guard durationMonths.isFinite, durationMonths > 0, durationMonths <= 1200 else {
            throw fail("durationMonths", "must be a number of months from 1 to 1200, not \(durationMonths)")
        }
        guard !cpv.isEmpty else { throw fail("cpv", "give at least one CPV code (svtk cpv WORDS finds one)") }
        if let w = socialValueWeighting, !(0...1).contains(w) {
            throw fail("socialValueWeighting", "a share between 0 and 1 (e.g. 0.2), not \(w)")
        }
        if let share = passThroughShare, !(0..<1).contains(share) {
            throw fail("passThroughShare", "a share from 0 up to (not including) 1, e.g. 0.85, not \(share)")
        }
        if let fee = supplierFee, !(fee.isFinite && fee > 0 && fee <= value) {
            throw fail("supplierFee", "a positive amount in £ no more than the contract value, not \(fee)")
        }
        if let fte = workforce?.fte, !(fte.isFinite && fte >= 0 && fte < 1e7) {
            throw fail("workforce.fte", "a number of full-time equivalents from 0 to 10 million, not \(fte)")
        }
        for (name, number) in [("workforce.hoursPerWeek", workforce?.hoursPerWeek), ("workforce.consecutiveWeeks", workforce?.consecutiveWeeks)] {
            if let number, !(number.isFinite && number >= 0) { throw fail(name, "a number of 0 or more, not \(number)") }
        }
        if let problem = knownFramework(framework ?? "open") { throw fail("framework", problem) }
    }
}
