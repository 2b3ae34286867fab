/// A sink that only checks that no figure of a file is given twice (``FigureKeys``), for a command that counts
/// figures without keeping them (`svtk inspect`, which checks each file with a check of its own).
public final class RepeatCheck: EvidenceSink {
    private var figures = FigureKeys()

    /// A check with nothing seen yet, of one file: no file follows it.
    public init() { figures.laterFilesFollow = false }

    /// Checks the file's figures against one another.
    public func startFile(_ path: String) { figures.startFile(path) }

    /// Areas are not checked.
    public func add(_ area: Area) {}
    /// Indicators are not checked.
    public func add(_ indicator: Indicator) {}

    /// Checks the figure.
    /// - Throws: `ToolkitError` when a file gives it twice, or another file gave it another value.
    public func add(_ observation: Observation) throws { _ = try figures.admit(observation) }

    /// Checks the batch's figures, as one row (``FigureKeys/admit(_:)-(ObservationBatch)``).
    /// - Throws: as ``add(_:)-(Observation)``.
    public func add(_ batch: ObservationBatch) throws { _ = try figures.admit(batch) }
}
