import Foundation
import Geodesy
import Geography
import Places

// Speed figures for the README and issue notes. Run with:
//   swift run -c release conflictmap-bench [--world PATH] [--only SECTION[,SECTION]]
//       [--corpus-mb N] [--passes N] [--no-flashtext] [--dump PATH] [--reader-only] [--points N] [--no-shapely]
// --reader-only: the extraction section runs only Reader.read, once, with the world gazetteer when
// given (for a profiler: `perf record` sees the reader and the corpus generator alone).
// --passes N: the reader and flashtext each read the corpus N times (default 2); the best counts.
// Sections: names (gazetteer load, resolution, keys), geodesics, process, extraction,
// parallel (extraction on 1 thread and on every core), zones (a day's zones;
// point-in-zone classification against shapely), maps (the `map` command as whole
// processes).
// Times are medians of several runs on this machine; compare ratios within one run.

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

func measure(_ label: String, runs: Int = 5, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }
    let m = median(times)
    print(label.padding(toLength: 52, withPad: " ", startingAt: 0) + String(format: "%10.2f ms", m * 1000))
    return m
}

let arguments = CommandLine.arguments
var worldPath: String?
if let i = arguments.firstIndex(of: "--world"), i + 1 < arguments.count { worldPath = arguments[i + 1] }
var sections: Set<String> = ["names", "geodesics", "process", "extraction", "parallel", "zones", "maps"]
if let i = arguments.firstIndex(of: "--only"), i + 1 < arguments.count {
    let wanted = Set(arguments[i + 1].split(separator: ",").map(String.init))
    guard wanted.isSubset(of: sections) else {
        print("--only: sections are \(sections.sorted().joined(separator: ", "))")
        exit(2)
    }
    sections = wanted
}
var extractionOptions = ExtractionOptions()
if let i = arguments.firstIndex(of: "--corpus-mb"), i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 {
    extractionOptions.corpusBytes = n * 1_000_000
}
if let i = arguments.firstIndex(of: "--passes"), i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 {
    extractionOptions.passes = n
}
if arguments.contains("--no-flashtext") { extractionOptions.flashtext = false }
if arguments.contains("--reader-only") { extractionOptions.readerOnly = true; extractionOptions.flashtext = false }
if let i = arguments.firstIndex(of: "--dump"), i + 1 < arguments.count { extractionOptions.dump = arguments[i + 1] }
var zonesOptions = ZonesOptions()
if let i = arguments.firstIndex(of: "--points"), i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 { zonesOptions.points = n }
if arguments.contains("--no-shapely") { zonesOptions.shapely = false }

let directory = try GazetteerLocator.bundledDirectory()
var gazetteer = try Gazetteer.load(directory: directory)
var world: Gazetteer?
if sections.contains("names") {
_ = try measure("gazetteer load (default, \(gazetteer.count) places)", runs: 11) {
    gazetteer = try Gazetteer.load(directory: directory)
}
if let worldPath {
    _ = try measure("gazetteer load (\(worldPath.split(separator: "/").last!))", runs: 5) {
        world = try Gazetteer.load(directory: directory, geonamesFile: worldPath)
    }
    print("  world places: \(world!.count)")
    let queries = ["Palmyra", "Deir el-Zour", "Albukamal", "Hassakeh", "Raqqah", "al-Mayadeen", "Aleppo", "Mosul", "Baghdad", "Tehran"]
    let n = 2000
    let t = try measure("resolve \(n) names (world, unexplained)", runs: 3) {
        for i in 0..<n { _ = try world!.resolve(queries[i % queries.count], explain: false) }
    }
    print("  = \(Int(Double(n) / t)) resolutions/s")
}

let names = ["Deir el-Zour", "Dayr Az Zawr", "Albukamal", "Hassakeh", "Raqqah", "al-Mayadeen", "Tanf", "Deir ez-Zor province", "Homs", "Abou Khashab"]
let resolutions = 20_000
let rt = try measure("resolve \(resolutions) names (default, explained)", runs: 3) {
    for i in 0..<resolutions { _ = try gazetteer.resolve(names[i % names.count]) }
}
print("  = \(Int(Double(resolutions) / rt)) resolutions/s")
let ft = try measure("resolve \(resolutions) names (default, unexplained)", runs: 3) {
    for i in 0..<resolutions { _ = try gazetteer.resolve(names[i % names.count], explain: false) }
}
print("  = \(Int(Double(resolutions) / ft)) resolutions/s")

let keyCount = 1_000_000
var sink = 0
let kt = measure("name keys, \(keyCount)") {
    for i in 0..<keyCount { sink &+= NameNormalizer.key(names[i % names.count]).utf8.count }
}
print("  = \(Int(Double(keyCount) / kt)) keys/s")
if sink == 42 { print("") }
}

// Geodesics: a fixed pseudo-random set of pairs, the same every run.
if sections.contains("geodesics") {
struct LCG { var state: UInt64 = 0x9E3779B97F4A7C15
    mutating func next() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) } }
var rng = LCG()
var pairs: [(Coordinate, Coordinate)] = []
for _ in 0..<1_000_000 {
    pairs.append((Coordinate(latitude: rng.next() * 180 - 90, longitude: rng.next() * 360 - 180),
                  Coordinate(latitude: rng.next() * 180 - 90, longitude: rng.next() * 360 - 180)))
}
var total = 0.0
let gt = measure("geodesic inverse, 1,000,000 pairs", runs: 3) {
    for (a, b) in pairs { total += Geodesic.wgs84.inverse(from: a, to: b).distanceMeters }
}
print("  = \(Int(Double(pairs.count) / gt)) inverse solutions/s")
try compareGeodesics(pairs: pairs, oursPerSecond: Double(pairs.count) / gt)
let dt = measure("geodesic direct, 1,000,000", runs: 3) {
    for (a, b) in pairs { total += Geodesic.wgs84.direct(from: a, azimuth: b.longitude, distanceMeters: b.latitude * 1e5).destination.latitude }
}
print("  = \(Int(Double(pairs.count) / dt)) direct solutions/s")
if total == 42 { print("") }
}

// The whole program, as a user runs it: median wall time of `conflictmap distance`.
if sections.contains("process") {
let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let binary = binDirectory.appendingPathComponent("conflictmap")
if FileManager.default.isExecutableFile(atPath: binary.path) {
    func runProcess(_ arguments: [String]) throws -> Double { try spawnConflictMap(binary, arguments) }
    for (label, args) in [("conflictmap distance \"Deir ez-Zor\" Raqqa", ["distance", "Deir ez-Zor", "Raqqa"]),
                          ("conflictmap distance LAT,LON LAT,LON", ["distance", "35.33588,40.14084", "35.95283,39.00788"])] {
        _ = try runProcess(args)
        var times: [Double] = []
        for _ in 0..<31 { times.append(try runProcess(args)) }
        print(("process: " + label).padding(toLength: 52, withPad: " ", startingAt: 0) + String(format: "%10.2f ms (median of 31)", median(times)))
    }
    try compareDistanceProcesses(binary: binary)
    if let worldPath {
        var times: [Double] = []
        for _ in 0..<7 { times.append(try runProcess(["locate", "Palmyra", "--gazetteer", worldPath])) }
        print("process: conflictmap locate --gazetteer world".padding(toLength: 52, withPad: " ", startingAt: 0) + String(format: "%10.2f ms (median of 7)", median(times)))
    }
} else {
    print("(build the conflictmap product in release to time it as a process)")
}
}

// Extraction throughput against flashtext (ExtractionBench.swift, Corpus.swift).
if sections.contains("extraction") {
    if let worldPath, world == nil { world = try Gazetteer.load(directory: directory, geonamesFile: worldPath) }
    try runExtractionBenchmark(defaultGazetteer: gazetteer, world: world, options: extractionOptions)
}

// Extraction on one thread and on every core, same output (ParallelBench.swift).
if sections.contains("parallel") {
    try runParallelBenchmark(gazetteer: gazetteer, corpusBytes: min(extractionOptions.corpusBytes, 20_000_000))
}

// Zones and point-in-zone classification against shapely (ZonesBench.swift).
if sections.contains("zones") {
    try runZonesBenchmark(gazetteer: gazetteer, options: zonesOptions)
}

// The main job as a user runs it: `conflictmap map` on the seeds and on 1,000 reports.
if sections.contains("maps") {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("conflictmap")
    if FileManager.default.isExecutableFile(atPath: binary.path) {
        try mapBench(binary: binary, seeds: try GazetteerLocator.bundledSeedsDirectory())
    } else {
        print("maps: build conflictmap first (swift build -c release)")
    }
}
