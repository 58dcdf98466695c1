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
        .executable(name: "curriculum-plugin-readability", targets: ["curriculum-plugin-readability"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CurriculumXML", dependencies: ["CLibXML2"], swiftSettings: strict),
        .target(name: "CurriculumModel", swiftSettings: strict),
        .target(name: "CurriculumPluginKit", dependencies: ["CurriculumModel"], swiftSettings: strict),
        .target(
            name: "CurriculumKit",
            dependencies: [
                "CurriculumXML", "CurriculumModel", "CurriculumPluginKit",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "curriculum-plugin-readability",
            dependencies: ["CurriculumPluginKit"],
            path: "Plugins/readability",
            swiftSettings: strict
        ),
        .target(
            name: "CurriculumCLI",
            dependencies: [
                "CurriculumKit", "CurriculumPluginKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
        .testTarget(name: "CurriculumPluginKitTests", dependencies: ["CurriculumPluginKit"], swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests", dependencies: ["CurriculumKit"], exclude: ["Fixtures"], swiftSettings: strict
        ),
    ]
)
