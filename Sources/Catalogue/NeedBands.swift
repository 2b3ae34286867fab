import Core

/// How need is read (`policy/need_bands.csv`, `policy/national_deciles.csv`, `policy/national_ranks.csv`): the score
/// bands that name a level of need, the score at which a measure answers a need, and how an indicator's position in
/// England (a national decile, an authority's national rank, a comparison with England) becomes a need signal beside
/// the local one.
public struct NeedBands: Sendable {
    /// The lowest domain score that names high need.
    let highFrom: Double
    /// The lowest domain score that names above-average need.
    let aboveAverageFrom: Double
    /// Domain scores below this name below-average need; those from it to ``aboveAverageFrom`` are average.
    let belowAverageBelow: Double
    /// The lowest domain score that counts as a need a measure answers.
    public let answersNeedFrom: Double
    /// National deciles: `signal = (midpoint − decile) ÷ scale`, held within ± `cap`.
    let decileMidpoint: Double
    /// The number of deciles from the midpoint that make a signal of 1.
    let decileScale: Double
    /// The largest size of a national signal, either way.
    public let cap: Double
    /// Without confidence intervals, this relative difference from England scores 1.
    public let relativeDifferenceForOne: Double
    /// The relative change between an indicator's first and latest period that is read as a trend (`0.05`); a
    /// smaller one is no clear change.
    public let trendChangeFrom: Double
    /// Indicator patterns whose value is a national decile (1 = most deprived).
    let nationalDecilePatterns: [IndicatorLink]
    /// Indicator patterns whose value, in a period, is an authority's rank among England's authorities (1 = most
    /// deprived), with the number of authorities ranked in that period.
    let nationalRanks: [(pattern: IndicatorLink, period: String, ranked: Int)]
    /// Indicators whose periods are editions, not a time series: no trend is read from them
    /// (`policy/not_trended.csv`).
    let notTrendedPatterns: [IndicatorLink]

    /// Reads the need bands, national deciles and ranks, and untrended indicators of a policy folder.
    /// - Throws: `ToolkitError` naming the file (and line) of a missing file, column or parameter, or of a bad value.
    public init(folder: String) throws {
        let table = try ParameterTable(path: folder + "/need_bands.csv")
        func value(_ name: String) throws -> Double { try table.value(name) }
        highFrom = try value("high_need_from")
        aboveAverageFrom = try value("above_average_need_from")
        belowAverageBelow = try value("below_average_need_below")
        answersNeedFrom = try value("answers_need_from")
        decileMidpoint = try value("national_decile_midpoint")
        decileScale = try value("national_decile_scale")
        cap = try value("national_signal_cap")
        relativeDifferenceForOne = try value("relative_difference_for_one")
        trendChangeFrom = try value("trend_change_from")
        guard decileScale > 0, relativeDifferenceForOne > 0, cap > 0 else {
            throw ToolkitError(
                file: table.path,
                "national_decile_scale, relative_difference_for_one and national_signal_cap must be positive")
        }
        nationalDecilePatterns = try Self.patterns(folder + "/national_deciles.csv")
        nationalRanks = try DataTable(
            path: folder + "/national_ranks.csv", required: ["indicator", "period", "ranked"]
        )
        .rows().map { row in
            guard let ranked = Int(row["ranked"]), ranked > 0 else {
                throw row.error("ranked", "\(row["ranked"]): give the number of authorities ranked, a whole number")
            }
            let pattern = IndicatorLink(
                pattern: try row.required("indicator"), domain: nil, polarity: .higherIsBetter,
                reason: try row.required("reason"), location: row.location)
            return (pattern, try row.required("period"), ranked)
        }
        notTrendedPatterns = try Self.patterns(folder + "/not_trended.csv")
    }

    /// The indicator patterns of a policy file with `indicator,reason` columns.
    /// - Throws: `ToolkitError` at the file, line and column of a missing column or an empty cell.
    static func patterns(_ path: String) throws -> [IndicatorLink] {
        try DataTable(path: path, required: ["indicator", "reason"]).rows().map {
            IndicatorLink(
                pattern: try $0.required("indicator"), domain: nil, polarity: .higherIsBetter,
                reason: try $0.required("reason"), location: $0.location)
        }
    }

    /// The level of need a domain score names (``NeedLevel/noData`` for no score).
    public func level(_ score: Double?) -> NeedLevel {
        guard let score else { return .noData }
        if score >= highFrom { return .high }
        if score >= aboveAverageFrom { return .aboveAverage }
        if score >= belowAverageBelow { return .average }
        return .belowAverage
    }

    /// True when a trend may be read from an indicator's periods (they are not editions, `policy/not_trended.csv`).
    public func isTrended(_ indicator: String) -> Bool {
        !notTrendedPatterns.contains { $0.matches(indicator) }
    }

    /// True when the indicator is a national decile (`policy/national_deciles.csv`).
    public func isNationalDecile(_ indicator: String) -> Bool {
        nationalDecilePatterns.contains { $0.matches(indicator) }
    }

    /// The number of England's authorities an indicator's figure of a period ranks (`policy/national_ranks.csv`),
    /// or nil when it is not such a rank.
    public func authoritiesRanked(by indicator: String, in period: String) -> Int? {
        nationalRanks.first { $0.period == period && $0.pattern.matches(indicator) }?.ranked
    }

    /// The need signal of a national decile: positive when more deprived than the middle of England.
    public func signal(decile: Double) -> Double {
        max(-cap, min(cap, (decileMidpoint - decile) / decileScale))
    }
}

/// A level of need a domain score names, as the bands of `policy/need_bands.csv` set them; written as its
/// words (`high need`).
public enum NeedLevel: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// A score at or above the band for high need.
    case high = "high need"
    /// A score at or above the band for above-average need.
    case aboveAverage = "above-average need"
    /// A score between the bands for below- and above-average need.
    case average
    /// A score below the band for below-average need.
    case belowAverage = "below-average need"
    /// No score: no figure for the domain in the area.
    case noData = "no data"

    /// The levels a score can name, the greatest need first.
    public static let scored: [NeedLevel] = [.high, .aboveAverage, .average, .belowAverage]

    /// The level in words.
    public var description: String { rawValue }
}
