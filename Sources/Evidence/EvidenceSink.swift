/// Receives what a loader reads, in order: each area and indicator before the first observation that uses it.
///
/// A sink can keep everything (``Dataset``), count it (``LoadStatistics``) or stream it out (`svtk load`).
public protocol EvidenceSink: AnyObject {
    func add(_ area: Area)
    func add(_ indicator: Indicator)
    func add(_ observation: Observation) throws
    /// A row's figures at once. By default each slot goes to ``add(_:)-observation`` in slot order.
    func add(_ batch: ObservationBatch) throws
}

extension EvidenceSink {
    public func add(_ batch: ObservationBatch) throws {
        for slot in 0..<batch.count { try add(batch.observation(slot)) }
    }
}

/// Counts what passes through it, then hands each item to the next sink (if any).
public final class LoadStatistics: EvidenceSink {
    public private(set) var observations = 0
    public private(set) var areasByLevel: [AreaLevel: Int] = [:]
    public private(set) var indicators: [String] = []
    public private(set) var periods: Set<String> = []
    public private(set) var missing: [MissingReason: Int] = [:]
    private var seenAreas: Set<String> = []
    private var seenIndicators: Set<String> = []
    private let next: EvidenceSink?

    public init(forwardingTo next: EvidenceSink? = nil) { self.next = next }

    public func add(_ area: Area) {
        if seenAreas.insert(area.code).inserted { areasByLevel[area.level, default: 0] += 1 }
        next?.add(area)
    }

    public func add(_ indicator: Indicator) {
        if seenIndicators.insert(indicator.id).inserted { indicators.append(indicator.id) }
        next?.add(indicator)
    }

    public func add(_ observation: Observation) throws {
        observations += 1
        periods.insert(observation.period)
        if let reason = observation.missing { missing[reason, default: 0] += 1 }
        try next?.add(observation)
    }

    public func add(_ batch: ObservationBatch) throws {
        observations += batch.count
        periods.insert(batch.period)
        for case let reason? in batch.missing { missing[reason, default: 0] += 1 }
        try next?.add(batch)
    }

    /// The number of distinct areas.
    public var areaCount: Int { seenAreas.count }
}
