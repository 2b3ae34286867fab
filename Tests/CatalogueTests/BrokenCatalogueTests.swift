import CSV
import Catalogue
import Foundation
import Testing

@Suite("Catalogue files: broken ones give located errors; a council's own loads")
struct BrokenCatalogueTests {
    @Test("a reference used twice")
    func duplicateReference() throws {
        let folder = try editedCatalogue("catalogues/open/measures.csv") {
            $0.replacingOccurrences(of: "\nJ2,", with: "\nJ1,")
        }
        let error = try #require(loadError(folder))
        #expect(error.file?.hasSuffix("catalogues/open/measures.csv") == true)
        #expect(error.line == 3)
        #expect(error.column == 1)
        #expect(error.message.contains("\"J1\" is used twice"))
    }

    @Test("an unknown theme")
    func unknownTheme() throws {
        let folder = try editedCatalogue("catalogues/open/measures.csv") {
            $0.replacingOccurrences(of: "\nG1,Growth,", with: "\nG1,Prosperity,")
        }
        let error = try #require(loadError(folder))
        #expect(error.column == 2)
        #expect(error.message.contains("unknown theme \"Prosperity\""))
    }

    @Test("a unit not in the known list")
    func unknownUnit() throws {
        let folder = try editedCatalogue("catalogues/open/measures.csv") {
            $0.replacingOccurrences(of: ",tCO2e,", with: ",kg,")
        }
        let error = try #require(loadError(folder))
        #expect(error.column == 6)
        #expect(error.message.contains("unknown unit \"kg\""))
    }

    @Test("a non-numeric open figure")
    func nonNumericFigure() throws {
        let folder = try editedCatalogue("catalogues/open_values.csv") {
            $0.replacingOccurrences(of: ",14044,", with: ",14k,")
        }
        let error = try #require(loadError(folder))
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.message.contains("non-numeric"))
    }

    @Test("a proxy formula naming a figure that does not exist")
    func unknownFigure() throws {
        let folder = try editedCatalogue("catalogues/proxies.csv") {
            $0.replacingOccurrences(of: "gmca_v14_ES8.0_economic", with: "gmca_v99_ES8.0")
        }
        let error = try #require(loadError(folder))
        #expect(error.file?.hasSuffix("proxies.csv") == true)
        #expect(error.column == 2)
        #expect(error.message.contains("unknown open value \"gmca_v99_ES8.0\""))
    }

    @Test("a proxy mixing price years")
    func mixedPriceYears() throws {
        let folder = try editedCatalogue("catalogues/proxies.csv") {
            $0.replacingOccurrences(
                of: "gmca_v14_ES8.0_economic,", with: "gmca_v14_ES8.0_economic + carbon_value_central_2025,")
        }
        let error = try #require(loadError(folder))
        #expect(error.message.contains("price"))
    }

    @Test("a link to a measure that does not exist")
    func unknownMeasure() throws {
        let folder = try editedCatalogue("taxonomy/domain_measures.csv") {
            $0.replacingOccurrences(of: "worklessness,open,J16,", with: "worklessness,open,J99,")
        }
        let error = try #require(loadError(folder))
        #expect(error.file?.hasSuffix("domain_measures.csv") == true)
        #expect(error.message.contains("unknown measure open:J99"))
    }

    @Test("an indicator linked to an unknown domain")
    func unknownDomain() throws {
        let folder = try editedCatalogue("taxonomy/indicator_domains.csv") {
            $0.replacingOccurrences(of: "41001,health-wellbeing,", with: "41001,wellness,")
        }
        let error = try #require(loadError(folder))
        #expect(error.column == 2)
        #expect(error.message.contains("unknown need domain \"wellness\""))
    }

    @Test("a CPV prefix that names no code")
    func badPrefix() throws {
        let folder = try editedCatalogue("taxonomy/cpv_subjects.csv") {
            $0.replacingOccurrences(of: "\n909,", with: "\n999,")
        }
        let error = try #require(loadError(folder))
        #expect(error.column == 1)
        #expect(error.message.contains("\"999\""))
    }

    @Test("a council's own framework loads from its own folder")
    func ownFramework() throws {
        let folder = try editedCatalogue("catalogues/frameworks.csv") {
            $0 + "mine,My council's TOMs,licensed,licensed,A licensed TOMs export\n"
        }
        try FileManager.default.createDirectory(atPath: folder + "/catalogues/mine", withIntermediateDirectories: true)
        try
            ("ref,theme,outcome,title,description,unit,categories,toms_ref,proxy,based_on,status,source\n"
            + "M1,Jobs,Local jobs,Local people employed,,people (FTE),works,NT1,,,,licensed file\n")
            .write(toFile: folder + "/catalogues/mine/measures.csv", atomically: true, encoding: .utf8)
        let themes = folder + "/catalogues/themes.csv"
        try (try String(contentsOfFile: themes, encoding: .utf8) + "mine,Jobs,Local jobs\n").write(
            toFile: themes, atomically: true, encoding: .utf8)
        let catalogue = try Catalogue.load(directory: folder)
        #expect(catalogue.measure("mine:M1")?.tomsReference == "NT1")
    }
}
