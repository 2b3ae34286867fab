import CSV
import Evidence

/// Figures given a row each (as a Fingertips export gives them) as `svtk load` writes them as CSV, to be put
/// together on another thread: each figure's own period, numbers and note, and the places of the cells it shares
/// with other rows (``SharedCells``).
struct FigureRows: BatchOutput {
    /// What a figure's row is made of beyond the cells it shares.
    private struct Row {
        var places: SharedCells.Places
        var period: String
        var value: Double?
        var limitsAndCounts: LimitsAndCounts
        var missing: MissingReason?
        var note: String?
    }

    private var rows: [Row] = []
    /// The shared cells the rows name, as they were when the rows were handed over.
    private var cells = CellBlocks()

    /// The number of figures, one row each.
    var count: Int { rows.count }

    /// About the number of bytes the rows take: their shared cells, and 96 for each row's own period, figures and
    /// note (a Fingertips figure's take 40 to 90). Asked on the thread that puts the rows together.
    var byteEstimate: Int {
        rows.reduce(0) { total, row in
            let places = row.places
            return total + 96 + cells[places.source].count + cells[places.indicator].count
                + cells[places.area].count + cells[places.breakdown].count
        }
    }

    /// Adds a figure's row, its shared cells at `places`.
    mutating func append(_ o: Observation, at places: SharedCells.Places) {
        rows.append(
            Row(
                places: places, period: o.period, value: o.value,
                limitsAndCounts: LimitsAndCounts(
                    lower95: o.lower95, upper95: o.upper95, lower998: o.lower998, upper998: o.upper998, count: o.count,
                    denominator: o.denominator),
                missing: o.missing, note: o.note))
    }

    /// The rows, to be written with `cells`, the shared cells they name.
    func handedOver(with cells: CellBlocks) -> FigureRows {
        var rows = self
        rows.cells = cells
        return rows
    }

    /// Appends each figure's row, in the order of ``NormalisedLoader/columns``: the same bytes as a row written
    /// alone.
    /// - Complexity: O(*n*) in the bytes written.
    func write(to out: inout CSVRowBytes) {
        for row in rows {
            out.append(cells[row.places.source])
            out.separate()
            out.append(cells[row.places.indicator])
            out.separate()
            out.append(cells[row.places.area])
            out.separate()
            out.field(row.period)
            out.append(cells[row.places.breakdown])
            out.separate()
            out.append(figure: row.value)
            out.separate()
            if let reason = row.missing { out.field(reason.rawValue) }
            for column in 0..<LimitsAndCounts.columns {
                out.separate()
                out.append(figure: row.limitsAndCounts[column])
            }
            out.separate()
            if let note = row.note { out.field(note) }
            out.endRow()
        }
    }
}

/// A figure's confidence limits (95%, lower and upper, then 99.8%), count and denominator, read in the columns'
/// order.
struct LimitsAndCounts {
    /// How many there are, one column each.
    static let columns = 6

    var lower95, upper95, lower998, upper998, count, denominator: Double?

    /// The figure of the `column`th of them, from 0.
    subscript(column: Int) -> Double? {
        switch column {
        case 0: lower95
        case 1: upper95
        case 2: lower998
        case 3: upper998
        case 4: count
        default: denominator
        }
    }
}
