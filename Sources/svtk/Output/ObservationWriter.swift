import CSV
import Core
import Evidence
import Loaders

/// Streams observations out as CSV, or as a JSON array with one observation a line (``ObservationOutput``). It
/// remembers each area's cells, each indicator, and a digest of each figure or wide table's row (``FigureKeys``: a
/// figure given twice is an error, or, repeated by a later file with the same value, written once), so memory grows
/// with the number of distinct areas and figures, never with the length of the rows.
///
/// A CSV row is put together from bytes: an indicator's four cells and an area's three are encoded once, when
/// they are declared, and figures are written as digits, so a row costs no `String` but the ones it is made of.
final class ObservationWriter: EvidenceSink {
    /// Cells for each slot of a batch, one slot's after another, and where each slot's end.
    private typealias SlotCells = (bytes: [UInt8], ends: [Int])

    private let json: Bool
    private let csv = CSVWriter.standardOutput()
    private let encoder = JSONOutput.encoder(pretty: false)
    private var areas: [String: (name: String, level: AreaLevel)] = [:]
    private var indicators: [String: Indicator] = [:]
    private var first = true
    private var figures = FigureKeys()
    /// Figures a later file repeated with the same value, written once.
    private(set) var repeats = 0
    /// Each area's code, name and level, and each indicator's id, name, unit and polarity, as CSV cells.
    private var areaCells: [String: [UInt8]] = [:]
    private var indicatorCells: [String: [UInt8]] = [:]
    /// A batch layout's first cells, slot by slot: the file's, then the indicator's, each followed by the delimiter,
    /// one slot's after another, and where each slot's end (forgotten when an indicator changes). The layout is kept,
    /// so that no other takes its identifier.
    private var layoutCells: [ObjectIdentifier: (layout: BatchLayout, source: String, cells: SlotCells)] = [:]
    /// The last file's name as a cell.
    private var sourceCell: (source: String, cell: [UInt8])?

    init(json: Bool) {
        self.json = json
        if !json { csv.write(NormalisedLoader.columns) }
    }

    /// Remembers an area the first time it is declared: as cells for CSV, by name and level for JSON.
    func add(_ area: Area) {
        if json {
            if areas[area.code] == nil { areas[area.code] = (area.name, area.level) }
        } else if areaCells[area.code] == nil {
            areaCells[area.code] = csv.encoded([area.code, area.name, area.level.rawValue])
        }
    }

    func add(_ indicator: Indicator) {
        indicators[indicator.id] = indicator
        indicatorCells[indicator.id] = csv.encoded([
            indicator.id, indicator.name, indicator.unit, indicator.polarity.rawValue,
        ])
        layoutCells.removeAll()
    }

    /// Writes the observation as a CSV row, or as one line of JSON.
    /// - Throws: `ToolkitError` for a figure given twice (``FigureKeys``).
    func add(_ o: Observation) throws {
        guard try figures.admit(o) else {
            repeats += 1
            return
        }
        guard json else { return write(o) }
        let row = ObservationOutput(o, indicator: indicators[o.indicator], area: areas[o.area])
        csv.writeRaw((first ? "[\n" : ",\n") + String(decoding: try encoder.encode(row), as: UTF8.self))
        first = false
    }

    /// Writes a row's figures: each figure's file and indicator, and the row's area and period, encoded once for all
    /// of the row's figures.
    /// - Throws: `ToolkitError` for a figure given twice (``FigureKeys``).
    func add(_ batch: ObservationBatch) throws {
        guard !json else {
            for slot in 0..<batch.count { try add(batch.observation(slot)) }
            return
        }
        guard try figures.admit(batch) else {
            repeats += batch.count
            return
        }
        let prefixes = cells(layout: batch.layout, source: batch.source)
        var middle = cells(area: batch.area)
        middle.append(UInt8(ascii: ","))
        middle.append(contentsOf: csv.encoded([batch.period]))
        middle.append(contentsOf: ",,,,,".utf8)  // no breakdown
        prefixes.bytes.withUnsafeBufferPointer { prefixBytes in
            middle.withUnsafeBufferPointer { middle in
                csv.writeRows { write(batch, prefixes: (prefixBytes, prefixes.ends), middle: middle, to: &$0) }
            }
        }
    }

    /// Writes each of a batch's figures as a row: its prefix (the file's and indicator's cells), the row's middle
    /// (the area's and period's cells), then the figure's.
    private func write(
        _ batch: ObservationBatch, prefixes: (bytes: UnsafeBufferPointer<UInt8>, ends: [Int]),
        middle: UnsafeBufferPointer<UInt8>, to rows: inout CSVRowBytes
    ) {
        for slot in 0..<batch.count {
            let from = slot == 0 ? 0 : prefixes.ends[slot - 1]
            rows.append(UnsafeBufferPointer(rebasing: prefixes.bytes[from..<prefixes.ends[slot]]))
            rows.append(middle)
            Self.append(Self.figure(batch.values[slot]), to: &rows)
            rows.separate()
            if let reason = batch.missing[slot] { rows.field(reason.rawValue) }
            rows.append(",,,,,")  // no confidence limits
            Self.append(Self.figure(batch.counts[slot]), to: &rows)
            rows.separate()
            Self.append(Self.figure(batch.denominators[slot]), to: &rows)
            rows.separate()
            if let note = batch.notes[slot] { rows.field(note) }
            rows.endRow()
        }
    }

    func finish() {
        if json { csv.writeRaw(first ? "[]\n" : "\n]\n") }
        csv.flush()
    }

    /// An observation's CSV row, in the order of ``NormalisedLoader/columns``.
    private func write(_ o: Observation) {
        let (source, indicator, area) = (cell(source: o.source), cells(indicator: o.indicator), cells(area: o.area))
        csv.writeRows { row in
            row.append(source)
            row.separate()
            row.append(indicator)
            row.separate()
            row.append(area)
            Self.append(o.period, o.breakdown, to: &row)
            row.separate()
            Self.append(o.value, to: &row)
            row.separate()
            if let reason = o.missing { row.field(reason.rawValue) }
            Self.append(confidence: o, to: &row)
            row.separate()
            if let note = o.note { row.field(note) }
            row.endRow()
        }
    }

    private func cell(source: String) -> [UInt8] {
        if let sourceCell, sourceCell.source == source { return sourceCell.cell }
        let cell = csv.encoded([source])
        sourceCell = (source, cell)
        return cell
    }

    private func cells(area code: String) -> [UInt8] { areaCells[code] ?? csv.encoded([code, "", ""]) }

    private func cells(indicator id: String) -> [UInt8] { indicatorCells[id] ?? csv.encoded([id, "", "", ""]) }

    private func cells(layout: BatchLayout, source: String) -> SlotCells {
        if let known = layoutCells[ObjectIdentifier(layout)], known.source == source { return known.cells }
        var made = SlotCells(bytes: [], ends: [])
        for indicator in layout.indicators {
            made.bytes += cell(source: source) + [UInt8(ascii: ",")] + cells(indicator: indicator) + [UInt8(ascii: ",")]
            made.ends.append(made.bytes.count)
        }
        layoutCells[ObjectIdentifier(layout)] = (layout, source, made)
        return made
    }

    /// The period and the four parts of a breakdown, each after the delimiter.
    static func append(_ period: String, _ breakdown: Breakdown, to row: inout CSVRowBytes) {
        row.separate()
        row.field(period)
        row.separate()
        row.field(breakdown.sex)
        row.separate()
        row.field(breakdown.age)
        row.separate()
        row.field(breakdown.categoryType)
        row.separate()
        row.field(breakdown.category)
    }

    /// The confidence limits, count and denominator, each after the delimiter.
    static func append(confidence o: Observation, to row: inout CSVRowBytes) {
        row.separate()
        append(o.lower95, to: &row)
        row.separate()
        append(o.upper95, to: &row)
        row.separate()
        append(o.lower998, to: &row)
        row.separate()
        append(o.upper998, to: &row)
        row.separate()
        append(o.count, to: &row)
        row.separate()
        append(o.denominator, to: &row)
    }

    /// A batch's figure: `nil` where the batch holds NaN for none.
    static func figure(_ value: Double) -> Double? { value.isNaN ? nil : value }

    /// A figure as `svtk load` writes it (``FigureStyle/asGiven``): a whole number's digits, else the shortest
    /// decimal that reads back the same; nothing when there is none.
    static func append(_ value: Double?, to row: inout CSVRowBytes) {
        if let value { row.append(figure: value) }
    }
}
