/// Everything loaded from a set of files, held in memory for analysis.
///
/// The same figure (indicator, area, period and breakdown) from two files is kept once, from the file
/// loaded first; ``duplicates`` counts the rest. An indicator described twice keeps the first description,
/// except that a unit or polarity the first lacked is filled in from the later one (so a metadata file
/// can supply the polarity of an export's indicators whichever is loaded first).
public final class Dataset: EvidenceSink {
    public private(set) var areas: [String: Area] = [:]
    public private(set) var indicators: [String: Indicator] = [:]
    /// The figures, stored column by column (``ObservationTable``) and read as ``Observation`` rows.
    public private(set) var observations = ObservationTable()
    /// Figures seen again in a later file and not counted twice.
    public private(set) var duplicates = 0
    private var keys: Set<ObservationTable.FigureKey> = []
    /// The indicator symbols of each batch layout seen (the layout is held so its identifier is not reused).
    private var layoutSymbols: [ObjectIdentifier: (layout: BatchLayout, symbols: [UInt32])] = [:]

    public init() {}

    public func add(_ area: Area) {
        if var known = areas[area.code] {
            if known.parent == nil { known.parent = area.parent }
            if known.vintage == nil { known.vintage = area.vintage }
            if known.name == known.code { known.name = area.name }
            areas[area.code] = known
        } else {
            areas[area.code] = area
        }
    }

    public func add(_ indicator: Indicator) {
        indicators[indicator.id] = indicators[indicator.id].map { $0.completed(by: indicator) } ?? indicator
    }

    public func add(_ observation: Observation) throws {
        let key = observations.key(of: observation)
        guard keys.insert(key).inserted else {
            duplicates += 1
            return
        }
        observations.append(observation, key: key)
    }

    /// Adds a row's figures, resolving the batch's indicators once per layout.
    public func add(_ batch: ObservationBatch) throws {
        let id = ObjectIdentifier(batch.layout)
        let indicators: [UInt32]
        if let known = layoutSymbols[id]?.symbols {
            indicators = known
        } else {
            indicators = observations.intern(batch.layout.indicators)
            layoutSymbols[id] = (batch.layout, indicators)
        }
        let row = observations.row(area: batch.area, period: batch.period, source: batch.source)
        for slot in 0..<batch.count {
            let key = row.key(indicator: indicators[slot])
            guard keys.insert(key).inserted else {
                duplicates += 1
                continue
            }
            observations.append(slot, of: batch, row: row, key: key)
        }
    }

    /// The local authority an area lies in, following parents upwards (an authority is its own).
    public func authority(of code: String) -> Area? {
        var current = areas[code]
        for _ in 0..<6 {
            guard let area = current else { return nil }
            if area.level == .localAuthority { return area }
            current = area.parent.flatMap { areas[$0] }
        }
        return nil
    }
}
