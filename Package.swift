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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CurriculumXML", dependencies: ["CLibXML2"], swiftSettings: strict),
        .target(name: "CurriculumModel", swiftSettings: strict),
        .target(name: "CurriculumKit", dependencies: ["CurriculumXML", "CurriculumModel"], swiftSettings: strict),
        .target(
            name: "CurriculumCLI",
            dependencies: ["CurriculumKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .executableTarget(name: "curriculum", dependencies: ["CurriculumCLI"], swiftSettings: strict),
        .testTarget(name: "CurriculumXMLTests", dependencies: ["CurriculumXML"], swiftSettings: strict),
        .testTarget(name: "CurriculumModelTests", dependencies: ["CurriculumModel"], swiftSettings: strict),
        .testTarget(name: "CurriculumKitTests", dependencies: ["CurriculumKit"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["CurriculumKit"], swiftSettings: strict),
    ]
)
