import Core

/// Receives what a loader reads, in order: each area and indicator before the first observation that uses it.
///
/// A sink can keep everything (``Dataset``), count it (``LoadStatistics``) or stream it out (`svtk load`).
public protocol EvidenceSink: AnyObject {
    /// Told that a file is about to be read, before its first area, indicator or figure: the file a figure given twice
    /// is checked against, and an error about one names. A figure's `source` is where it comes from, which for a
    /// normalised file (`svtk load`'s output) is the file it was first read from, not the one being read. By default
    /// nothing is done.
    func startFile(_ path: String)
    /// Receives an area, before any observation that uses it.
    func add(_ area: Area)
    /// Receives an indicator, before any observation that uses it.
    func add(_ indicator: Indicator)
    /// Receives one figure.
    /// - Throws: `ToolkitError` when the sink rejects the figure, e.g. a ``Dataset`` given it twice by one file.
    func add(_ observation: Observation) throws
    /// A row's figures at once. By default each slot goes to ``add(_:)-observation`` in slot order.
    func add(_ batch: ObservationBatch) throws
}

extension EvidenceSink {
    /// Does nothing: the sink does not check figures against their file.
    public func startFile(_ path: String) {}

    /// Hands each slot of the batch to ``add(_:)-observation``, in slot order.
    /// - Throws: whatever ``add(_:)-observation`` throws, stopping at that slot.
    public func add(_ batch: ObservationBatch) throws {
        for slot in 0..<batch.count { try add(batch.observation(slot)) }
    }
}

/// Counts what passes through it, then hands each item to the next sink (if any).
public final class LoadStatistics: EvidenceSink {
    /// The number of figures passed through, missing ones included.
    public private(set) var observations = 0
    /// The number of distinct areas of each level.
    public private(set) var areasByLevel: [AreaLevel: Int] = [:]
    /// The ids of the distinct indicators, in the order first seen.
    public private(set) var indicators: [String] = []
    /// The distinct periods of the figures.
    public private(set) var periods: Set<String> = []
    /// The number of missing figures, by reason.
    public private(set) var missing: [MissingReason: Int] = [:]
    private var seenAreas: Set<String> = []
    /// The last figure's period, already among ``periods``: most figures share the one before's.
    private var lastPeriod: String?
    private var seenIndicators: Set<String> = []
    private let next: EvidenceSink?

    /// Counts, and hands everything on to `next` when there is one.
    public init(forwardingTo next: EvidenceSink? = nil) { self.next = next }

    /// Hands the file on.
    public func startFile(_ path: String) { next?.startFile(path) }

    /// Counts the area if it is new, and hands it on.
    public func add(_ area: Area) {
        if seenAreas.insert(area.code).inserted { areasByLevel[area.level, default: 0] += 1 }
        next?.add(area)
    }

    /// Records the indicator if it is new, and hands it on.
    public func add(_ indicator: Indicator) {
        if seenIndicators.insert(indicator.id).inserted { indicators.append(indicator.id) }
        next?.add(indicator)
    }

    /// Counts the figure, its period and any missing reason, and hands it on.
    /// - Throws: whatever the next sink throws for it.
    public func add(_ observation: Observation) throws {
        observations += 1
        count(period: observation.period)
        if let reason = observation.missing { missing[reason, default: 0] += 1 }
        try next?.add(observation)
    }

    /// Counts the batch's figures, its period and any missing reasons, and hands it on.
    /// - Throws: whatever the next sink throws for it.
    public func add(_ batch: ObservationBatch) throws {
        observations += batch.count
        count(period: batch.period)
        for case let reason? in batch.missing { missing[reason, default: 0] += 1 }
        try next?.add(batch)
    }

    /// Adds a period to ``periods``, unless it is the last one added.
    private func count(period: String) {
        guard period != lastPeriod else { return }
        periods.insert(period)
        lastPeriod = period
    }
}
