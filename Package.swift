// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "SocialValueToolkit",
    products: [
        .executable(name: "svtk", targets: ["svtk"]),
        .library(
            name: "SocialValueToolkit",
            targets: [
                "CSV", "Formatting", "Evidence", "Loaders", "Geography", "Catalogue", "NeedsAnalysis",
                "Recommender",
                "Reports", "Workspace", "WebApp",
            ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // The C library libcsv (Debian: libcsv-dev). Nothing but the CSV module touches it.
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV", providers: [.apt(["libcsv-dev"])]),
        // The C library's malloc settings (glibc's <malloc.h>): svtk's commands share one pool between threads.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // What every module shares: ToolkitError (the one error type), files written whole, whole-file reads, JSON
        // text and its encoders (the lowest module every other depends on).
        .target(name: "Core"),
        // Streaming, strict reader of delimited text over libcsv; the files' SHA-256 checksums (swift-crypto's).
        .target(
            name: "CSV", dependencies: ["CLibCSV", "Core", .product(name: "Crypto", package: "swift-crypto")]),
        // How figures are written for people: named styles (money, share, score, quantity with its unit, working).
        .target(name: "Formatting", dependencies: ["Core"]),
        // The shared model: areas, indicators, observations, and the compact store that holds them.
        .target(name: "Evidence", dependencies: ["Core", "CSV"]),
        // One loader per real public format, producing the Evidence model.
        .target(name: "Loaders", dependencies: ["Core", "CSV", "Formatting", "Evidence"]),
        // ONS lookups and the roll-ups from LSOAs to wards and authorities; choosing one authority's areas.
        .target(name: "Geography", dependencies: ["Core", "CSV", "Formatting", "Evidence", "Loaders", "Catalogue"]),
        // Measure frameworks, open proxy values, the need taxonomy and subject-matter relevance, as data.
        .target(name: "Catalogue", dependencies: ["Core", "CSV", "Formatting", "Evidence"]),
        // Comparisons, significance, ranks, trends and need scores per area and domain; equality gaps.
        .target(name: "NeedsAnalysis", dependencies: ["Core", "Formatting", "Evidence", "Catalogue"]),
        // Relevant, proportionate measures for a contract; the procurement rules; bid evaluation and monitoring.
        .target(
            name: "Recommender",
            dependencies: ["Core", "CSV", "Formatting", "Evidence", "Catalogue", "NeedsAnalysis"]),
        // Tables, JSON, CSV, Markdown and self-contained HTML with SVG charts.
        .target(
            name: "Reports",
            dependencies: [
                "Core",
                "Formatting", "Evidence", "Geography", "Catalogue", "NeedsAnalysis", "Recommender",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // What a user asks for, for the command line and the workspace alike: a borough's evidence read once, a
        // contract's recommendation, its report in every format, an area's profile.
        .target(
            name: "Toolkit",
            dependencies: [
                "Core",
                "CSV", "Formatting", "Evidence", "Loaders", "Geography", "Catalogue", "NeedsAnalysis", "Recommender",
                "Reports",
            ]),
        // The commissioners' workspace: contracts, recommendation snapshots, decisions, offers and returns, in SQLite
        // (one file) or PostgreSQL (shared by several servers).
        .target(
            name: "Workspace",
            dependencies: [
                "Core", "CSV", "Catalogue", "Recommender", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // svtk serve: the workspace as a local web app (Hummingbird), its pages rendered from the Reports module.
        .target(
            name: "WebApp",
            dependencies: [
                "Core", "CSV", "Formatting", "Evidence", "Catalogue", "NeedsAnalysis", "Recommender", "Reports",
                "Toolkit",
                "Workspace", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]),
        .executableTarget(
            name: "svtk",
            dependencies: [
                "CMalloc", "Core",
                "CSV", "Formatting", "Evidence", "Loaders", "Geography", "Catalogue", "NeedsAnalysis",
                "Recommender", "Reports", "Toolkit", "Workspace", "WebApp",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Speed and memory benchmark: raw C loop vs the CSV layer vs the loaders.
        .target(name: "CSVBaseline", dependencies: ["CLibCSV"], path: "Benchmarks/CSVBaseline"),
        .executableTarget(
            name: "csv-benchmark", dependencies: ["Core", "CSV", "Loaders", "Evidence", "CSVBaseline"],
            path: "Benchmarks/CSVBenchmark"),
        // Fuzzing (make fuzz): libFuzzer targets when built with -DFUZZING, corpus replayers otherwise.
        .target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"),
        .executableTarget(
            name: "fuzz-loaders", dependencies: ["Core", "CSV", "Evidence", "Loaders", "FuzzSupport"],
            path: "Fuzz/FuzzLoaders"),
        .executableTarget(
            name: "fuzz-contract", dependencies: ["Core", "Catalogue", "Geography", "Recommender", "FuzzSupport"],
            path: "Fuzz/FuzzContract"),
        .executableTarget(
            name: "fuzz-delivery", dependencies: ["Catalogue", "Recommender", "FuzzSupport"],
            path: "Fuzz/FuzzDelivery"),
        // Helpers shared by the test targets: the real files' folder, temporary files, error capture, the workspace
        // stores to test against.
        .target(
            name: "TestSupport",
            dependencies: [
                "Core", "CSV", "Evidence", "Catalogue", "Geography", "Loaders", "NeedsAnalysis", "Workspace",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/TestSupport"),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "CSVTests", dependencies: ["Core", "CSV", "TestSupport"]),
        .testTarget(name: "FormattingTests", dependencies: ["Formatting"]),
        .testTarget(name: "EvidenceTests", dependencies: ["Core", "Evidence", "CSV"]),
        .testTarget(
            name: "GeographyTests",
            dependencies: [
                "Core", "Geography", "Loaders", "Evidence", "CSV", "Catalogue", "NeedsAnalysis", "TestSupport",
            ]),
        .testTarget(
            name: "LoadersTests", dependencies: ["Core", "Loaders", "Evidence", "CSV", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "CatalogueTests", dependencies: ["Core", "Catalogue", "Loaders", "Evidence", "CSV"]),
        .testTarget(
            name: "NeedsAnalysisTests",
            dependencies: ["Core", "NeedsAnalysis", "Catalogue", "Loaders", "Geography", "Evidence", "CSV"]),
        .testTarget(
            name: "RecommenderTests",
            dependencies: [
                "Core",
                "TestSupport",
                "Recommender", "Formatting", "NeedsAnalysis", "Catalogue", "Loaders", "Geography", "Evidence",
                "CSV",
            ],
            exclude: ["Contracts"]),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Core",
                "TestSupport", "Reports", "Recommender", "NeedsAnalysis", "Catalogue", "Loaders", "Geography",
                "Evidence",
            ]),
        .testTarget(
            name: "WorkspaceTests",
            dependencies: [
                "Core", "CSV", "Catalogue", "Workspace", "Recommender", "TestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
        .testTarget(
            name: "WebAppTests",
            dependencies: [
                "Core",
                "TestSupport", "Toolkit",
                "WebApp", "Workspace", "Recommender", "Reports", "Catalogue", "NeedsAnalysis",
                "Geography", "Loaders", "CSV",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        // End-to-end: runs the built svtk as a user would.
        .testTarget(name: "svtkTests", dependencies: ["Core", "svtk", "CSV"], exclude: ["Golden", "Hostile"]),
    ]
)
