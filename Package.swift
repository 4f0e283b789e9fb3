// swift-tools-version:6.0
import PackageDescription

// The reader's modules run per word of text: release builds there skip the run-time
// exclusivity checks (a `swift_beginAccess` per stored-property access of a class was ~5% of
// reading). Debug builds, the tests and the ASan run keep them.
let hotLoops: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "conflictmap",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "conflictmap", targets: ["conflictmap"]),
        .library(name: "ConflictMapKit", targets: ["Geography", "Topology", "Geodesy", "Places", "Reports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries. Only Topology imports CGEOS and only Geodesy imports CPROJ.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),

        // Pure Swift value types: coordinates, shapes, GeoJSON and deterministic JSON.
        .target(name: "Geography"),
        // GEOS: predicates, set operations, validity, linear referencing (planar, in degrees).
        .target(name: "Topology", dependencies: ["CGEOS", "Geography"]),
        // PROJ: WGS84 geodesics (Karney) and map projections.
        .target(name: "Geodesy", dependencies: ["CPROJ", "Geography"]),
        // The gazetteer: place data, the name normaliser and the resolver.
        .target(name: "Places", dependencies: ["Geography", "Geodesy"], swiftSettings: hotLoops),
        // The reader: reports in, place mentions, actors, events and claims out.
        .target(name: "Reports", dependencies: ["Geography", "Geodesy", "Places"], swiftSettings: hotLoops),
        // The territory model: the Euphrates line, control scenarios, zones (GEOS), claim checks.
        .target(name: "Territory", dependencies: ["Geography", "Topology", "Geodesy", "Places", "Reports"]),
        // The emitters: GeoJSON, JSON, CSV and SVG outputs, and the maps (scene, projection, layout).
        .target(name: "Emitters", dependencies: ["Geography", "Topology", "Geodesy", "Places", "Reports", "Territory"]),
        // The command line, as a library so tests can parse arguments in-process.
        .target(name: "ConflictMapCLI", dependencies: [
            "Geography", "Topology", "Geodesy", "Places", "Reports", "Territory", "Emitters",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "conflictmap", dependencies: ["ConflictMapCLI"]),
        .executableTarget(name: "conflictmap-bench", dependencies: ["Geography", "Geodesy", "Places", "Topology", "Reports", "Territory"]),

        .testTarget(name: "GeographyTests", dependencies: ["Geography", "Topology", "Geodesy"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "PlacesTests", dependencies: ["Places", "Geography", "Geodesy", "Topology"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Places", "Geography", "Emitters"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TerritoryTests", dependencies: ["Territory", "Reports", "Places", "Topology", "Geography", "Geodesy"]),
        .testTarget(name: "CLITests", dependencies: ["ConflictMapCLI"]),
        .testTarget(name: "MapsTests", dependencies: ["Emitters", "Territory", "Reports", "Places", "Geography", "Geodesy", "Topology"]),
    ]
)
