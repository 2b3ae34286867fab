import CSV
import Core
import Evidence
import Loaders

/// Streams observations out as CSV, or as a JSON array with one observation a line (``ObservationJSON``). It
/// remembers each area's cells, each indicator, and a digest of each figure or wide table's row (``FigureKeys``: a
/// figure given twice is an error, or, repeated by a later file with the same value, written once), and, while later
/// files follow, 8 bytes for each figure of a wide table's rows; so memory grows with the number of distinct areas
/// and figures, never with the length of their texts.
///
/// A row is put together from bytes: an indicator's four cells and an area's three are encoded once, when they are
/// declared, and figures are written as digits, so a row costs no `String` but the ones it is made of. Rows are put
/// together on other threads, some 8,000 figures a piece, and written in order: as CSV, a wide table's rows
/// (``WideRows``) and figures given a row each (``FigureRows``), gathered a piece at a time; as JSON, each wide table
/// row's objects (``BatchJSON``).
final class ObservationWriter: EvidenceSink {
    private let json: Bool
    private let csv = CSVWriter.standardOutput()
    private var areas: [String: (name: String, level: AreaLevel)] = [:]
    private var indicators: [String: Indicator] = [:]
    private var first = true
    private var figures = FigureKeys()
    /// Figures a later file repeated with the same value, written once.
    private(set) var repeats = 0
    /// Each area's code, name and level, and each indicator's id, name, unit and polarity, as CSV cells.
    private var areaCells: [String: [UInt8]] = [:]
    private var indicatorCells: [String: [UInt8]] = [:]
    /// A batch layout's runs of cells, slot by slot (``runs(indicator:source:)``), one run after another, and where
    /// each ends (forgotten when an indicator changes). The layout is kept, so that no other takes its identifier.
    private var layoutCells: [ObjectIdentifier: (layout: BatchLayout, source: String, cells: SlotCells)] = [:]
    /// The last area's and wide table's period's cells looked up: most rows repeat the row before's.
    private var lastArea: (key: String, cells: [UInt8])?
    private var lastPeriod: (key: String, cells: [UInt8])?
    /// Rows not yet handed to ``writing``, and their number of figures: wide tables', and as CSV, figures given a row
    /// each; as CSV, the last of either kind are gathered in `wideRows` or `figureRows`.
    private var pending: [any BatchOutput] = []
    private var wideRows = WideRows()
    private var figureRows = FigureRows()
    /// The cells the figures' rows share, named by place.
    private var sharedCells = SharedCells()
    private var pendingFigures = 0
    /// How many figures' rows are put together on another thread at once: some 1.5 MB of CSV for a census table.
    private static let figuresAPiece = 8_192
    /// Rows being put together on other threads, written in turn; whether any are.
    private let writing = WorkInOrder<CSVRowBytes>()
    private var writingStarted = false
    /// The last file's name as a cell.
    private var sourceCell: (source: String, cell: [UInt8])?

    init(json: Bool) {
        self.json = json
        if !json { csv.write(NormalisedLoader.columns) }
    }

    /// Checks the file's figures as another file's than those read before (``FigureKeys/startFile(_:)``).
    func startFile(_ path: String) { figures.startFile(path) }

    /// True while files follow the one being read (``FigureKeys/laterFilesFollow``); set before each file.
    var laterFilesFollow: Bool {
        get { figures.laterFilesFollow }
        set { figures.laterFilesFollow = newValue }
    }

    /// Remembers an area the first time it is declared: as cells for CSV, by name and level for JSON.
    func add(_ area: Area) {
        if json {
            if areas[area.code] == nil { areas[area.code] = (area.name, area.level) }
        } else if areaCells[area.code] == nil {
            let cells = csv.encoded([area.code, area.name, area.level.rawValue])
            areaCells[area.code] = cells
            lastArea = (area.code, cells)  // most tables declare each row's area just before its figures
            sharedCells.forget(area: area.code)
        }
    }

    /// Takes an indicator's description for the rows after it, as the file being read declares it, with what it
    /// lacks (a unit, a polarity, a name where it has only Fingertips' placeholder) from the one held before
    /// (``Indicator/completed(by:)``): metadata read first names and judges the rows of an export that does not.
    func add(_ later: Indicator) {
        let indicator = indicators[later.id].map { later.completed(by: $0) } ?? later
        guard indicator != indicators[later.id] else { return }
        indicators[indicator.id] = indicator
        indicatorCells[indicator.id] = csv.encoded([
            indicator.id, indicator.name, indicator.unit, indicator.polarity.rawValue,
        ])
        layoutCells.removeAll()
        sharedCells.forget(indicator: indicator.id)
    }

    /// Writes the observation as a CSV row (put together on another thread, ``FigureRows``), or as one line of
    /// JSON.
    /// - Throws: `ToolkitError` for a figure given twice (``FigureKeys``).
    func add(_ o: Observation) throws {
        guard try figures.admit(o) else {
            repeats += 1
            return
        }
        write(o)
    }

    /// Writes an observation checked before.
    private func write(_ o: Observation) {
        guard !json else {
            writePending()
            return write(json: o)
        }
        handOverWideRows()
        let places = sharedCells.places(
            of: o, source: { cell(source: o.source) }, indicator: { cells(indicator: o.indicator) },
            area: { cells(area: o.area) }, breakdown: { cells(breakdown: o.breakdown) })
        figureRows.append(o, at: places)
        pendingFigures += 1
        if pendingFigures >= Self.figuresAPiece { startWriting() }
    }

    /// Writes an observation as one line of the JSON array.
    private func write(json o: Observation) {
        let (indicator, area, opening) = (indicators[o.indicator], areas[o.area], first)
        csv.writeRows { row in
            row.append(opening ? "[\n" : ",\n")
            ObservationJSON.append(o, indicator: indicator, area: area, to: &row)
        }
        first = false
    }

    /// Writes a row's figures, checked as one row (``FigureKeys``), one CSV row or JSON object each, put together on
    /// another thread (``WideRows``, ``BatchJSON``) from the file's and each indicator's bytes, made once for the
    /// table, and the row's area's and period's, made once for the row. Figures an earlier file gave (its own read
    /// back, or another table sharing a column) are left out.
    /// - Throws: `ToolkitError` for a figure given twice (``FigureKeys``).
    func add(_ batch: ObservationBatch) throws {
        let repeated = try figures.admit(batch)
        repeats += repeated.count
        guard repeated.count < batch.count || batch.count == 0 else { return }
        let givenEarlier = Self.mask(repeated, count: batch.count)
        let slots = cells(layout: batch.layout, source: batch.source)
        handOverFigureRows()
        if json {
            let area = ObservationJSON.areaMembers(code: batch.area, areas[batch.area])
            let period = ObservationJSON.periodMember(batch.period)
            pending.append(
                BatchJSON(
                    slots: slots, area: area, period: period, opensArray: first, figures: BatchFigures(batch),
                    givenEarlier: givenEarlier))
            first = first && batch.count == repeated.count
        } else {
            let (area, period) = (cells(area: batch.area), cells(periodWithoutBreakdown: batch.period))
            wideRows.append(batch, prefixes: slots, area: area, period: period, givenEarlier: givenEarlier)
        }
        pendingFigures += max(batch.count - repeated.count, 1)  // a row of no figures still holds its cells
        if pendingFigures >= Self.figuresAPiece { startWriting() }
    }

    /// For each of a row's `count` slots, whether it is among `slots`; `nil` when none is, as in most rows.
    private static func mask(_ slots: [Int], count: Int) -> [Bool]? {
        guard !slots.isEmpty else { return nil }
        var mask = [Bool](repeating: false, count: count)
        for slot in slots { mask[slot] = true }
        return mask
    }

    /// Puts the wide tables' rows gathered so far among the pending rows, in their turn.
    private func handOverWideRows() {
        guard !wideRows.isEmpty else { return }
        pending.append(wideRows)
        wideRows = WideRows()
    }

    /// Puts the figures' rows gathered so far among the pending rows, in their turn.
    private func handOverFigureRows() {
        guard figureRows.count > 0 else { return }
        pending.append(figureRows.handedOver(with: sharedCells.all))
        figureRows = FigureRows()
    }

    /// Starts putting the pending rows' bytes together on another thread, to be written in turn.
    private func startWriting() {
        handOverWideRows()
        handOverFigureRows()
        guard !pending.isEmpty else { return }
        let piece = pending
        (pending, pendingFigures, writingStarted) = ([], 0, true)
        writing.start(
            {
                var bytes = CSVRowBytes(capacity: piece.reduce(0) { $0 + $1.byteEstimate })
                for rows in piece { rows.write(to: &bytes) }
                return bytes
            }, taking: csv.write)
    }

    /// Writes every row handed over so far, in order, and flushes them: when a file cannot be read, the rows before
    /// its error are out, as they were when every row was written at once.
    func writeHandedOver() {
        writePending()
        csv.flush()
    }

    /// Writes every row handed over so far, in order: before anything else is written.
    private func writePending() {
        startWriting()
        guard writingStarted else { return }
        writing.finish(taking: csv.write)
        writingStarted = false
    }

    func finish() {
        writePending()
        if json { csv.writeRaw(first ? "[]\n" : "\n]\n") }
        csv.flush()
    }

    private func cell(source: String) -> [UInt8] {
        if let sourceCell, sourceCell.source == source { return sourceCell.cell }
        let cell = csv.encoded([source])
        sourceCell = (source, cell)
        return cell
    }

    private func cells(area code: String) -> [UInt8] {
        if let lastArea, lastArea.key == code { return lastArea.cells }
        let cells = areaCells[code] ?? csv.encoded([code, "", ""])
        lastArea = (code, cells)
        return cells
    }

    private func cells(indicator id: String) -> [UInt8] { indicatorCells[id] ?? csv.encoded([id, "", "", ""]) }

    private func cells(layout: BatchLayout, source: String) -> SlotCells {
        if let known = layoutCells[ObjectIdentifier(layout)], known.source == source { return known.cells }
        var made = SlotCells(bytes: [], ends: [])
        for indicator in layout.indicators {
            for run in runs(indicator: indicator, source: source) {
                made.bytes += run
                made.ends.append(made.bytes.count)
            }
        }
        layoutCells[ObjectIdentifier(layout)] = (layout, source, made)
        return made
    }

    /// What each of a wide table's rows for an indicator is made from, besides the row's area and figures: as CSV,
    /// the file's and the indicator's cells, each followed by the delimiter; as JSON, the object's two runs of
    /// members between its figures (``ObservationJSON/slotMembers(indicator:_:source:)``).
    private func runs(indicator: String, source: String) -> [[UInt8]] {
        let comma = [UInt8(ascii: ",")]
        guard json else { return [cell(source: source) + comma + cells(indicator: indicator) + comma] }
        let (toMissing, toValue) = ObservationJSON.slotMembers(
            indicator: indicator, indicators[indicator], source: source)
        return [toMissing, toValue]
    }

    /// A wide table's period and its empty breakdown, each after the delimiter: the last row's again when the period
    /// is the same.
    private func cells(periodWithoutBreakdown period: String) -> [UInt8] {
        if let lastPeriod, lastPeriod.key == period { return lastPeriod.cells }
        let cells = [UInt8(ascii: ",")] + csv.encoded([period]) + Array(",,,,,".utf8)
        lastPeriod = (period, cells)
        return cells
    }

    /// The four parts of a breakdown, each after the delimiter.
    private func cells(breakdown: Breakdown) -> [UInt8] {
        [UInt8(ascii: ",")] + csv.encoded([breakdown.sex, breakdown.age, breakdown.categoryType, breakdown.category])
    }
}
