/// How a figure is written for people: one named style per kind of figure, so the same kind of figure reads the
/// same in every table, page, workbook and note.
///
/// ```swift
/// 2_400_000.0.written(.money)              // "£2,400,000"
/// (2.0 / 3).written(.share)                // "66.7%"
/// 1.0.written(.quantity("people (FTE)"))   // "1 person (FTE)"
/// 0.4237.written(.score)                   // "0.42"
/// ```
///
/// A figure that is not finite is written as Swift writes it (`nan`, `inf`), never rounded into a number.
public struct FigureStyle: Sendable {
    private let write: @Sendable (Double) -> String

    /// A style from how it writes a finite figure.
    init(_ write: @escaping @Sendable (Double) -> String) { self.write = write }

    /// The figure in this style.
    public func callAsFunction(_ value: Double) -> String {
        value.isFinite ? write(value) : "\(value)"
    }
}

extension FigureStyle {
    /// A figure in a table cell or a data column: whole numbers without decimals, others to at most four
    /// decimals with trailing zeros dropped, no thousands separators (`2400000`, `0.1235`, `12.5`).
    public static let plain = FigureStyle { Decimals.trimmed($0, places: 4) }

    /// A figure as it was given, to echo it in a message: every digit it has, whole numbers without a point
    /// (`2000`, `1.00001`).
    public static let asGiven = FigureStyle { Decimals.whole($0) ?? "\($0)" }

    /// A whole count with thousands separated, rounded half away from zero (`2,400,000`).
    public static let whole = FigureStyle { Decimals.grouped(Decimals.fixed($0.rounded(), places: 0)) }

    /// Money in whole pounds with thousands separated (`£12,500`).
    public static let money = FigureStyle { pounds(whole($0)) }

    /// Money to the penny with thousands separated (`£1,234.50`), for rates and unit values.
    public static let pence = FigureStyle { pounds(Decimals.grouped(Decimals.fixed($0, places: 2))) }

    /// The pound sign before a written amount, after any minus sign (`-£20`).
    private static func pounds(_ amount: String) -> String {
        amount.hasPrefix("-") ? "-£" + amount.dropFirst() : "£" + amount
    }

    /// A share (0.2 = 20%) as a percentage to one decimal, a trailing `.0` dropped (`20%`, `66.7%`).
    public static let share = FigureStyle { Decimals.trimmed($0 * 100, places: 1) + "%" }

    /// A share (0.2 = 20%) as a whole percentage (`67%`), for progress against a target.
    public static let wholeShare = FigureStyle { Decimals.fixed(($0 * 100).rounded(), places: 0) + "%" }

    /// A change as a share (0.12 = 12%) with its sign, to a whole percentage (`+12%`, `-3%`, `0%`).
    public static let signedWholeShare = FigureStyle { value in
        let text = Decimals.fixed((value * 100).rounded(), places: 0)
        return (text.hasPrefix("-") || text == "0" ? text : "+" + text) + "%"
    }

    /// A need, rank or evaluation score to two decimals (`0.42`, `1.00`).
    public static let score = FigureStyle { Decimals.fixed($0, places: 2) }

    /// A score to one decimal (`0.4`, `-1.3`), where a chart's cell has room for little more.
    public static let shortScore = FigureStyle { Decimals.fixed($0, places: 1) }

    /// A score's contribution or difference with its sign (`+0.25`, `-0.10`).
    public static let signedScore = FigureStyle { value in
        let text = Decimals.fixed(value, places: 2)
        return text.hasPrefix("-") ? text : "+" + text
    }

    /// A score in a data column, to four decimals (`0.4237`), for sorting and joining in other tools.
    public static let preciseScore = FigureStyle { Decimals.fixed($0, places: 4) }

    /// A figure in working (targets, proxy values, formulae): thousands separated, up to two decimals, or up to
    /// four below 1 so small rates keep their meaning (`1,250`, `12.5`, `0.1235`).
    public static let working = FigureStyle {
        Decimals.grouped(Decimals.trimmed($0, places: abs($0) < 1 ? 4 : 2))
    }

    /// A statistic as the evidence shows it: two decimals, none from 100 up, trailing zeros dropped
    /// (`23.99`, `105`, `0.5`).
    public static let statistic = statistic(decimals: 2)

    /// A statistic to a number of decimals (none from 100 up), trailing zeros dropped; a z-score reads best to
    /// one decimal (`1.3`).
    public static func statistic(decimals: Int) -> FigureStyle {
        FigureStyle { Decimals.trimmed($0, places: abs($0) >= 100 ? 0 : decimals) }
    }

    /// A quantity with its unit, the unit in the singular for exactly one (`£3,000`, `1 person`, `5 people`,
    /// `1 hour`, `90% of workforce`, `a commitment`). The figure is written in the ``working`` style.
    public static func quantity(_ unit: String) -> FigureStyle {
        FigureStyle { value in Units.quantity(working(value), of: value, unit: unit) }
    }
}

extension Double {
    /// This figure in a style: `share.written(.share)`.
    public func written(_ style: FigureStyle) -> String { style(self) }
}

extension Optional where Wrapped == Double {
    /// This figure in a style, or `missing` when there is none (`""` in a data column, `"—"` on a page).
    public func written(_ style: FigureStyle, missing: String = "") -> String {
        guard let value = self else { return missing }
        return style(value)
    }
}
