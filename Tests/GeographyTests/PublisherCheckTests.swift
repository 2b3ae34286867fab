import Catalogue
import Evidence
import Geography
import Loaders
import TestSupport
import Testing

/// The ward roll-up re-aggregated to each South Yorkshire authority agrees with MHCLG's own local-authority
/// summaries (File 10): the population-weighted average rank of the index and each domain, counted as MHCLG
/// counts it (the most deprived LSOA ranked highest), within 0.5% of the rank range.
@Suite(
    "Deprivation roll-up against MHCLG's authority summaries",
    .enabled(if: SharedData.available, SharedData.skipMessage))
struct PublisherCheckTests {
    static let authorities = ["E08000016", "E08000017", "E08000018", "E08000019"]  // Barnsley … Sheffield
    static let domains = [
        "index-of-multiple-deprivation", "income", "employment", "education-skills-and-training",
        "health-deprivation-and-disability", "crime", "barriers-to-housing-and-services", "living-environment",
    ]
    static let wardLookup =
        "census/Lower_Layer_Super_Output_Area_2021_to_Ward_2022_to_LAD_2022_Lookup_in_England_and_Wales_v3.csv"

    /// Each authority's average rank per domain from the rolled-up wards: Σ ward average × weight ÷ Σ weight,
    /// turned round to MHCLG's count (`lsoas` + 1 − rank).
    static func authorityAverages(_ wards: Dataset, lsoas: Double) -> [String: [String: Double]] {
        var sums: [String: [String: (Double, Double)]] = [:]
        for observation in wards.observations where observation.indicator.hasSuffix(":average-rank") {
            let domain = String(observation.indicator.split(separator: ":")[1])
            let authority = wards.areas[observation.area]!.parent!
            let weight = observation.denominator!
            let (sum, total) = sums[authority, default: [:]][domain, default: (0, 0)]
            sums[authority, default: [:]][domain] = (sum + observation.value! * weight, total + weight)
        }
        return sums.mapValues { $0.mapValues { lsoas + 1 - $0.0 / $0.1 } }
    }

    /// Checks every authority and domain against the summary file's average ranks of `edition`.
    func check(_ wards: Dataset, edition: String, lsoas: Double, summary: String) throws {
        let (published, _) = try load(SharedData.path(summary))
        let ours = Self.authorityAverages(wards, lsoas: lsoas)
        for authority in Self.authorities {
            for domain in Self.domains {
                let theirs = try #require(
                    published.figure("iod-la:\(domain):averagerank", authority, period: edition)?.value)
                let mine = try #require(ours[authority]?[domain])
                #expect(abs(mine - theirs) <= 0.005 * lsoas, "\(authority) \(domain): \(mine) against \(theirs)")
            }
        }
    }

    @Test("IoD2025 on 2021 LSOAs, weighted by Census 2021 residents (working-age for Employment)")
    func iod2025() throws {
        let (data, _) = try load(
            SharedData.path("deprivation/iod2025/iod2025_domains_south_yorkshire.csv"),
            SharedData.path("census/census2021-ts007a-lsoa.csv"))
        let lookup = try WardLookup(files: [SharedData.path(Self.wardLookup)], from: "LSOA21")
        let rollUp = try DeprivationRollUp(
            data: data, edition: "2025", lookup: lookup, authority: nil,
            weights: DemoBorough.catalogue.deprivationWeights)
        #expect(rollUp.lsoaCount == 860)
        #expect(rollUp.notes.contains { $0.contains("Census 2021 usual residents") })
        #expect(rollUp.notes.contains { $0.contains("working-age adults (18-66)") })
        try check(
            rollUp.wards, edition: "2025", lsoas: 33_755,
            summary: "deprivation/IoD2025_LAD24_summaries_File10_tidy_trafforddatalab.csv")
    }

    @Test("IoD2019 on 2011 LSOAs through LSOA11→LSOA21→WD22, weighted by File 6")
    func iod2019() throws {
        let (data, _) = try load(
            SharedData.path("deprivation/File_2_-_IoD2019_Domains_of_Deprivation.csv"),
            SharedData.path("deprivation/File_6_-_IoD2019_Population_Denominators.csv"))
        let lookup = try WardLookup(
            files: [SharedData.path("deprivation/LSOA11_LSOA21_LAD22_EW_LU.csv"), SharedData.path(Self.wardLookup)],
            from: "LSOA11")
        let wards = Dataset()
        for authority in Self.authorities {
            let rollUp = try DeprivationRollUp(
                data: data, edition: "2019", lookup: lookup, authority: authority,
                weights: DemoBorough.catalogue.deprivationWeights)
            try wards.add(contentsOf: rollUp.wards)
        }
        try check(
            wards, edition: "2019", lsoas: 32_844,
            summary: "deprivation/IoD2019_LAD19_summaries_File10_tidy_trafforddatalab.csv")
    }
}
