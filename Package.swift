// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "CurriculumKit",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "curriculum", targets: ["curriculum"]),
        .library(name: "CurriculumKit", targets: ["CurriculumKit"]),
        .library(name: "CurriculumModel", targets: ["CurriculumModel"]),
        .library(name: "CurriculumXML", targets: ["CurriculumXML"]),
        .library(name: "CurriculumPluginKit", targets: ["CurriculumPluginKit"]),
        .library(name: "CurriculumImportKit", targets: ["CurriculumImportKit"]),
        .library(name: "CurriculumExportKit", targets: ["CurriculumExportKit"]),
        .executable(name: "curriculum-plugin-readability", targets: ["curriculum-plugin-readability"]),
        .executable(name: "curriculum-plugin-html", targets: ["curriculum-plugin-html"]),
        .executable(name: "curriculum-plugin-calendar", targets: ["curriculum-plugin-calendar"]),
        .executable(name: "curriculum-plugin-imscc", targets: ["curriculum-plugin-imscc"]),
        .executable(name: "curriculum-plugin-markdown", targets: ["curriculum-plugin-markdown"]),
        .executable(name: "curriculum-plugin-olx", targets: ["curriculum-plugin-olx"]),
        .executable(name: "curriculum-plugin-dita", targets: ["curriculum-plugin-dita"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The local web server of `curriculum preview`.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CurriculumXML", dependencies: ["CLibXML2"], swiftSettings: strict),
        .target(name: "CurriculumModel", swiftSettings: strict),
        .target(name: "CurriculumPluginKit", dependencies: ["CurriculumModel"], swiftSettings: strict),
        .target(
            name: "CurriculumExportKit", dependencies: ["CurriculumModel", "CurriculumPluginKit", "CCmarkGFM"],
            exclude: ["Resources"], swiftSettings: strict
        ),
        .target(
            name: "CurriculumImportKit",
            dependencies: ["CurriculumXML", "CurriculumModel", "CurriculumPluginKit", "CZlib"],
            swiftSettings: strict
        ),
        .target(
            name: "CurriculumKit",
            dependencies: [
                "CurriculumXML", "CurriculumModel", "CurriculumPluginKit",
                // The participant view: the rules ask it what participants see, as the exporters do.
                "CurriculumExportKit",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "curriculum-plugin-readability",
            dependencies: ["CurriculumPluginKit", "CurriculumExportKit"],
            path: "Plugins/readability",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "curriculum-plugin-html",
            dependencies: [
                "CurriculumPluginKit", "CurriculumExportKit", .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Plugins/html",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "curriculum-plugin-calendar", dependencies: ["CurriculumPluginKit", "CurriculumExportKit"],
            path: "Plugins/calendar",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "curriculum-plugin-imscc",
            dependencies: [
                "CurriculumPluginKit", "CurriculumImportKit", "CurriculumExportKit", "CurriculumXML", "CurriculumModel",
            ],
            path: "Plugins/imscc", swiftSettings: strict
        ),
        .executableTarget(
            name: "curriculum-plugin-olx",
            dependencies: ["CurriculumPluginKit", "CurriculumImportKit", "CurriculumXML", "CurriculumModel"],
            path: "Plugins/olx", swiftSettings: strict
        ),
        .executableTarget(
            name: "curriculum-plugin-dita",
            dependencies: ["CurriculumPluginKit", "CurriculumImportKit", "CurriculumXML", "CurriculumModel"],
            path: "Plugins/dita", swiftSettings: strict
        ),
        .executableTarget(
            name: "curriculum-plugin-markdown", dependencies: ["CurriculumPluginKit", "CurriculumExportKit"],
            path: "Plugins/markdown",
            swiftSettings: strict
        ),
        .target(
            name: "CurriculumCLI",
            dependencies: [
                "CurriculumKit", "CurriculumPluginKit", "CurriculumExportKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "curriculum", dependencies: ["CurriculumCLI"], swiftSettings: strict),
        .executableTarget(
            name: "curriculum-bench",
            dependencies: [
                "CurriculumKit", "CurriculumPluginKit", .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "CurriculumXMLTests", dependencies: ["CurriculumXML"], swiftSettings: strict),
        .testTarget(name: "CurriculumModelTests", dependencies: ["CurriculumModel"], swiftSettings: strict),
        .testTarget(name: "CurriculumKitTests", dependencies: ["CurriculumKit"], swiftSettings: strict),
        .testTarget(name: "CurriculumExportKitTests", dependencies: ["CurriculumExportKit"], swiftSettings: strict),
        // The html exporter's templates against its view models (a test of an executable target's types).
        .testTarget(
            name: "HTMLPluginTests",
            dependencies: [
                "curriculum-plugin-html", "CurriculumExportKit", .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "CurriculumPluginKitTests", dependencies: ["CurriculumPluginKit"], swiftSettings: strict),
        .testTarget(
            name: "CurriculumImportKitTests", dependencies: ["CurriculumImportKit"], swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests", dependencies: ["CurriculumKit"], exclude: ["Fixtures", "Golden"],
            swiftSettings: strict
        ),
    ]
)
