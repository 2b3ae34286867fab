import CSV
import Core
import NeedsAnalysis
import Recommender
import Reports

/// Everything a recommendation is laid out as, decided in one place for `svtk report`, `svtk recommend`, the
/// workspace's pages, its tender pack and the supplier view: the charted area (the first delivery ward, or the
/// borough for a borough-wide contract) with its evidence strongest first, the delivery wards outlined on the
/// maps, and the provenance. Each format is made when asked for.
public struct ReportBundle {
    /// The recommendation laid out.
    public let recommendation: Recommendation
    /// The borough it was made for.
    public let borough: Borough
    /// Where it came from: the borough's inputs and, for a report from a file, the contract profile.
    public let provenance: Provenance

    /// The area whose indicators are charted, its evidence and the wards outlined.
    public var charted: ChartedArea { ChartedArea(recommendation, in: borough.analysis) }

    /// The borough's maps with the delivery wards outlined; nil without boundaries.
    public var maps: ReportMaps? { borough.deliveryMaps(recommendation) }

    /// The self-contained HTML report.
    public var html: String {
        let charted = charted
        return RecommendationPage.html(
            recommendation, view: borough.view, area: charted.profile, areaResults: charted.results, maps: maps,
            provenance: provenance)
    }

    /// The report in Markdown.
    public var markdown: String { RecommendationText.markdown(recommendation, provenance: provenance) }

    /// The recommendation and its provenance as JSON.
    /// - Throws: `EncodingError` when JSON cannot be written.
    public func json() throws -> String { try RecommendationText.json(recommendation, provenance: provenance) }

    /// Every table of the report, the measures first and the provenance last.
    public var tables: [Table] {
        RecommendationPage.tables(recommendation, view: borough.view) + [provenance.table]
    }

    /// The measures table as CSV with a byte-order mark, for Excel.
    public var measuresCSV: [UInt8] {
        let table = RecommendationPage.tables(recommendation, view: borough.view)[0]
        return CSVWriter.bytes(byteOrderMark: true) { writer in
            writer.write(table.header)
            for row in table.rows { writer.write(row) }
        }
    }

    /// The social value section of a tender pack, as a Word document.
    /// - Throws: an error if the package cannot be written.
    public func docx() throws -> [UInt8] { try TenderPack.docx(recommendation, provenance: provenance) }

    /// Every table as an Excel workbook.
    /// - Throws: an error if the package cannot be written.
    public func xlsx() throws -> [UInt8] { try TenderPack.xlsx(tables) }
}

extension Borough {
    /// A recommendation's report; `contract` is the profile's file, listed in the provenance when given.
    /// - Throws: `ToolkitError` when the contract file cannot be read for its checksum.
    public func report(_ recommendation: Recommendation, contract: String? = nil) throws -> ReportBundle {
        let others = contract.map { [($0, SourceRegister.contract)] } ?? []
        return ReportBundle(
            recommendation: recommendation, borough: self,
            provenance: try ReportProvenance.adding(others, to: provenance, catalogue: catalogue))
    }

    /// The borough's maps with a recommendation's delivery wards outlined (none for a borough-wide contract).
    public func deliveryMaps(_ recommendation: Recommendation) -> ReportMaps? {
        maps?.outlining(Set(ChartedArea.deliveryWards(recommendation, in: analysis)), meaning: "delivery area")
    }
}
