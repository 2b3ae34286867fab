import ArgumentParser
import Catalogue
import Core
import Foundation
import Loaders
import NeedsAnalysis
import Recommender
import Reports
import Toolkit

struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Recommend relevant, proportionate social value measures for a contract, with the rules that apply.",
        discussion: """
            The contract comes from a JSON profile (--contract; format in Datasets/README.md, examples in \
            Datasets/contracts/) or from flags (--title, --cpv, --category, --value, --duration-months, --areas); \
            flags override the file. Relevance to the subject matter gates every measure (a measure that restates \
            what the contract buys is its core and is left out); need in the delivery areas, read locally and against \
            England, equality gaps and the council's priorities rank them, and never veto one; targets are sized on \
            what the supplier controls, its workforce and the contract's duration. The living wage and supply-chain \
            good practice are contract conditions, not scored. Every weight and threshold is a row in \
            Datasets/policy/. The same input gives byte-identical output.

            Examples:
              svtk recommend --contract Datasets/contracts/highways_resurfacing.json \\
                  --data Datasets/demo/*.csv
              svtk recommend --contract Datasets/contracts/home_care.json \\
                  --data Datasets/demo/*.csv \\
                  --eaap Datasets/demo/equality_action_plan_illustrative.csv \\
                  --format markdown
              svtk recommend --title "Office cleaning" --cpv 90911200 \\
                  --category services --value 180000 \\
                  --duration-months 36 --areas borough --data Datasets/demo/*.csv \\
                  --format json
              svtk recommend --contracts Datasets/contracts/home_care.json \\
                  Datasets/contracts/office_cleaning.json --data Datasets/demo/*.csv

            With --contracts, several contracts are recommended from one reading of the evidence: the table and \
            Markdown answers follow one another, and JSON is an array of the answers, in the order given.
            """)

    @OptionGroup var analysisOptions: AnalysisOptions
    @OptionGroup var contractOptions: ContractOptions

    @OptionGroup var equalityPlan: EqualityPlanOption

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Several contract profiles (JSON) for the same borough, instead of --contract.", valueName: "file"))
    var contracts: [String] = []

    @Option(help: "Output format: table, json or markdown.")
    var format: RecommendationText.Format = .table

    func validate() throws {
        if !contracts.isEmpty && contractOptions.contract != nil {
            throw ValidationError("give --contract FILE or --contracts FILE..., not both")
        }
    }

    func run() throws {
        guard !contracts.isEmpty else {
            print(try RecommendationText.render(try makeRecommendation(), format: format))
            return
        }
        let answers = try makeRecommendations()
        if format == .json {
            print(try RecommendationText.renderJSON(answers))
        } else {
            print(try answers.map { try RecommendationText.render($0, format: format) }.joined(separator: "\n"))
        }
    }

    /// The recommendations for the --contracts files, each checked before any evidence is read, then recommended
    /// from one reading of the evidence.
    func makeRecommendations() throws -> [Recommendation] {
        let catalogue = try analysisOptions.catalogueOptions.load()
        let checked = try contracts.map { file in
            try Borough.check(try ContractProfile.load(file), file: file, catalogue: catalogue)
        }
        let borough = try analysisOptions.borough(catalogue, actionPlan: equalityPlan.eaap)
        return try checked.map(borough.recommend)
    }

    func makeRecommendation() throws -> Recommendation {
        let catalogue = try analysisOptions.catalogueOptions.load()
        let contract = try contractOptions.checkedContract(catalogue)
        let borough = try analysisOptions.borough(catalogue, actionPlan: equalityPlan.eaap)
        return try contractOptions.namingOptions { try borough.recommend(contract) }
    }
}

extension RecommendationText.Format: ExpressibleByArgument {}

/// The contract profile, from a JSON file and/or flags.
struct ContractOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A contract profile (JSON).", valueName: "file"))
    var contract: String?

    @Option(help: "Contract title.")
    var title: String?

    @Option(help: "What is being bought, in words (its words also inform relevance).")
    var description: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("CPV codes, e.g. 45233142-6.", valueName: "code"))
    var cpv: [String] = []

    @Option(help: "goods, services or works.")
    var category: ContractCategory?

    @Option(help: "Total contract value in £.")
    var value: Figure?

    @Option(help: "Contract length in months.")
    var durationMonths: Figure?

    @Option(help: ArgumentHelp("Delivery areas: comma-separated ward codes or names, or borough.", valueName: "areas"))
    var areas: String?

    @Option(help: "Framework to recommend from (open, council, government, …).")
    var framework: String?

    @Option(help: "Contract workforce in FTE (estimated from value when not given).")
    var fte: Figure?

    func profile() throws -> ContractProfile {
        var profile: ContractProfile
        if let contract {
            profile = try ContractProfile.load(contract)
        } else {
            guard let title, let value, let durationMonths, let category, !cpv.isEmpty else {
                throw ValidationError(
                    "give --contract FILE, or --title, --cpv, --category, --value and --duration-months")
            }
            profile = ContractProfile(
                title: title, description: description ?? title, cpv: cpv, category: category,
                value: value.value, durationMonths: durationMonths.value, areas: ["borough"])
        }
        if let title { profile.title = title }
        if let description { profile.description = description }
        if !cpv.isEmpty { profile.cpv = cpv }
        if let category { profile.category = category }
        if let value { profile.value = value.value }
        if let durationMonths { profile.durationMonths = durationMonths.value }
        if let areas { profile.areas = areas.split(separator: ",").map { String($0).trimmingSpaces } }
        if let framework { profile.framework = framework }
        if let fte { profile.workforce = (profile.workforce ?? .init()).with(fte: fte.value) }
        return profile
    }
}

extension ContractOptions {
    /// The profile, checked field by field before any evidence is read, so that a mistake in it is reported at once.
    /// - Throws: `ToolkitError` naming the file (or option) and field of the first bad value.
    func checkedContract(_ catalogue: Catalogue) throws -> CheckedContract {
        let profile = try profile()
        return try namingOptions { try Borough.check(profile, file: contract ?? "flags", catalogue: catalogue) }
    }

    /// The contract file's name without its extension (`highways_resurfacing`), or `recommendation`.
    var name: String {
        contract.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "recommendation"
    }

    /// Runs `body`, naming the command-line option in an error about a profile field the option set
    /// (`--value: must be …` rather than the profile file's `field "value"`).
    /// - Throws: what `body` throws, with the option as its setting where an option set the field.
    func namingOptions<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ToolkitError {
            guard let field = error.field, let option = option(setting: field) else { throw error }
            throw ToolkitError(setting: option, error.message)
        }
    }

    /// The option (without its `--`) that set a profile field, if one did.
    private func option(setting field: String) -> String? {
        let base = String(field.prefix { $0 != "[" })
        let given: [String: Bool] = [
            "title": title != nil, "description": description != nil, "cpv": !cpv.isEmpty, "category": category != nil,
            "value": value != nil, "durationMonths": durationMonths != nil, "areas": areas != nil,
            "framework": framework != nil, "workforce.fte": fte != nil,
        ]
        guard given[base] == true else { return nil }
        return base == "workforce.fte"
            ? "fte" : String(base.flatMap { $0.isUppercase ? "-" + $0.lowercased() : String($0) })
    }
}

extension ContractProfile.Workforce {
    func with(fte: Double) -> Self {
        var copy = self
        copy.fte = fte
        return copy
    }
}
