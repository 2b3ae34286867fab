import Foundation
import Hummingbird
import HummingbirdTesting
import Recommender
import Reports
import TestSupport
import Testing
import Toolkit
import Workspace

@testable import WebApp

/// The same contract gives the same answer from the command line and from the workspace: the recommendation
/// (byte for byte), its delivery wards and charted area, and every tender-pack format.
@Suite("The command line and the workspace give the same answer")
struct EquivalenceTests {
    /// The example contracts the demo borough can answer (Sheffield's needs Sheffield's data).
    static let contracts = [
        "highways_resurfacing", "home_care", "office_cleaning", "fleet_vehicles", "small_it_purchase",
    ]

    /// Sheffield from every national file, as the README's own-borough command reads it.
    static let sheffield: Borough? =
        SharedData.available
        ? DemoBorough.loaded("Sheffield from the national files") {
            let folders = ["census", "deprivation", "economy", "fingertips", "deprivation/iod2025"]
            let files = try folders.flatMap { folder in
                try FileManager.default.contentsOfDirectory(atPath: SharedData.path(folder)).filter {
                    $0.hasSuffix(".csv")
                }.sorted().map { SharedData.path(folder + "/" + $0) }
            }
            return try Borough(
                loading: BoroughInputs(
                    catalogue: DemoBorough.catalogue, dataFiles: files, authority: "Sheffield",
                    boundaries: SharedData.path("geography/wards22_sheffield.geojson"), toolkit: "svtk test"))
        } : nil

    /// A contract's profile typed into the workspace's form, its delivery wards ticked by code and sent in the
    /// page's order (the borough's wards by name), as a browser sends ticked boxes.
    static func formFields(_ profile: ContractProfile, in borough: Borough) -> [(String, String)] {
        let typed = ContractForm(profile).values.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        let named = Set(profile.areas.compactMap { borough.analysis.ward(named: $0)?.code })
        let wards = named.isEmpty ? ["borough"] : borough.analysis.wards.map(\.code).filter(named.contains)
        return typed.map { ($0.key, $0.value) } + wards.map { ("areas", $0) }
    }

    /// The generation time, the one line two runs a moment apart may differ in.
    static func withoutTime(_ text: String) -> String {
        text.replacing(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/, with: "(time)")
    }

    @Test(
        "the demo borough: recommendation JSON, delivery wards, charted area and every pack format",
        arguments: contracts)
    func demo(_ name: String) async throws {
        try await check(repository + "/Datasets/contracts/\(name).json", in: demoBorough)
    }

    @Test(
        "Sheffield from the national files: the same answer from both front ends",
        .enabled(if: SharedData.available, SharedData.skipMessage))
    func national() async throws {
        try await check(repository + "/Datasets/contracts/sheffield_highways.json", in: try #require(Self.sheffield))
    }

    /// Recommends a contract file as `svtk report` does and through the workspace's form, and compares.
    func check(_ path: String, in borough: Borough) async throws {
        let profile = try ContractProfile.load(path)
        let command = try borough.recommend(try Borough.check(profile, file: path, catalogue: borough.catalogue))
        let workspace = try Workspace()
        let server = try await WorkspaceServer(borough: borough, workspace: workspace, secret: testSecret)
        try await Application(router: server.router()).test(.router) { client in
            let address = try await client.execute(
                uri: "/contracts", method: .post, headers: formHeaders,
                body: form(Self.formFields(profile, in: borough))
            ) { response in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            let id = try #require(Int64(address.split(separator: "/").last ?? ""))
            let saved = try #require(try await workspace.latestSnapshot(of: id)).recommendation
            #expect(try RecommendationText.json(saved) == RecommendationText.json(command))
            #expect(saved.deliveryWards == command.deliveryWards)
            let report = try borough.report(command)
            #expect(ChartedArea(saved, in: borough.analysis).profile.area == report.charted.profile.area)
            for format in ExportFormat.allCases {
                try await client.execute(uri: address + "/pack/\(format.rawValue)", method: .get) { response in
                    let served = Array(buffer: response.body)
                    let made = try format.bytes(command, borough: borough)
                    switch format {
                    case .md, .html:
                        #expect(
                            Self.withoutTime(String(decoding: served, as: UTF8.self))
                                == Self.withoutTime(String(decoding: made, as: UTF8.self)), "\(path) \(format)")
                    case .csv, .docx, .xlsx: #expect(served == made, "\(path) \(format)")
                    }
                }
            }
        }
    }
}
