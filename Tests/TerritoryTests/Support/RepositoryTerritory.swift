import Foundation
import Geodesy
import Geography
import Places
import Reports
import Territory
import Testing
import Topology

/// The repository's own data, found from this file's path so the tests need no working
/// directory and never look outside the repository:
/// `<repo>/Tests/TerritoryTests/Support/RepositoryTerritory.swift` → `<repo>/Gazetteer`, `<repo>/seeds`.
enum Repository {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests", url.path != "/" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent()
    }()

    static let gazetteerDirectory: String = root.appendingPathComponent("Gazetteer").path
    static let seedsDirectory: String = root.appendingPathComponent("seeds").path
    static let scenarioPath: String = gazetteerDirectory + "/control-2017-09-01.tsv"
}

/// What the `zones` and `holder` commands build from the shipped data: the gazetteer, the
/// Euphrates line, the 1 Sept scenario with the seed reports' events on top, and the zone
/// builder. Loaded once for the whole suite; a failure is reported by every test that
/// needs it rather than crashing the runner.
struct ShippedTerritory: Sendable {
    let gazetteer: Gazetteer
    let river: RiverLine
    let scenario: Scenario
    let model: ControlModel
    let builder: ZoneBuilder

    private static let loaded: Result<ShippedTerritory, any Error> = Result {
        let gazetteer = try Gazetteer.load(directory: Repository.gazetteerDirectory)
        let river = try RiverLine.load(directory: Repository.gazetteerDirectory)
        let scenario = try Scenario.load(path: Repository.scenarioPath, gazetteer: gazetteer)
        var reports: [Report] = []
        for result in ReportReader.read(paths: [Repository.seedsDirectory]) { reports.append(try result.get()) }
        // One reader, serially: five reports need no pool.
        let reader = Reader(gazetteer: gazetteer, table: NameTable(gazetteer))
        let model = ControlModel(scenario: scenario, events: reports.flatMap { reader.read($0).events })
        return ShippedTerritory(gazetteer: gazetteer, river: river, scenario: scenario, model: model,
                         builder: try ZoneBuilder(gazetteer: gazetteer, river: river))
    }

    static func shared() throws -> ShippedTerritory { try loaded.get() }

    /// The place with this gazetteer id (a test's typo fails here, by name).
    func place(_ id: String) throws -> Place {
        try #require(gazetteer.place(id: id), "no place '\(id)' in the repository gazetteer")
    }
}

/// A day of September 2017.
func september(_ day: Int) -> Day { Day(year: 2017, month: 9, day: day)! }

/// Zone maps of the shipped model, built once per (rule, day) the tests use, as the
/// `zones` command builds them.
enum ZoneMaps {
    static let days = [1, 8, 9, 10, 11, 16]

    private static let built: [String: Result<ZoneMap, any Error>] = {
        var maps: [String: Result<ZoneMap, any Error>] = [:]
        for rule in ZoneRule.allCases {
            for d in days {
                maps["\(rule.rawValue) \(d)"] = Result {
                    let territory = try ShippedTerritory.shared()
                    return try territory.builder.build(territory.model.state(asOf: september(d)), day: september(d), rule: rule)
                }
            }
        }
        return maps
    }()

    static func map(september day: Int, rule: ZoneRule = .voronoi) throws -> ZoneMap {
        try #require(built["\(rule.rawValue) \(day)"], "the tests build zones only for 2017-09-\(days)").get()
    }
}

extension ZoneMap {
    /// The zone of `faction`, or an empty shape when it holds no ground.
    func shape(of faction: String) -> Shape {
        zones.first { $0.faction == faction }?.shape ?? .multiPolygon([])
    }
}

/// Square kilometres of the polygons in `shape` (WGS84 geodesic).
func squareKilometres(_ shape: Shape) -> Double { Geodesic.wgs84.area(of: shape) / 1e6 }

/// A fresh temporary directory, removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("conflictmap-territory-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    return try body(dir)
}
