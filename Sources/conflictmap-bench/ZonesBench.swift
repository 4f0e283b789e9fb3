import Foundation
import Geography
import Places
import Reports
import Territory
import Topology

// The zones section: building a day's zones from the model, and classifying a million
// random points against them with our PointClassifier beside shapely 2's vectorised
// contains_xy (PyPI) on the same zones and points, in one run.

struct ZonesOptions {
    var points = 1_000_000
    var shapely = true
}

func runZonesBenchmark(gazetteer: Gazetteer, options: ZonesOptions) throws {
    let sectionStart = DispatchTime.now().uptimeNanoseconds
    defer { print(String(format: "(zones section: %.0f s)", seconds(since: sectionStart))) }
    print("\n== zones ==")
    printMachine()

    // The model the zones command builds: the bundled scenario and the seed reports.
    guard let dataDirectory = gazetteer.dataDirectory else { throw benchError("the gazetteer has no data directory") }
    let scenario = try Scenario.load(path: dataDirectory + "/control-2017-09-01.tsv", gazetteer: gazetteer)
    let river = try RiverLine.load(directory: dataDirectory)
    let seeds = ReportReader.read(paths: [try GazetteerLocator.bundledSeedsDirectory()]).compactMap { try? $0.get() }
    let model = ControlModel(scenario: scenario, events: ReaderPool.read(seeds, gazetteer: gazetteer).flatMap(\.events))

    // The builder's fixed part (region ∩ Syria, the river split into banks) is made once
    // per run; a date's zones are what `build` does.
    var builder: ZoneBuilder?
    _ = try measure("zone builder (region, Syria, banks), once", runs: 5) {
        builder = try ZoneBuilder(gazetteer: gazetteer, river: river)
    }
    var maps: [String: ZoneMap] = [:]
    for iso in ["2017-09-08", "2017-09-10", "2017-09-16"] {
        let day = Day(iso: iso)!
        let state = model.state(asOf: day)
        let t = try measure("zones for \(iso) (\(state.count) held places)", runs: 11) {
            maps[iso] = try builder!.build(state, day: day)
        }
        print("  \(maps[iso]!.zones.count) zones, \(maps[iso]!.fronts.count) fronts; target < 50 ms: \(t < 0.050 ? "met" : "NOT met")")
    }

    // A million points, uniform over the map's region, the same every run.
    let map = maps["2017-09-16"]!
    let box = ZoneBuilder.bounds
    var rng = SplitMix64(seed: 0x2017_0916)
    var xy = [Double](repeating: 0, count: 2 * options.points)
    for i in 0..<options.points {
        xy[2 * i] = box.west + rng.unit() * (box.east - box.west)
        xy[2 * i + 1] = box.south + rng.unit() * (box.north - box.south)
    }
    print(String(format: "\n%d points, uniform over %.1f–%.1f E, %.1f–%.1f N (SplitMix64, fixed seed), against the %d zones of 2017-09-16:",
                 options.points, box.west, box.east, box.south, box.north, map.zones.count))
    print("  " + map.zones.map { "\($0.faction) \(vertexCount($0.shape)) vertices" }.joined(separator: ", "))

    let shapes = map.zones.map(\.shape)
    var classifier: PointClassifier?
    let indexTime = try measure("PointClassifier: grid (1024²), once", runs: 5) {
        classifier = try PointClassifier(shapes, bounds: box)
    }
    let cellCount = classifier!.cellsPerSide * classifier!.cellsPerSide
    print(String(format: "  %d of %d cells mixed (%.2f%%)", classifier!.mixedCellCount, cellCount, 100 * Double(classifier!.mixedCellCount) / Double(cellCount)))
    var answers = [Int32](repeating: -1, count: options.points)
    let classifyTime = try measure("PointClassifier: classify \(options.points) points", runs: 5) {
        try xy.withUnsafeBufferPointer { (points) throws(GEOSError) in
            try answers.withUnsafeMutableBufferPointer { (out) throws(GEOSError) in
                try classifier!.classify(interleaved: points, into: out)
            }
        }
    }
    // The same without the grid (one cell): a prepared predicate per point and zone, after
    // an envelope test; what the grid saves.
    let plain = try PointClassifier(shapes, bounds: box, depth: 0)
    var plainAnswers = [Int32](repeating: -1, count: options.points)
    let plainTime = try measure("prepared predicate per point (no grid)", runs: 1) {
        try xy.withUnsafeBufferPointer { (points) throws(GEOSError) in
            try plainAnswers.withUnsafeMutableBufferPointer { (out) throws(GEOSError) in
                try plain.classify(interleaved: points, into: out)
            }
        }
    }
    print("  same answers as the grid: \(plainAnswers == answers ? "yes" : "NO")")
    let viaGEOS = (0..<options.points).count { !classifier!.isSettledByGrid(Coordinate(latitude: xy[2 * $0 + 1], longitude: xy[2 * $0])) }
    print(String(format: "  %d points (%.2f%%) needed a GEOS predicate, the rest the grid", viaGEOS, 100 * Double(viaGEOS) / Double(options.points)))
    var counts = [Int](repeating: 0, count: map.zones.count + 1)
    for a in answers { counts[a < 0 ? map.zones.count : Int(a)] += 1 }
    print("  points per zone: " + (map.zones.map(\.faction) + ["none (outside Syria)"]).enumerated().map { "\($1) \(counts[$0])" }.joined(separator: ", "))

    var rows: [[String]] = []
    let ours = Double(options.points) / classifyTime
    let oursTotal = Double(options.points) / (indexTime + classifyTime)
    var shapelyRate: Double?
    var mismatches = "—"
    if options.shapely, let script = benchScript("shapely_bench.py") {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let zonesPath = directory + "/zones-2017-09-16.geojson"
        let features = map.zones.map { Feature(shape: $0.shape, properties: ["faction": .string($0.faction)]) }
        try GeoJSON.collection(features).serialized().write(toFile: zonesPath, atomically: false, encoding: .utf8)
        let pointsPath = directory + "/points.f64", oursPath = directory + "/ours.i32"
        try writeLittleEndian(xy, to: pointsPath)
        try writeLittleEndian(answers, to: oursPath)
        print("  shapely: running \(script) ...")
        fflush(nil)
        if let result = runPythonJSON(script: script, arguments: [zonesPath, pointsPath, oursPath], output: directory + "/shapely.json") {
            let s = result["seconds"] as? Double ?? 0
            shapelyRate = s > 0 ? Double(options.points) / s : nil
            print(String(format: "  shapely %@ (GEOS %@): prepare %.1f ms; contains_xy over %d zones: first run %.1f ms, median of %d %.1f ms",
                         result["shapely"] as? String ?? "?", result["geos"] as? String ?? "?", (result["prepare_s"] as? Double ?? 0) * 1000,
                         result["zones"] as? Int ?? 0, (result["first_s"] as? Double ?? 0) * 1000, result["runs"] as? Int ?? 0, s * 1000))
            mismatches = String(result["mismatches"] as? Int ?? -1)
            if let examples = result["mismatch_examples"] as? [[Any]], !examples.isEmpty {
                print("  mismatches (lon, lat, ours, shapely): \(examples)")
            }
        }
    }
    func ratio(_ r: Double) -> String { shapelyRate.map { String(format: "%.1f×", r / $0) } ?? "" }
    rows.append(["conflictmap PointClassifier", "classify", String(format: "%.1f", classifyTime * 1000), String(format: "%.2f M", ours / 1e6), ratio(ours)])
    rows.append(["conflictmap PointClassifier", "grid + classify", String(format: "%.1f", (indexTime + classifyTime) * 1000),
                 String(format: "%.2f M", oursTotal / 1e6), ratio(oursTotal)])
    rows.append(["conflictmap PointClassifier", "no grid", String(format: "%.1f", plainTime * 1000),
                 String(format: "%.2f M", Double(options.points) / plainTime / 1e6), ratio(Double(options.points) / plainTime)])
    if let shapelyRate {
        rows.append(["shapely contains_xy", "per zone (prepared)", String(format: "%.1f", Double(options.points) / shapelyRate * 1000),
                     String(format: "%.2f M", shapelyRate / 1e6), "1.0×"])
    }
    print("\npoint-in-zone classification, one core, \(options.points) points, \(map.zones.count) zones:")
    printTable(header: ["tool", "timed", "ms", "points/s", "ours/shapely"], rows: rows)
    print("mismatches (points the two assign to different zones): \(mismatches)")
}

func vertexCount(_ shape: Shape) -> Int {
    shape.polygons.reduce(0) { $0 + $1.exterior.count + $1.holes.reduce(0) { $0 + $1.count } }
}

func writeLittleEndian<T: FixedWidthInteger>(_ values: [T], to path: String) throws {
    try values.map(\.littleEndian).withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
}

func writeLittleEndian(_ values: [Double], to path: String) throws {
    try values.map(\.bitPattern.littleEndian).withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
}
