import CSV
import Core
import Evidence
import Foundation
import Loaders
import TestSupport
import Testing

@Suite("svtk's own observations as JSON")
struct NormalisedJSONLoaderTests {
    /// Writes `text` to a temporary file and returns its path.
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("svtk-json-\(UUID()).json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Two observations as `svtk load --format json` writes them: one figure with its limits, one suppressed.
    let twoRows = """
        [
        {"age":"10+ yrs","area_code":"E08000018","area_level":"local authority","area_name":"Rotherham",\
        "category":"","category_type":"","count":null,"denominator":null,"indicator_id":"41001",\
        "indicator_name":"Suicide rate","lower_ci_95":19.5,"lower_ci_99_8":null,"missing":null,"note":null,\
        "period":"2015 - 17","polarity":"lower is better","sex":"Male","source":"fingertips.csv","unit":"per 100,000",\
        "upper_ci_95":28.5,"upper_ci_99_8":null,"value":23.989435314868},
        {"age":"","area_code":"E05012993","area_level":"ward","area_name":"Anston & Woodsetts","category":"",\
        "category_type":"","count":null,"denominator":null,"indicator_id":"41001","indicator_name":"Suicide rate",\
        "lower_ci_95":null,"lower_ci_99_8":null,"missing":"suppressed","note":"fewer than 3","period":"2015 - 17",\
        "polarity":"lower is better","sex":"","source":"fingertips.csv","unit":"per 100,000","upper_ci_95":null,\
        "upper_ci_99_8":null,"value":null}
        ]

        """

    @Test("an array of observations loads as the CSV form does: figures, limits, missing reasons and notes")
    func loads() throws {
        let path = try file(twoRows)
        let data = Dataset()
        let result = try FileLoader.load(path, into: data)
        #expect(result.format == NormalisedJSONLoader.format)
        #expect(result.outcome.csv.rows == 2)
        let figure = try #require(data.figure("41001", "E08000018"))
        #expect(figure.value == 23.989435314868 && figure.lower95 == 19.5 && figure.upper95 == 28.5)
        #expect(figure.breakdown.sex == "Male" && figure.period == "2015 - 17")
        let suppressed = try #require(data.figure("41001", "E05012993"))
        #expect(suppressed.value == nil && suppressed.missing == .suppressed && suppressed.note == "fewer than 3")
        #expect(data.indicators["41001"]?.polarity == .lowerIsBetter)
        #expect(data.areas["E05012993"]?.level == .ward)
    }

    @Test("a member that is not a column, text where a figure goes, and a missing area are named at their line")
    func refusesWhatItCannotRead() throws {
        let unknown = try file(
            "[\n" + #"{"indicator_id":"1","area_code":"E08000018","period":"2021","value":1,"valu":2}"# + "\n]")
        #expect(throws: ToolkitError.self) { try FileLoader.load(unknown, into: Dataset()) }
        do {
            _ = try FileLoader.load(unknown, into: Dataset())
        } catch let error as ToolkitError {
            #expect(error.file == unknown && error.line == 2 && error.field == "valu")
            #expect(error.message.hasPrefix("not a column of svtk's observations"))
        }
        let text = try file(
            "[\n" + #"{"indicator_id":"1","area_code":"E08000018","period":"2021","value":1},"# + "\n"
                + #"{"indicator_id":"1","area_code":"E08000019","period":"2021","value":"12"}"# + "\n]")
        #expect(throws: ToolkitError(file: text, line: 3, field: "value", "must be a number or null")) {
            try FileLoader.load(text, into: Dataset())
        }
        let noArea = try file(#"[{"indicator_id":"1","period":"2021","value":3}]"#)
        #expect(throws: ToolkitError(file: noArea, line: 1, field: "area_code", "empty: give it")) {
            try FileLoader.load(noArea, into: Dataset())
        }
        var twice = ToolkitError(
            file: nil, line: 2, column: 55, "given twice in one observation; give each member once")
        twice.field = "value"
        let repeated = try file(
            "[\n" + #"{"indicator_id":"1","area_code":"E08000018","value":1,"value":2,"period":"2021"}"# + "\n]")
        twice.file = repeated
        #expect(throws: twice) { try FileLoader.load(repeated, into: Dataset()) }
        let notObject = try file("[\n  1\n]")
        #expect(
            throws: ToolkitError(
                file: notObject, line: 2, "observation 1: must be an object whose members are the columns")
        ) {
            try FileLoader.load(notObject, into: Dataset())
        }
    }

    @Test("codes and years written as numbers (as pandas writes them) read as their text")
    func numbersForText() throws {
        let path = try file(#"[{"indicator_id":41001,"area_code":"E08000018","period":2021,"value":7.5}]"#)
        let data = Dataset()
        _ = try FileLoader.load(path, into: data)
        #expect(data.figure("41001", "E08000018", period: "2021")?.value == 7.5)
    }

    @Test("text that is not JSON is an error at its line and column")
    func syntax() throws {
        let path = try file("[\n{\"value\": 1,,}\n]\n")
        #expect(throws: ToolkitError.self) { try FileLoader.load(path, into: Dataset()) }
        do {
            _ = try FileLoader.load(path, into: Dataset())
        } catch let error as ToolkitError {
            #expect(error.file == path && error.line == 2 && error.message.hasPrefix("not valid JSON"))
        }
    }
}
