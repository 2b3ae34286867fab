import Core
import Formatting

/// One price year and one valuation basis for every proxy value of a catalogue (`catalogues/valuation.csv`),
/// with HM Treasury's GDP deflators (`catalogues/gdp_deflators.csv`) to re-base values priced in other years.
public struct PriceBase: Sendable {
    /// The financial year every proxy is re-based to, e.g. `2024-25`.
    public let priceYear: String
    /// The valuation basis, stated once: what counts as value and what is left out.
    public let basis: String
    /// How a calendar price year is read as a financial year.
    let calendarYearRule: String
    /// Financial year (`2012-13`) → deflator index.
    public let deflators: [String: Double]

    init(valuation: String, deflators path: String) throws {
        var parameters: [String: String] = [:]
        try DataTable(path: valuation, required: ["parameter", "value"]).forEachRow { row in
            parameters[try row.required("parameter")] = try row.required("value")
        }
        for name in ["price_year", "basis", "calendar_year_rule"] where parameters[name] == nil {
            throw ToolkitError(file: valuation, "missing parameter \(name)")
        }
        var index: [String: Double] = [:]
        try DataTable(path: path, required: ["financial_year", "index"]).forEachRow { row in
            let value = try row.number("index")
            guard value > 0, value.isFinite else {
                throw row.error("index", "a deflator must be a positive number, not \(value)")
            }
            index[try row.required("financial_year")] = value
        }
        priceYear = parameters["price_year"]!
        basis = parameters["basis"]!
        calendarYearRule = parameters["calendar_year_rule"]!
        deflators = index
        guard deflators[priceYear] != nil else {
            throw ToolkitError(file: valuation, "price_year \(priceYear) has no deflator in \(path)")
        }
    }

    private static func index(_ value: Double) -> String {
        value == value.rounded() ? value.written(.working) : "\(value)"
    }

    /// The financial year a source's price year stands for: `2012/13` → `2012-13`, calendar `2024` → `2024-25`.
    public static func financialYear(_ priceYear: String) -> String? {
        let digits = priceYear.split { !$0.isNumber }.map(String.init)
        guard let first = digits.first, first.count == 4, let year = Int(first) else { return nil }
        return "\(year)-\(String(format: "%02d", (year + 1) % 100))"
    }

    /// The factor taking a value in `priceYear` prices to the catalogue's price year, with its working; nil when
    /// there is nothing to re-base (`n/a`: a pound is a pound; or already the catalogue's price year). Throws when
    /// the deflators do not cover the year.
    func factor(from priceYear: String) throws -> (factor: Double, working: String)? {
        guard priceYear != "n/a" else { return nil }
        guard let year = Self.financialYear(priceYear), let from = deflators[year] else {
            throw ToolkitError(file: "gdp_deflators.csv", "no GDP deflator for price year \(priceYear)")
        }
        let to = deflators[self.priceYear]!
        guard year != self.priceYear else { return nil }
        return (to / from, "× \(Self.index(to)) ÷ \(Self.index(from)) (GDP deflators \(self.priceYear) ÷ \(year))")
    }
}
